"""Benchmark: find_numbers against a plain phonenumbers.PhoneNumberMatcher on the same text.

Run: .venv/bin/python benchmarks/bench_numbers.py [--repeats N] [--quick]

Prints, for realistic clipboards (1 KB, 100 KB, 1 MB, 10 MB) and pathological inputs, the median
time of ``find_numbers(text, "FR")`` and of ``PhoneNumberMatcher(text, "FR", Leniency.VALID)``
(default ``max_tries``), their ratio, how many distinct numbers each found, how much of the text
find_numbers read (its honest cut-off: ``FoundNumbers.scanned``), and, for the postcode input,
whether each found the number at the end of the first 64 KB. Then the 10 MB inputs of every
kind, and the peak extra RSS of one scan of each (in a fresh process).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
import tracemalloc
from collections.abc import Callable

import phonenumbers

from easyclick2call.core.numbers import find_numbers

REGION = "FR"
TARGET = "+33199001234"
KB = 1024
MB = 1024 * KB

_SIGNATURE = (
    "Bonjour Madame Leroy,\n\n"
    "Suite à notre échange du 12/03/2024, je vous confirme la commande n° 2024-1187 "
    "(montant 1 234,56 € TTC, livraison sous 5 jours ouvrés à l'adresse 12 rue de la Paix, "
    "75002 Paris). Le technicien passera entre 14h30 et 16h.\n"
    "Pour toute question, n'hésitez pas à me joindre sur ma ligne directe ou à contacter "
    "notre service client, ouvert du lundi au vendredi de 9h à 18h.\n\n"
    "> Le 11/03/2024 à 10:42, Leroy Anne a écrit :\n"
    "> Bonjour, pouvez-vous me rappeler au sujet du devis DEV-88213 ? Merci.\n\n"
    "Bien cordialement,\n\n"
    "Jean Dupont\n"
    "Responsable commercial — ACME SAS\n"
    "Tél. : 01 99 00 12 34 — Mobile : 06 12 34 56 78\n"
    "12 rue de la Paix, 75002 Paris — www.acme.example\n"
    "SIRET 123 456 789 00012 — TVA FR 12 123456789\n"
    "Accès : métro Bourse (ligne 3), bus 20, 29 et 39 ; parking à 200 m.\n"
    "Ce message et ses pièces jointes sont confidentiels. Si vous n'en êtes pas le "
    "destinataire, merci de le détruire et d'en avertir l'expéditeur. Pensez à "
    "l'environnement avant d'imprimer ce message.\n"
)
_WORDS = re.findall(
    r"\S+",
    "le la les un une des client commande livraison devis facture rendez-vous merci bonjour "
    "suite à notre échange projet équipe réunion semaine prochaine dossier contrat service "
    "the order meeting call team project invoice customer please thanks regards",
)
_CITIES = ["Paris", "Lyon", "Lille", "Nantes", "Rennes", "Bordeaux", "Marseille", "Toulouse"]


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"01 99 00 {rng.randrange(100):02d} {rng.randrange(100):02d}"
    return f"06 12 34 {rng.randrange(100):02d} {rng.randrange(100):02d}"


def _block(rng: random.Random) -> str:
    """One realistic piece of clipboard: a CRM export, a chat, prose or a signature."""
    kind = rng.randrange(4)
    if kind == 0:
        rows = ["id;nom;téléphone;ville;code postal;créé le"]
        for _ in range(8):
            rows.append(
                f"{rng.randrange(10000, 99999)};Client {rng.randrange(999)};{_phone(rng)};"
                f"{rng.choice(_CITIES)};{rng.randrange(10000, 95999)};"
                f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/2024"
            )
        return "\n".join(rows) + "\n"
    if kind == 1:
        return (
            "".join(
                f"[{rng.randrange(24):02d}:{rng.randrange(60):02d}] Alice: "
                f"{' '.join(rng.choices(_WORDS, k=rng.randrange(4, 14)))}\n"
                for _ in range(6)
            )
            + f"[18:02] Bob: rappelle-moi au {_phone(rng)} stp\n"
        )
    if kind == 2:
        words = " ".join(rng.choices(_WORDS, k=120))
        price = f"{rng.randrange(1, 999)},{rng.randrange(100):02d} €"
        return f"{words} ({price}, réf. {rng.randrange(10**6)})\n"
    return _SIGNATURE


def realistic(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    if size <= 2 * KB:
        return (_SIGNATURE + "\n" + " ".join(rng.choices(_WORDS, k=size // 4)))[:size]
    pieces: list[str] = []
    length = 0
    while length < size:
        piece = _block(rng)
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)[:size]


def postcodes_with_number_at_64k() -> str:
    lines: list[str] = []
    length = 0
    while length < 64 * KB - 60:
        line = f"{75000 + len(lines) % 999:05d} {_CITIES[len(lines) % len(_CITIES)]}"
        lines.append(line)
        length += len(line) + 1
    lines.append(f"Tél. {'01 99 00 12 34'}")
    while len(lines) < 70_000:
        lines.append(f"{75000 + len(lines) % 999:05d} Paris")
    return "\n".join(lines) + "\n"


def _median(function: Callable[[], object], repeats: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _matcher(text: str) -> list:
    return list(phonenumbers.PhoneNumberMatcher(text, REGION, leniency=phonenumbers.Leniency.VALID))


def _matcher_e164(matches: list) -> set[str]:
    return {
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in matches
    }


def _interleaved(text: str, repeats: int) -> tuple[float, object, float, object]:
    """Medians of find_numbers and of the matcher, timed turn by turn (same load for both)."""
    find_times, matcher_times = [], []
    found: object = None
    matches: object = None
    for _ in range(repeats):
        started = time.perf_counter()
        found = find_numbers(text, REGION)
        find_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        matches = _matcher(text)
        matcher_times.append(time.perf_counter() - started)
    return statistics.median(find_times), found, statistics.median(matcher_times), matches


def _row(name: str, text: str, repeats: int, matcher_repeats: int) -> None:
    if repeats == matcher_repeats:
        find_time, found, matcher_time, matches = _interleaved(text, repeats)
    else:
        find_time, found = _median(lambda: find_numbers(text, REGION), repeats)
    found_e164 = {number.e164 for number in found}  # type: ignore[attr-defined]
    read = 100 * found.scanned / len(text)  # type: ignore[attr-defined]
    if matcher_repeats:
        if repeats != matcher_repeats:
            matcher_time, matches = _median(lambda: _matcher(text), matcher_repeats)
        matcher_e164 = _matcher_e164(matches)  # type: ignore[arg-type]
        matcher_cell = f"{matcher_time * 1000:10.2f}"
        ratio = f"{find_time / matcher_time:6.2f}"
        matcher_count = f"{len(matcher_e164):5d}"
    else:
        matcher_e164, matcher_cell, ratio, matcher_count = set(), f"{'-':>10}", f"{'-':>6}", "    -"
    flag = ""
    if "64 KB" in name:
        flag = f"  find_numbers: {'yes' if TARGET in found_e164 else 'NO'}"
        flag += f", matcher: {'yes' if TARGET in matcher_e164 else 'NO'}"
    print(
        f"{name:<44} {len(text) / KB:9.0f} {find_time * 1000:10.2f} {matcher_cell} {ratio} "
        f"{len(found_e164):5d} {matcher_count} {read:6.1f}%{flag}"
    )


def dense_numbers(size: int) -> str:
    """Distinct national numbers, one a line: a phone list export."""
    lines = (f"06 {n // 10**6 % 100:02d} {n // 10**4 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}"
             for n in range(0, 10**12, 7919))
    return _fill(lines, size)


def csv_export(size: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    rows = (
        f"{index};Client {rng.randrange(999)};{_phone(rng)};{rng.choice(_CITIES)};"
        f"{rng.randrange(10000, 95999)};2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        for index in range(10**9)
    )
    return "id;name;phone;city;postcode;created\n" + _fill(rows, size)


def minified_html(size: int) -> str:
    cell = ('<td class="c"><a href="/p/{0}">Item {0}</a></td><td>{1},{2:02d}&nbsp;&euro;</td>'
            '<td>{0:08d}</td>')
    return _fill(("<tr>" + cell.format(i, i % 997, i % 100) + "</tr>" for i in range(10**9)),
                 size, joiner="")


def random_bytes(size: int, seed: int = 5) -> str:
    return random.Random(seed).randbytes(size).decode("latin-1")


def prose(size: int) -> str:
    return _fill(iter(lambda: " ".join(_WORDS) + ".", None), size, joiner=" ")


def _fill(lines, size: int, joiner: str = "\n") -> str:
    pieces: list[str] = []
    length = 0
    for line in lines:
        pieces.append(line)
        length += len(line) + len(joiner)
        if length >= size:
            break
    return joiner.join(pieces)[:size]


INPUTS_10MB = {
    "10 MB realistic clipboard": lambda: realistic(10 * MB),
    "10 MB repeated prose": lambda: prose(10 * MB),
    "10 MB one long digit run": lambda: "1234567890" * MB,
    "10 MB dense numbers": lambda: dense_numbers(10 * MB),
    "10 MB CSV export": lambda: csv_export(10 * MB),
    "10 MB minified HTML": lambda: minified_html(10 * MB),
    "10 MB random bytes (latin-1)": lambda: random_bytes(10 * MB),
    "10 MB digit pairs and dots": lambda: ".".join(["12"] * (10 * MB // 3)),
    "10 MB one number repeated": lambda: "+33 1 99 00 12 34\n" * (10 * MB // 18),
}


def _peak_extra_memory(text: str) -> float:
    """MiB allocated at the peak of one find_numbers call beyond what existed before it
    (tracemalloc: every Python allocation, the text's copies and the engine's tables)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        find_numbers(text, REGION)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (peak - before) / MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300, help="repeats of the 1 KB case")
    parser.add_argument("--quick", action="store_true", help="skip the matcher on 10 MB inputs")
    arguments = parser.parse_args()
    print(
        f"{'input':<44} {'size KB':>9} {'find ms':>10} {'matcher ms':>10} {'ratio':>6} "
        f"{'found':>5} {'m.fnd':>5} {'read':>7}"
    )
    find_numbers("warm-up 01 99 00 12 34", REGION)
    _matcher("warm-up 01 99 00 12 34")
    big_matcher = 0 if arguments.quick else 1
    _row("typical clipboard, 1 KB (e-mail + signature)", realistic(KB), arguments.repeats,
         arguments.repeats)  # fmt: skip
    _row("realistic clipboard, 100 KB", realistic(100 * KB), 5, 5)
    _row("realistic clipboard, 1 MB", realistic(MB), 5, 1)
    _row("dense numbers, 1 MB (distinct, one a line)", dense_numbers(MB), 5, 1)
    _row("pathological: 1 MB of digits", "1234567890" * (MB // 10), 5, 1)
    _row("pathological: digit pairs and dots, 1 MB", ".".join(["12"] * (MB // 3)), 5, 1)
    _row("pathological: one number repeated, 1 MB", "+33 1 99 00 12 34\n" * (MB // 18), 5, 1)
    _row("pathological: 70,000 postcodes, number at 64 KB", postcodes_with_number_at_64k(), 5, 1)
    for name, make in INPUTS_10MB.items():
        _row(name, make(), 3, big_matcher if name == "10 MB realistic clipboard" else 0)
    print()
    print("peak extra memory while scanning (tracemalloc):")
    for name, make in INPUTS_10MB.items():
        print(f"  {name:<42} {_peak_extra_memory(make()):6.1f} MiB")


if __name__ == "__main__":
    main()
