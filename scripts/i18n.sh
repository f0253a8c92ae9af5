#!/usr/bin/env bash
# Refresh the French catalogue (docs/translations.md): regenerate ui/catalogue_extra.py (the
# strings lupdate cannot see by itself: settings labels, session reasons, translate helpers), run
# pyside6-lupdate over every Python file of easyclick2call/ into
# resources/translations/easyclick2call_fr.ts (existing translations kept, vanished strings
# dropped; QT_TRANSLATE_NOOP marks in the Qt-free layers and the CLI's translate("Cli", …) calls
# included), then compile the .qm with pyside6-lrelease. New strings come out "unfinished": translate them (Qt Linguist:
# .venv/bin/pyside6-linguist resources/translations/easyclick2call_fr.ts, or by hand) and run
# this again. tests/unit/test_i18n_catalogue.py fails while any string lacks its French.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python
BIN=.venv/bin
TS=resources/translations/easyclick2call_fr.ts
QM=resources/translations/easyclick2call_fr.qm

"$PY" scripts/i18n_tools.py catalogue > easyclick2call/ui/catalogue_extra.py.new
mv easyclick2call/ui/catalogue_extra.py.new easyclick2call/ui/catalogue_extra.py

mapfile -t sources < <(find easyclick2call -name '*.py' -not -path '*/__pycache__/*' | sort)
lupdate() {
    "$BIN/pyside6-lupdate" -silent -locations none -no-obsolete -source-language en \
        -target-language fr "${sources[@]}" -ts "$TS"
}
lupdate
"$PY" scripts/i18n_tools.py fill-ts "$TS"
lupdate   # back to lupdate's own layout after the fill (smaller diffs)
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"

# Lists what is left to translate (exit status 0 either way: the test is the gate).
"$PY" scripts/i18n_tools.py check-ts "$TS" || true
