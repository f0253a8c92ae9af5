#!/usr/bin/env bash
# Build the Linux binary with PyInstaller and smoke-test it under Xvfb.
#
#   bash scripts/build_linux.sh            # one file: dist/easyclick2call
#   EC2C_BUILD_MODE=onedir bash scripts/build_linux.sh   # dist/onedir/easyclick2call/ (for the AppImage)
#   bash scripts/build_linux.sh --no-smoke # build only
#
# The smoke test (packaging/linux/smoke_test.py) runs `--version`, then the demo: a number copied
# with xclip → the popup (xdotool search --name +33199001234) → Return → the call in the demo
# sandbox's /sandbox/calls. It needs xvfb, xclip, xdotool (and uses trayer and dbus when present).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python
MODE="${EC2C_BUILD_MODE:-onefile}"
# One folder goes to dist/onedir/easyclick2call/ (dist/easyclick2call is the one-file binary).
if [ "$MODE" = onefile ]; then DIST="${EC2C_DIST:-dist}"; else DIST="${EC2C_DIST:-dist/onedir}"; fi
WORK="${EC2C_WORK:-build/pyinstaller}"

if [ "${1:-}" = "--smoke-inner" ]; then
    # Inside xvfb-run (and a session bus): a tray host if we have one, then the smoke test.
    if command -v trayer >/dev/null; then
        trayer --edge top --align right --widthtype request --height 24 --SetDockType false \
            --transparent false >/dev/null 2>&1 &
        tray_pid=$!
        trap 'kill "$tray_pid" 2>/dev/null || true' EXIT
    fi
    "$PY" packaging/linux/smoke_test.py "$2"
    exit
fi

if ! "$PY" -m PyInstaller --version >/dev/null 2>&1; then
    echo "build: installing PyInstaller into .venv"
    "$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.5"
fi
bash scripts/i18n.sh >/dev/null   # the .qm shipped is compiled from today's .ts

start=$SECONDS
EC2C_BUILD_MODE="$MODE" "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/easyclick2call.spec
elapsed=$((SECONDS - start))
if [ "$MODE" = onefile ]; then
    binary="$DIST/easyclick2call"
    size=$(du -m "$binary" | cut -f1)
else
    binary="$DIST/easyclick2call/easyclick2call"
    size=$(du -sm "$DIST/easyclick2call" | cut -f1)
fi
echo "build: $binary in ${elapsed} s, ${size} MB ($MODE)"

if [ "${1:-}" = "--no-smoke" ]; then
    exit 0
fi
smoke=(bash "$0" --smoke-inner "$binary")
if command -v dbus-run-session >/dev/null; then
    smoke=(dbus-run-session -- "${smoke[@]}")
fi
env -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "${smoke[@]}"
