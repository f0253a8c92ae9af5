#!/usr/bin/env bash
# Set up what EasyClick2Call needs on Debian/Ubuntu: the apt packages (installed when run as root,
# otherwise the one apt-get line to run is printed) and the Python virtual environment in .venv.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again (it only adds what is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Qt's xcb plugin libraries, then what the tests drive: a real X server, clipboard tools, a tray
# host, a session bus with gnome-keyring (and gcr, its unlock prompt), a browser for the sign-in
# page, screenshot and packaging checks, a headless Wayland compositor (Sway) and the wl-clipboard
# tools the app watches Wayland's clipboard with.
RUNTIME_APT="libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 \
libxcb-randr0 libxcb-render-util0 libxcb-xfixes0 libxcb-sync1 libx11-xcb1 fonts-dejavu-core"
TEST_APT="xvfb xauth x11-utils xclip xsel xdotool trayer dbus-daemon gnome-keyring gcr \
imagemagick chromium chromium-driver xdg-utils desktop-file-utils appstream binutils \
sway wl-clipboard"
APT_PACKAGES="$RUNTIME_APT ${EC2C_WITH_TEST_APT:+$TEST_APT}"

missing=()
for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ]; then
        echo "setup: installing ${#missing[@]} apt packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "setup: these packages are missing; install them, then run this again:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.ec2c-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    # pip's and setuptools' chatter (an editable install warns at length) goes to a log that is
    # shown only when something fails.
    echo "setup: installing EasyClick2Call's Python packages into .venv (about a minute)…"
    pip_log=.venv/setup-pip.log
    if ! { .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip &&
           .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"; } \
        >"$pip_log" 2>&1; then
        tail -n 30 "$pip_log" >&2
        echo "setup: pip failed (full log: $pip_log)" >&2
        exit 1
    fi
    touch "$stamp"
fi

# The easyclick2call command in ~/.local/bin and a menu entry, for the user (Linux; not for the
# test suite, which must leave the home folder alone). `easyclick2call uninstall` removes them.
if [ -z "${EC2C_WITH_TEST_APT:-}" ] && [ "$(uname -s)" != Darwin ] && {
    [ ! -L "$HOME/.local/bin/easyclick2call" ] ||
    [ ! -f "${XDG_DATA_HOME:-$HOME/.local/share}/applications/io.github.easyclick2call.EasyClick2Call.desktop" ]; }; then
    .venv/bin/python -m easyclick2call install --quiet ||
        echo "setup: the command and menu entry could not be added (the app works without them)" >&2
fi
