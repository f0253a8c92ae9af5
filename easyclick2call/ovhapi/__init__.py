"""The OVHcloud API side: client factory, sign-in, discovery, Click2Call users, error mapping."""
