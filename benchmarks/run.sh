#!/usr/bin/env bash
# Run every benchmark and print its figures: number detection vs plain phonenumbers, the call
# history and contacts at scale, then the desktop app vs a minimal PySide6 program (the floor)
# under Xvfb, the first call vs the next ones, live calls (event → toast, idle wake-ups with the
# stream open, RSS over 1,000 events), the global shortcut vs a copy, and Wayland (a headless
# Sway) vs X11. Not part of the test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EC2C_WITH_TEST_APT=1 source scripts/setup.sh
echo "== Number detection (benchmarks/bench_numbers.py)"
.venv/bin/python benchmarks/bench_numbers.py "$@"
echo
echo "== Call history: integrity check, migration, repair (benchmarks/bench_history.py)"
.venv/bin/python benchmarks/bench_history.py
echo "== Contacts: import, sync, look-ups, popup with names (benchmarks/bench_contacts.py)"
.venv/bin/python benchmarks/bench_contacts.py
echo
echo "== Long uptime: RSS over 10,000 copies (benchmarks/bench_uptime_memory.py)"
.venv/bin/python benchmarks/bench_uptime_memory.py
echo
echo "== Desktop app vs the floor (benchmarks/bench_app.py)"
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python benchmarks/bench_app.py
echo
echo "== First call vs the next ones (benchmarks/bench_calls.py)"
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python benchmarks/bench_calls.py
echo
echo "== Live calls (benchmarks/bench_live_calls.py)"
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python benchmarks/bench_live_calls.py
echo
echo "== Global shortcut vs copy (benchmarks/bench_hotkey.py)"
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python benchmarks/bench_hotkey.py
echo
echo "== Wayland (headless Sway) vs X11: copy → offer (benchmarks/bench_wayland.py)"
env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS .venv/bin/python benchmarks/bench_wayland.py
