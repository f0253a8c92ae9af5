#!/usr/bin/env bash
# Set everything up and run the whole test suite (a real Xvfb desktop, tray host, dbus and an
# unlocked gnome-keyring are started by the tests themselves). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EC2C_WITH_TEST_APT=1 source scripts/setup.sh
.venv/bin/python -m ruff check easyclick2call tests benchmarks packaging scripts
# Run with no display inherited: the suite starts its own Xvfb session.
exec env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    .venv/bin/python -m pytest "$@"
