#!/usr/bin/env bash
# Package the one-folder PyInstaller build as an AppImage.
#
#   EC2C_BUILD_MODE=onedir bash scripts/build_linux.sh --no-smoke   # → dist/onedir/easyclick2call/
#   bash packaging/linux/build_appimage.sh                          # → dist/EasyClick2Call-<version>-x86_64.AppImage
#
# It lays out an AppDir (usr/lib/easyclick2call = the PyInstaller folder, usr/bin link, the desktop
# file, AppStream metainfo and hicolor icons from resources/linux/, AppRun), then runs appimagetool.
# appimagetool is not on Debian: download it once from
# https://github.com/AppImage/appimagetool/releases (appimagetool-x86_64.AppImage, chmod +x, put it
# on PATH or in APPIMAGETOOL=/path). Build on the oldest distribution you support (glibc).
# The AppDir alone is left in build/AppDir when appimagetool is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
APP_ID=io.github.easyclick2call.EasyClick2Call
VERSION=$(.venv/bin/python -c "import easyclick2call; print(easyclick2call.__version__)")
SRC="${EC2C_ONEDIR:-dist/onedir/easyclick2call}"
APPDIR=build/AppDir
[ -x "$SRC/easyclick2call" ] || { echo "no $SRC/easyclick2call: build with EC2C_BUILD_MODE=onedir first" >&2; exit 1; }

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/bin" "$APPDIR/usr/share/applications" \
    "$APPDIR/usr/share/metainfo" "$APPDIR/usr/share/icons"
cp -a "$SRC" "$APPDIR/usr/lib/easyclick2call"
ln -s ../lib/easyclick2call/easyclick2call "$APPDIR/usr/bin/easyclick2call"
cp resources/linux/$APP_ID.desktop "$APPDIR/usr/share/applications/"
cp resources/linux/$APP_ID.metainfo.xml "$APPDIR/usr/share/metainfo/"
# AppStream tooling inside appimagetool looks for the .appdata.xml name too.
cp resources/linux/$APP_ID.metainfo.xml "$APPDIR/usr/share/metainfo/$APP_ID.appdata.xml"
cp -a resources/linux/icons/hicolor "$APPDIR/usr/share/icons/"
cp resources/linux/$APP_ID.desktop "$APPDIR/"
cp resources/linux/icons/hicolor/256x256/apps/$APP_ID.png "$APPDIR/$APP_ID.png"
ln -s $APP_ID.png "$APPDIR/.DirIcon"
cat > "$APPDIR/AppRun" <<'APPRUN'
#!/bin/sh
# $APPIMAGE (set by the runtime) is what tel: links and autostart entries then call.
HERE="$(dirname "$(readlink -f "$0")")"
exec "$HERE/usr/lib/easyclick2call/easyclick2call" "$@"
APPRUN
chmod +x "$APPDIR/AppRun"

TOOL="${APPIMAGETOOL:-$(command -v appimagetool || command -v appimagetool-x86_64.AppImage || true)}"
if [ -z "$TOOL" ]; then
    echo "AppDir ready in $APPDIR; install appimagetool (see the header of this script) to finish."
    exit 0
fi
OUT="dist/EasyClick2Call-$VERSION-x86_64.AppImage"
ARCH=x86_64 "$TOOL" --no-appstream "$APPDIR" "$OUT"
echo "built $OUT ($(du -m "$OUT" | cut -f1) MB)"
