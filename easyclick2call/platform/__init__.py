"""Per-OS code behind small interfaces: autostart, URL handlers, clipboard, single instance."""
