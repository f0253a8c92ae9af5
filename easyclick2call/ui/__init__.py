"""The Qt layer: app wiring, tray, clipboard watcher, popup, dialogs. Talks to core/ovhapi only."""
