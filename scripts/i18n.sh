#!/usr/bin/env bash
# Refresh the French catalogue: regenerate ui/catalogue_extra.py (the Qt-free strings: ApiError
# kinds, keyring messages, settings labels), run pyside6-lupdate over every Python file of
# easyclick2call/ into resources/translations/easyclick2call_fr.ts (existing translations kept,
# vanished strings dropped), copy the error tables' own French into it, then compile the .qm with
# pyside6-lrelease. New strings come out "unfinished": translate them (Qt Linguist:
# .venv/bin/pyside6-linguist resources/translations/easyclick2call_fr.ts, or by hand) and run
# this again. tests/unit/test_i18n_catalogue.py fails while any string lacks its French.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python
BIN=.venv/bin
TS=resources/translations/easyclick2call_fr.ts
QM=resources/translations/easyclick2call_fr.qm

"$PY" -m easyclick2call.ui.i18n catalogue > easyclick2call/ui/catalogue_extra.py.new
mv easyclick2call/ui/catalogue_extra.py.new easyclick2call/ui/catalogue_extra.py

mapfile -t sources < <(find easyclick2call -name '*.py' -not -path '*/__pycache__/*' | sort)
lupdate() {
    "$BIN/pyside6-lupdate" -silent -locations none -no-obsolete -source-language en \
        -target-language fr "${sources[@]}" -ts "$TS"
}
lupdate
"$PY" -m easyclick2call.ui.i18n fill-ts "$TS"
lupdate   # back to lupdate's own layout after the fill (smaller diffs)
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"

# Lists what is left to translate (exit status 0 either way: the test is the gate).
"$PY" -m easyclick2call.ui.i18n check-ts "$TS" || true
