#!/usr/bin/env bash
# Take the README's screenshots for real under Xvfb (the app in demo mode, the settings dialog
# filled from the sandbox) into docs/screenshots/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EC2C_WITH_TEST_APT=1 source scripts/setup.sh
export -n DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS 2>/dev/null || true
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python scripts/screenshots_app.py
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python scripts/screenshots_settings.py
ls -l docs/screenshots/
