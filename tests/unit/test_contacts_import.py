"""Importing address-book exports: vCards (2.1, 3.0, 4.0) and the CSVs of common programs."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyclick2call.core.contacts_import import (
    ContactImportError,
    _needed_lines,
    decode,
    read_csv,
    read_file,
    read_vcards,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def entries(name: str, region: str = "FR") -> dict[str, list[tuple[str, str]]]:
    result = read_file(DATA / name, region)
    return {c.name: [(n.e164, n.kind) for n in c.numbers] for c in result.contacts}


def test_google_csv() -> None:
    result = read_file(DATA / "google.csv", "FR")
    assert result.format == "csv"
    assert entries("google.csv") == {
        "Dr Camille Martin": [("+33199001234", "work"), ("+33639981234", "mobile"),
                              ("+33639985678", "mobile")],  # " ::: " joins two values
        "Émile Zola": [("+33199004567", "home")],  # the phonetic columns are not the name
        "Boulangerie du Coin": [("+33199007788", "work")],  # no person name: the organisation
    }
    assert result.skipped_numbers == 1  # "call me maybe"
    assert result.skipped_entries == 2  # no number / no valid number


def test_outlook_csv_reads_numbers_in_the_user_region() -> None:
    assert entries("outlook.csv") == {
        "Mrs. Sophie Durand": [("+33639980011", "mobile"), ("+33199002233", "work"),
                               ("+33199002299", "fax")],
    }
    # (202) 555-0143 has no country: it is a number only for a user in North America
    assert entries("outlook.csv", "US")["John Q. Public"] == [("+12025550143", "home")]


def test_thunderbird_csv_english_and_french_cp1252_semicolons() -> None:
    assert entries("thunderbird.csv") == {
        "Lucie Bernard (cabinet)": [("+33199003141", "work"), ("+33639983141", "mobile")],
        "Hans Müller": [("+4930901820", "work")],
        "Standard Mairie": [("+33199001000", "work")],
    }
    assert entries("thunderbird_fr.csv") == {
        "Hélène Lefèvre": [("+33199004455", "work")],
        "René G.": [("+33199004466", "fax")],
    }


def test_google_vcard() -> None:
    result = read_file(DATA / "google.vcf", "FR")
    assert result.format == "vcard" and result.skipped_entries == 1  # e-mail only
    assert entries("google.vcf") == {
        "Camille Martin": [("+33199001234", "work"), ("+33639981234", "cell")],
        "Boulangerie du Coin": [("+33199007788", "work")],
    }


def test_apple_vcard_with_groups_and_photo() -> None:
    result = read_file(DATA / "apple.vcf", "FR")
    assert entries("apple.vcf") == {
        "Dr Camille Martin": [("+33199001234", "work"), ("+33639981234", "")],
        "Mairie de Démoville": [("+33199001000", "main")],
    }
    assert [c.source_id for c in result.contacts] == ["card-0", "card-1"]


def test_android_vcard_21_quoted_printable() -> None:
    result = read_file(DATA / "android21.vcf", "FR")
    assert entries("android21.vcf") == {
        "Dupré Élise": [("+33639984321", "cell"), ("+33199008765", "home")],
    }
    assert (result.skipped_numbers, result.skipped_entries) == (1, 1)


def test_thunderbird_vcard_40_tel_uris() -> None:
    assert entries("thunderbird4.vcf") == {
        "Lucie Bernard": [("+33199003141", "work"), ("+33639983141", "cell")],
    }


def test_a_broken_card_does_not_stop_the_import() -> None:
    text = ("BEGIN:VCARD\nVERSION:3.0\nFN:Good\nTEL:0199001234\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN;this is not=valid\x00:\nTEL\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nN:Family;Given;;Dr;\nTEL:0199001235\nEND:VCARD\n")
    result = read_vcards(text, "FR")
    assert [c.name for c in result.contacts] == ["Good", "Dr Given Family"]


def test_needed_lines_keeps_folds_soft_breaks_and_one_name() -> None:
    card = ("BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\nTEL:0199=\nEND\n"
            "PHOTO;ENCODING=b:AAAA\n BBBB\nitem1.TEL:0199001234\nN:Long;Name\nFN:Long\n"
            "  name\nORG:Company\nUID:1\nEND:VCARD")
    assert _needed_lines(card).split("\n") == [
        "BEGIN:VCARD", "VERSION:2.1", "item1.TEL:0199001234", "FN:Long", "  name", "END:VCARD"]
    no_fn = "BEGIN:VCARD\nFN:\nORG:Company\nN:Family;Given\nTEL:1\nEND:VCARD"
    assert _needed_lines(no_fn).split("\n") == [
        "BEGIN:VCARD", "N:Family;Given", "TEL:1", "END:VCARD"]


def test_decode() -> None:
    assert decode("Prénom".encode("utf-16")) == "Prénom"
    assert decode("\ufeffPrénom".encode()) == "Prénom"
    assert decode("Prénom".encode("cp1252")) == "Prénom"


def test_csv_without_phone_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,E-mail Address\nA,a@example.org\n", encoding="utf-8")
    with pytest.raises(ContactImportError, match="no phone number column"):
        read_file(path, "FR")
    with pytest.raises(ContactImportError, match="empty"):
        read_csv("", "FR")


def test_unreadable_or_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ContactImportError, match=r"Cannot read missing\.vcf"):
        read_file(tmp_path / "missing.vcf", "FR")
    empty = tmp_path / "empty.vcf"
    empty.write_text("hello\n", encoding="utf-8")
    with pytest.raises(ContactImportError, match="no vCard"):
        read_file(empty, "FR")
