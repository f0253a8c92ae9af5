"""`easyclick2call contacts list|find TEXT|import FILE|sync|forget`: the local contacts store.

`list`, `find` and `import` work offline on the profile's store; `sync` reads the OVHcloud
phonebooks of the configured billing account and line (incremental; `--full` reads every contact
again); `forget` deletes what is cached. Names and numbers are printed, never logged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from easyclick2call.commands.api import (
    CliError,
    _common,
    _emit,
    _pick_billing_account,
    _pick_line,
    _run,
    _stored_account,
    _telephony,
    load_config,
)
from easyclick2call.commands.exit_codes import EXIT_OK, EXIT_USAGE
from easyclick2call.commands.translation import cli_text, translate
from easyclick2call.core.settings import system_region


def _profile_and_region(args: argparse.Namespace):
    profile, account, _settings = _stored_account(getattr(args, "profile", None))
    region = (getattr(args, "region", None) or (account.region if account else "")
              or system_region())
    return profile, region.upper()


def _store(profile):
    from easyclick2call.core.contacts import ContactStore

    return ContactStore(profile.contacts_db)


def contact_json(contact, region: str, labels: dict[str, str]) -> dict:
    from easyclick2call.core.contacts import display

    return {
        "name": contact.name,
        "numbers": [{"e164": number.e164, "display": display(number.e164, region),
                     "kind": number.kind} for number in contact.numbers],
        "source": contact.source,
        "source_label": labels.get(contact.source, ""),
    }


def _human(contact, region: str) -> str:
    from easyclick2call.core.contacts import display

    return f"{contact.name} — " + ", ".join(display(n.e164, region) for n in contact.numbers)


def _listing(args: argparse.Namespace, contacts: list, store, region: str, empty: str) -> None:
    sources = store.sources()
    labels = {info.source: info.label for info in sources}
    payload = {"contacts": [contact_json(c, region, labels) for c in contacts],
               "sources": [{"source": i.source, "label": i.label, "updated": i.updated,
                            "contacts": i.contacts} for i in sources]}
    human = "\n".join(_human(contact, region) for contact in contacts) or empty
    _emit(args, payload, human)


def cmd_list(args: argparse.Namespace) -> int:
    profile, region = _profile_and_region(args)
    store = _store(profile)
    _listing(args, store.all(), store, region, translate(
        "Cli", "No contacts yet: import a file (contacts import FILE) or sync OVHcloud's "
        "phonebooks (contacts sync)."))
    return EXIT_OK


def cmd_find(args: argparse.Namespace) -> int:
    profile, region = _profile_and_region(args)
    store = _store(profile)
    found = store.search(args.text, region=region, limit=args.limit)
    _listing(args, found, store, region, translate("Cli", "No contact matches."))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from easyclick2call.core.contacts_import import ContactImportError, read_file

    profile, region = _profile_and_region(args)
    path = Path(args.file)
    try:
        result = read_file(path, region)
    except ContactImportError as exc:
        raise CliError(EXIT_USAGE, "import", cli_text(exc)) from exc
    source = f"file:{path.name}"
    stored = _store(profile).replace_source(source, path.name, result.contacts)
    skipped = result.skipped_entries
    _emit(args, {"imported": stored, "source": source, "format": result.format,
                 "skipped_entries": skipped, "skipped_numbers": result.skipped_numbers},
          (translate("Cli", "Imported {stored} contacts from {name} ({skipped} entries without "
                               "a name or a usable number skipped).") if skipped
           else translate("Cli", "Imported {stored} contacts from {name}.")).format(
              stored=stored, name=path.name, skipped=skipped))
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from easyclick2call.ovhapi.client import make_client
    from easyclick2call.ovhapi.contacts_sync import sync_contacts

    config = load_config(args)
    telephony = _telephony(config)
    billing_account = _pick_billing_account(config, telephony)
    line = _pick_line(config, telephony, billing_account)
    report = sync_contacts(make_client(config.identity()), _store(config.profile),
                           billing_account, line, config.region, full=args.full)
    _emit(args, {"billing_account": billing_account, "line": line, "books": report.books,
                 "contacts": report.contacts, "read": report.read, "removed": report.removed,
                 "full": report.full},
          translate(
              "Cli",
              "{books} phonebooks synced: {contacts} contacts ({read} read, {removed} "
              "removed).").format(books=report.books, contacts=report.contacts,
                                  read=report.read, removed=report.removed))
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    profile, _region = _profile_and_region(args)
    store = _store(profile)
    count = store.forget_source(args.source) if args.source else store.clear()
    _emit(args, {"forgotten": count},
          translate("Cli", "{count} contacts forgotten.").format(count=count))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `contacts` and its actions."""
    offline = _common(with_line=False)
    offline.add_argument("--region", metavar="CC",
                         help="country of national numbers, e.g. FR (default: the settings)")
    contacts = subparsers.add_parser(
        "contacts", help="names for numbers: OVHcloud phonebooks and imported address books",
        description="The contacts the app shows names from (stored in the profile).")
    actions = contacts.add_subparsers(dest="contacts_command", metavar="ACTION")
    contacts.set_defaults(handler=lambda _args: (contacts.print_help(), EXIT_USAGE)[1])
    actions.add_parser("list", parents=[offline], help="list every contact").set_defaults(
        handler=_run(cmd_list))
    find = actions.add_parser("find", parents=[offline],
                              help="find contacts by name or digits")
    find.add_argument("text", metavar="TEXT", help='e.g. "martin" or "01 99 00"')
    find.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    find.set_defaults(handler=_run(cmd_find))
    imports = actions.add_parser(
        "import", parents=[offline], help="import a vCard (.vcf) or CSV address book",
        description="Import an address-book export (vCard, or CSV from Google, Outlook, "
        "Apple, Thunderbird…). Importing a file of the same name again replaces it.")
    imports.add_argument("file", metavar="FILE")
    imports.set_defaults(handler=_run(cmd_import))
    sync = actions.add_parser("sync", parents=[_common()],
                              help="read the account's OVHcloud phonebooks")
    sync.add_argument("--full", action="store_true",
                      help="read every contact again (sees edits of known contacts)")
    sync.set_defaults(handler=_run(cmd_sync))
    forget = actions.add_parser("forget", parents=[offline],
                                help="delete cached contacts (all, or one source)")
    forget.add_argument("--source", metavar="SOURCE",
                        help='only this source, e.g. "file:contacts.vcf"')
    forget.set_defaults(handler=_run(cmd_forget))
