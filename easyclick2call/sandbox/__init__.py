"""A local emulator of the OVHcloud API routes EasyClick2Call uses (standard library only)."""
