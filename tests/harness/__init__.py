"""Test harness: a real desktop session (Xvfb, dbus, gnome-keyring, a tray host) for the tests."""
