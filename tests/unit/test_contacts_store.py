"""The contacts store: names by E.164 number, sources replaced or forgotten as a whole."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from easyclick2call.core.contacts import (
    Contact,
    ContactNumber,
    ContactStore,
    digit_queries,
    fold,
    to_e164,
)
from easyclick2call.core.paths import resolve_profile


def contact(name: str, *numbers: str, source_id: str = "") -> Contact:
    return Contact(name, tuple(ContactNumber(number, "work") for number in numbers),
                   source_id or name)


@pytest.fixture
def store(profile_dir: Path) -> ContactStore:
    return ContactStore(resolve_profile(str(profile_dir)).contacts_db)


def test_lookup_by_e164_and_private_file(store: ContactStore) -> None:
    assert store.lookup("+33199001234") is None
    stored = store.replace_source("file:a.vcf", "a.vcf", [
        contact("Dr Martin", "+33199001234", "+33639981234"),
        contact("Émile Zola", "+33199004567"),
    ])
    assert stored == 2
    assert store.lookup("+33199001234") == "Dr Martin"
    assert store.lookup("+33639981234") == "Dr Martin"
    assert store.lookup("+33199004567") == "Émile Zola"
    assert store.lookup("+33199009999") is None
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_entries_without_name_or_valid_number_are_not_stored(store: ContactStore) -> None:
    stored = store.replace_source("file:a", "a", [
        contact("   ", "+33199001234"),
        contact("No number"),
        contact("Bad number", "0199001234"),  # not E.164
        contact("  Two \n lines  ", "+33199001235"),
    ])
    assert stored == 1
    assert store.lookup("+33199001235") == "Two lines"


def test_ovh_phonebooks_win_over_imported_files(store: ContactStore) -> None:
    store.replace_source("file:old.csv", "old.csv", [contact("From a file", "+33199001234")])
    store.replace_source("ovh:ab1-ovh-1/book", "Société", [contact("Dr Martin", "+33199001234")])
    assert store.lookup("+33199001234") == "Dr Martin"
    assert store.names()["+33199001234"] == "Dr Martin"


def test_names_map_agrees_with_lookup(store: ContactStore) -> None:
    store.replace_source("file:x", "x", [contact("First", "+33199000001"),
                                          contact("Second", "+33199000001", "+33199000002")])
    names = store.names()
    assert names == {"+33199000001": "First", "+33199000002": "Second"}
    assert all(store.lookup(number) == name for number, name in names.items())


def test_replace_source_replaces_only_that_source(store: ContactStore) -> None:
    store.replace_source("file:a", "a", [contact("A", "+33199000001")])
    store.replace_source("file:b", "b", [contact("B", "+33199000002")])
    store.replace_source("file:a", "a", [contact("A2", "+33199000003")])
    assert store.lookup("+33199000001") is None
    assert store.lookup("+33199000002") == "B"
    assert store.lookup("+33199000003") == "A2"
    assert [(info.source, info.contacts) for info in store.sources()] == [
        ("file:a", 1), ("file:b", 1)]


def test_update_source_adds_replaces_and_removes_by_id(store: ContactStore) -> None:
    store.replace_source("ovh:ba/b", "b", [contact("One", "+33199000001", source_id="1"),
                                            contact("Two", "+33199000002", source_id="2")],
                         state="1,2")
    assert store.source_state("ovh:ba/b") == "1,2"
    store.update_source("ovh:ba/b", "b", add=[contact("Two bis", "+33199000022", source_id="2"),
                                               contact("Three", "+33199000003", source_id="3")],
                        remove=["1"], state="2,3")
    assert store.source_ids("ovh:ba/b") == {"2", "3"}
    assert store.lookup("+33199000001") is None
    assert store.lookup("+33199000002") is None
    assert store.lookup("+33199000022") == "Two bis"
    assert store.source_state("ovh:ba/b") == "2,3"
    assert store.source_state("ovh:ba/other") is None


def test_search_by_name_ignores_case_and_accents(store: ContactStore) -> None:
    store.replace_source("file:x", "x", [contact("Dr Émile Martin", "+33199001234"),
                                          contact("Hélène Lefèvre", "+33199004455"),
                                          contact("100% Pâtisserie_Co", "+33199007788")])
    assert [c.name for c in store.search("emile")] == ["Dr Émile Martin"]
    assert [c.name for c in store.search("MARTIN dr")] == ["Dr Émile Martin"]
    assert [c.name for c in store.search("lefevre")] == ["Hélène Lefèvre"]
    assert [c.name for c in store.search("e")] == ["100% Pâtisserie_Co", "Dr Émile Martin",
                                                   "Hélène Lefèvre"]
    assert [c.name for c in store.search("0%")] == ["100% Pâtisserie_Co"]
    assert [c.name for c in store.search("e_c")] == ["100% Pâtisserie_Co"]
    assert store.search("") == [] and store.search("   ") == []
    found = store.search("martin")[0]
    assert found.numbers == (ContactNumber("+33199001234", "work"),) and found.id is not None


def test_search_by_digits_national_or_international(store: ContactStore) -> None:
    store.replace_source("file:x", "x", [contact("Dr Martin", "+33199001234"),
                                          contact("London", "+441632960001")])
    for typed in ("01 99 00 12", "0199001234", "+33 1 99 00", "0033199", "001234"):
        assert [c.name for c in store.search(typed, region="FR")] == ["Dr Martin"], typed
    assert [c.name for c in store.search("01632 960", region="GB")] == ["London"]
    assert store.search("7") == []  # one digit matches too much to be useful
    assert len(store.search("1", region="FR")) == 0


def test_search_limit(store: ContactStore) -> None:
    store.replace_source("file:x", "x", [contact(f"Person {i:02d}", f"+331990000{i:02d}")
                                          for i in range(30)])
    assert len(store.search("person")) == 20
    assert len(store.search("person", limit=5)) == 5


def test_forget_source_and_clear(store: ContactStore) -> None:
    store.replace_source("file:a", "a", [contact("A", "+33199000001")])
    store.replace_source("ovh:ba/b", "b", [contact("B", "+33199000002"),
                                            contact("C", "+33199000003")])
    assert store.count() == 3
    assert store.forget_source("file:a") == 1
    assert store.lookup("+33199000001") is None
    assert [info.source for info in store.sources()] == ["ovh:ba/b"]
    assert store.clear() == 2
    assert store.count() == 0 and store.sources() == [] and store.names() == {}
    assert b"+33199000002" not in store.path.read_bytes()


def test_all_lists_by_name_with_numbers(store: ContactStore) -> None:
    store.replace_source("file:a", "a", [contact("b", "+33199000002"),
                                          contact("A", "+33199000001", "+33199000011")])
    listed = store.all()
    assert [(c.name, c.source, len(c.numbers)) for c in listed] == [
        ("A", "file:a", 2), ("b", "file:a", 1)]
    assert store.all("file:other") == []


def test_concurrent_writers_and_readers(store: ContactStore) -> None:
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            store.replace_source(f"file:{index}", str(index),
                                 [contact(f"N{index}", f"+3319900{index:04d}")])
            assert store.lookup(f"+3319900{index:04d}") == f"N{index}"
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.count() == 8


@pytest.mark.parametrize(("raw", "region", "expected"), [
    ("01 99 00 12 34", "FR", "+33199001234"),
    ("0033199001234", "FR", "+33199001234"),
    ("+33 (0)1 99 00 12 34", "FR", "+33199001234"),
    ("tel:+33-1-99-00-12-34", "FR", "+33199001234"),
    ("tel:+33199001234;ext=12", "FR", "+33199001234"),
    ("(202) 555-0143", "US", "+12025550143"),
    ("(202) 555-0143", "FR", None),
    ("call me maybe", "FR", None),
    ("", "FR", None),
    ("1" * 50, "FR", None),
])
def test_to_e164(raw: str, region: str, expected: str | None) -> None:
    assert to_e164(raw, region) == expected


def test_fold_and_digit_queries() -> None:
    assert fold("Ÿvette ÉLISE") == "yvette elise"
    assert digit_queries("01 99 00", "FR") == ["019900", "3319900"]
    assert digit_queries("0033 1 99", "FR") == ["0033199", "33199"]
    assert digit_queries("+33 1 99", "FR") == ["33199"]
    assert digit_queries("abc 1", "FR") == []
