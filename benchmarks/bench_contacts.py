"""Benchmark: contacts at scale — import, OVHcloud sync, look-ups, and the popup with names.

    .venv/bin/python benchmarks/bench_contacts.py [--contacts 10000] [--quick]

Prints, for N contacts (10,000 by default):

- import of an N-card vCard file (realistic cards: name, two numbers, e-mail, address, note;
  one in ten with a small photo) into a fresh store, end to end (read, parse, store);
- first sync of a sandbox phonebook of N contacts (the real ovh client over loopback HTTP,
  batch mode) and a refresh with no change (only id lists are read);
- the cost of one name look-up in the store (SQLite, indexed) and in the in-memory map, with 10
  and with N contacts;
- popup latency with names: the median time to offer a copied number in the (reused) popup and
  show it, as the app does (name look-up included), with an empty index and with N names; the
  difference must stay within 2 ms. Qt's offscreen platform: the GUI work only, no X server.

Targets (issue 14): import ≤ 5 s, first sync ≤ 15 s, unchanged refresh ≤ 2 s, popup with N
names within 2 ms of none. Exit code 0 when every target passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHOTO = ("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDA"
         "sLDBkSEw8UHRofHh0a\r\n HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8Q"
         "AFAABAAAAAAAA\r\n AAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==\r\n")


def vcard_file(path: Path, count: int) -> Path:
    cards = []
    for i in range(count):
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"N:Nom{i};Prénom{i};;;\r\nFN:Prénom{i} Nom{i}\r\nORG:Société {i % 97}\r\n"
            f"TEL;TYPE=WORK:01 99 {i // 10000 % 100:02d} {i // 100 % 100:02d} {i % 100:02d}\r\n"
            f"TEL;TYPE=CELL:+33 6 39 98 {i // 100 % 100:02d} {i % 100:02d}\r\n"
            f"EMAIL;TYPE=INTERNET:contact{i}@example.org\r\n"
            f"ADR;TYPE=WORK:;;{i} rue de la Démo;Paris;;75011;France\r\n"
            "NOTE:Rappeler avant midi\\, merci.\r\n"
            + (PHOTO if i % 10 == 0 else "")
            + f"UID:bench-{i}\r\nEND:VCARD\r\n")
    path.write_text("".join(cards), encoding="utf-8")
    return path


def bench_import(folder: Path, count: int) -> float:
    from easyclick2call.core.contacts import ContactStore
    from easyclick2call.core.contacts_import import read_file

    path = vcard_file(folder / "big.vcf", count)
    store = ContactStore(folder / "import.sqlite3")
    started = time.perf_counter()
    result = read_file(path, "FR")
    stored = store.replace_source("file:big.vcf", "big.vcf", result.contacts)
    elapsed = time.perf_counter() - started
    assert stored == count, stored
    return elapsed


def bench_sync(folder: Path, count: int) -> tuple[float, float, int, int]:
    from easyclick2call.core.contacts import ContactStore
    from easyclick2call.ovhapi.bulk import BulkReader
    from easyclick2call.ovhapi.client import ApiIdentity, make_client
    from easyclick2call.ovhapi.contacts_sync import sync_contacts
    from easyclick2call.sandbox.phonebook import add_contact
    from easyclick2call.sandbox.server import SandboxServer

    with SandboxServer() as sandbox:
        info = sandbox.info()
        with sandbox.state.lock:
            account = sandbox.state.data["billing_accounts"][info["billing_account"]]
            book = account["phonebooks"].setdefault("b3nchb00k0000001",
                                                     {"name": "Bench", "contacts": {}})
            for i in range(count):
                add_contact(sandbox.state.data, book, {
                    "name": f"Prénom{i}", "surname": f"Nom{i}", "group": "Bench",
                    "workPhone": f"00331990{i:05d}", "workMobile": f"0033639{i:06d}"})
        identity = ApiIdentity(info["endpoint"], info["application_key"],
                               info["application_secret"], info["consumer_key"])
        client = make_client(identity)
        store = ContactStore(folder / "sync.sqlite3")
        args = (client, store, info["billing_account"], info["lines"][0], "FR")
        first_reader = BulkReader(client)
        started = time.perf_counter()
        report = sync_contacts(*args, reader=first_reader)
        first = time.perf_counter() - started
        assert report.contacts >= count, report
        again_reader = BulkReader(client)
        started = time.perf_counter()
        again = sync_contacts(*args, reader=again_reader)
        refresh = time.perf_counter() - started
        assert again.read == 0, again
        return first, refresh, first_reader.requests, again_reader.requests


def bench_lookups(folder: Path, count: int) -> dict[str, float]:
    from easyclick2call.core.contacts import Contact, ContactNumber, ContactStore

    figures = {}
    for size in (10, count):
        store = ContactStore(folder / f"lookup{size}.sqlite3")
        store.replace_source("file:x", "x", [
            Contact(f"P{i}", (ContactNumber(f"+3319900{i:04d}"),), str(i))
            for i in range(size)])
        number = f"+3319900{size // 2:04d}"
        rounds = 2000
        started = time.perf_counter()
        for _ in range(rounds):
            store.lookup(number)
        figures[f"store {size}"] = (time.perf_counter() - started) / rounds
        names = store.names()
        started = time.perf_counter()
        for _ in range(rounds * 100):
            names.get(number)
        figures[f"memory {size}"] = (time.perf_counter() - started) / (rounds * 100)
    return figures


def bench_popup(count: int, offers: int) -> tuple[float, float]:
    """Median seconds to offer + show a number in the reused popup: no names, then `count`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from easyclick2call.core.numbers import parse_number
    from easyclick2call.ui.names import NameIndex
    from easyclick2call.ui.popup import CallPopup, PopupOptions

    qInstallMessageHandler(lambda *_: None)  # offscreen: "does not support raise()"…
    app = QApplication.instance() or QApplication([])
    numbers = [parse_number(f"01 99 00 {i // 100:02d} {i % 100:02d}", "FR")
               for i in range(200)]
    results = []
    for size in (0, count):
        index = NameIndex()
        index.replace({f"+3319900{i:04d}": f"Prénom{i} Nom{i}" for i in range(size)})
        popup = CallPopup([numbers[0]], PopupOptions(), names=index)
        popup.popup()
        app.processEvents()
        times = []
        for round_ in range(offers):
            found = numbers[round_ % len(numbers)]
            started = time.perf_counter()
            popup.offer([found])
            popup.popup()
            app.processEvents()
            times.append(time.perf_counter() - started)
        popup.close()
        results.append(statistics.median(times))
    return results[0], results[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1,000 contacts, fewer offers")
    args = parser.parse_args()
    count = 1_000 if args.quick else args.contacts
    offers = 100 if args.quick else 400
    checks = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        imported = bench_import(folder, count)
        print(f"import of a {count}-card vCard file: {imported:.2f} s (target ≤ 5 s)")
        checks.append(imported <= 5)
        first, refresh, first_requests, refresh_requests = bench_sync(folder, count)
        print(f"first sync of {count} sandbox contacts: {first:.2f} s, {first_requests} "
              "requests (target ≤ 15 s)")
        print(f"refresh with no change: {refresh:.3f} s, {refresh_requests} requests "
              "(target ≤ 2 s)")
        checks += [first <= 15, refresh <= 2]
        for name, seconds in bench_lookups(folder, count).items():
            print(f"name look-up, {name} contacts: {seconds * 1e6:.2f} µs")
    empty, full = bench_popup(count, offers)
    print(f"popup offer + show, median of {offers}: no names {empty * 1e3:.3f} ms, "
          f"{count} names {full * 1e3:.3f} ms, difference {(full - empty) * 1e3:+.3f} ms "
          "(target within 2 ms)")
    checks.append(abs(full - empty) <= 0.002)
    print("PASS" if all(checks) else "FAIL")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
