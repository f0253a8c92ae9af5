"""The CI gate for French: lupdate over today's sources finds no string without a finished
French translation, the committed .qm is compiled from the committed .ts, and translations keep
the placeholders of their source. After adding strings, run scripts/i18n.sh and translate."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n_tools  # noqa: E402  (scripts/ is not a package)

TS = ROOT / "resources" / "translations" / "easyclick2call_fr.ts"
QM = ROOT / "resources" / "translations" / "easyclick2call_fr.qm"
CATALOGUE = ROOT / "easyclick2call" / "ui" / "catalogue_extra.py"
BIN = Path(sys.executable).parent
FIX = "Run scripts/i18n.sh, translate what it lists in " + str(TS.relative_to(ROOT))


def messages(path: Path):
    """(context, source, [translations], numerus) of every message of a .ts file."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") != "yes":
                forms = [translation.text or ""]
            yield name, message.findtext("source", ""), forms, message.get("numerus") == "yes"


def test_lupdate_over_the_current_sources_finds_every_string_translated(tmp_path):
    ts = tmp_path / "easyclick2call_fr.ts"
    shutil.copy(TS, ts)
    catalogue = tmp_path / "catalogue_extra.py"
    catalogue.write_text(i18n_tools.catalogue_source(), encoding="utf-8")
    sources = [str(p) for p in sorted((ROOT / "easyclick2call").rglob("*.py")) if p != CATALOGUE]
    result = subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
         "-source-language", "en", "-target-language", "fr", *sources, str(catalogue),
         "-ts", str(ts)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    i18n_tools.fill_ts(ts)
    missing = i18n_tools.untranslated_messages(ts)
    listing = "\n".join(f"  [{context}] {source}" for context, source in missing)
    assert not missing, f"{len(missing)} string(s) without French. {FIX}:\n{listing}"
    assert len(list(messages(ts))) > 150


def test_generated_catalogue_of_qt_free_strings_is_up_to_date():
    assert CATALOGUE.read_text(encoding="utf-8") == i18n_tools.catalogue_source(), FIX


def test_committed_qm_holds_every_translation_of_the_ts():
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context, source, forms, numerus in messages(TS):
        got = translator.translate(context, source, None, 1 if numerus else -1)
        if got != forms[0]:  # QTranslator leaves %n for QCoreApplication.translate to fill
            stale.append(source)
    assert not stale, f"the .qm is older than the .ts: {FIX}. Stale: {stale[:5]}"


PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)|\{[a-z_]*\}|</?[a-z0-9]+[^>]*>")
ACCELERATOR = re.compile(r"&(?=[^\W_&])")


@pytest.mark.parametrize("check", ["placeholders", "accelerators"])
def test_translations_keep_placeholders_markup_and_one_shortcut(check):
    problems = []
    for context, source, forms, numerus in messages(TS):
        for form in forms:
            if check == "placeholders":
                want = sorted(PLACEHOLDER.findall(source))
                got = sorted(PLACEHOLDER.findall(form))
                if numerus:  # a singular form may spell the count out
                    want, got = [p for p in want if p != "%n"], [p for p in got if p != "%n"]
                if want != got:
                    problems.append((context, source, form))
            elif len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(form)):
                problems.append((context, source, form))
    assert not problems, problems




# French in Python source is data about input text, never a message: the number-detection and
# contact-import lexicons, the sandbox's demo data, and these few named exceptions.
FRENCH = re.compile(r"[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛŒ]|\b(?:vous|votre|veuillez|aucun|aucune|"
                    r"impossible de|connexion|appel|appeler|annuler|réglages)\b", re.IGNORECASE)
LEXICON_MODULES = {
    "core/numbers_labels.py": "the words that name a phone number in a text",
    "core/numbers_rules.py": "the words and patterns that say a number is not a phone number",
    "core/numbers_text.py": "the text normalisation of numbers as people write them",
    "core/numbers_masks.py": "the words around masked numbers",
    "core/numbers.py": "the warm-up's sample text, written as a French invoice is",
}
RAW_PATTERNS_ONLY = {
    "core/contacts_import.py": "the header aliases of French address-book exports (regexes)",
    "ovhapi/telephony.py": "the accented letters OVHcloud accepts in a password (regex)",
}
OTHER_DATA = {
    "platform/url_handler.py": "the .desktop file's own [fr] entries, read by the desktop",
}
TYPED_ANSWERS = {("platform/clipboard_read.py", "annuler"): "what a French user types to cancel"}


def _string_literals(path: Path):
    """(line, source text of the literal, value) of every string constant but docstrings."""
    import ast

    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(
                body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.Constant):
                    docstrings.discard(id(part))
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings):
            yield node.lineno, ast.get_source_segment(source, node) or "", node.value


def test_no_french_text_in_the_package_outside_the_catalogue():
    package = ROOT / "easyclick2call"
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name.startswith("sandbox/") or name in LEXICON_MODULES or name in OTHER_DATA:
            continue
        for line, segment, value in _string_literals(path):
            if not FRENCH.search(value):
                continue
            if name in RAW_PATTERNS_ONLY and segment.lstrip("bfBF").lower().startswith("r"):
                continue
            if (name, value) in TYPED_ANSWERS:
                continue
            found.append(f"{name}:{line}: {value[:60]!r}")
    assert not found, ("French belongs in resources/translations/easyclick2call_fr.ts "
                       "(docs/translations.md):\n" + "\n".join(found))
