"""Benchmark: find_numbers against a plain phonenumbers.PhoneNumberMatcher on the same text.

Run: .venv/bin/python benchmarks/bench_numbers.py [--repeats N] [--quick]

Prints, for realistic clipboards (1 KB, 100 KB, 1 MB, 10 MB) and pathological inputs, the median
time of ``find_numbers(text, "FR")`` and of ``PhoneNumberMatcher(text, "FR", Leniency.VALID)``
(default ``max_tries``), their ratio, how many distinct numbers each found, and, for the
postcode input, whether each found the number at the end of the first 64 KB.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
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


def _row(name: str, text: str, repeats: int, matcher_repeats: int) -> None:
    find_time, found = _median(lambda: find_numbers(text, REGION), repeats)
    found_e164 = {number.e164 for number in found}  # type: ignore[attr-defined]
    if matcher_repeats:
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
        f"{len(found_e164):5d} {matcher_count}{flag}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300, help="repeats of the 1 KB case")
    parser.add_argument("--quick", action="store_true", help="skip the matcher on 10 MB inputs")
    arguments = parser.parse_args()
    print(
        f"{'input':<44} {'size KB':>9} {'find ms':>10} {'matcher ms':>10} {'ratio':>6} "
        f"{'found':>5} {'m.fnd':>5}"
    )
    find_numbers("warm-up 01 99 00 12 34", REGION)
    _matcher("warm-up 01 99 00 12 34")
    big_matcher = 0 if arguments.quick else 1
    _row("typical clipboard, 1 KB (e-mail + signature)", realistic(KB), arguments.repeats,
         arguments.repeats)  # fmt: skip
    _row("realistic clipboard, 100 KB", realistic(100 * KB), 9, 5)
    _row("realistic clipboard, 1 MB", realistic(MB), 5, 1)
    _row("realistic clipboard, 10 MB", realistic(10 * MB), 5, big_matcher)
    _row("pathological: 1 MB of digits", "1234567890" * (MB // 10), 5, 1)
    _row("pathological: 10 MB of digits", "1234567890" * MB, 5, big_matcher)
    _row("pathological: digit pairs and dots, 1 MB", ".".join(["12"] * (MB // 3)), 5, 1)
    _row("pathological: digit pairs and dots, 10 MB", ".".join(["12"] * (10 * MB // 3)), 5, 0)
    _row("pathological: one number repeated, 1 MB", "+33 1 99 00 12 34\n" * (MB // 18), 5, 1)
    _row("pathological: one number repeated, 10 MB", "+33 1 99 00 12 34\n" * (10 * MB // 18), 5,
         0)  # fmt: skip
    _row("pathological: 70,000 postcodes, number at 64 KB", postcodes_with_number_at_64k(), 5, 1)


if __name__ == "__main__":
    main()
