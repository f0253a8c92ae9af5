"""PySide6's per-module check answers the same without keeping every source in linecache."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def _imports_after_pyside(folder, lighten: bool) -> dict:
    code = textwrap.dedent(f"""
        import json, linecache, sys
        sys.path.insert(0, {str(folder)!r})
        import PySide6.QtCore
        from easyclick2call.ui.pyside_imports import lighten_pyside_import_check
        applied = lighten_pyside_import_check() if {lighten} else None
        again = lighten_pyside_import_check() if {lighten} else None
        import fractions, ipaddress, probe_uses_qt
        answers = sys.modules["shibokensupport.feature"].pyside_feature_dict
        cached = [name for name in linecache.cache if "fractions" in name
                  or "ipaddress" in name or "probe_uses_qt" in name]
        print(json.dumps({{"applied": [applied, again], "cached": cached,
                          "answers": [answers.get(name) for name in
                                      ("fractions", "ipaddress", "probe_uses_qt")]}}))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return json.loads(out)


def test_modules_imported_after_pyside_leave_no_source_in_memory_and_get_the_same_answer(
        tmp_path):
    (tmp_path / "probe_uses_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    theirs = _imports_after_pyside(tmp_path, lighten=False)
    ours = _imports_after_pyside(tmp_path, lighten=True)
    assert len(theirs["cached"]) == 3  # PySide6's own check keeps every line of each file
    assert ours["applied"] == [True, False]
    assert ours["cached"] == []
    assert ours["answers"] == theirs["answers"] == [-1, -1, 0]  # 0: it uses PySide6
