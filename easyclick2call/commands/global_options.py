"""Options that apply to every command, accepted before or after the sub-command.

``--profile DIR`` and ``--lang en|fr|system`` may stand anywhere on a sub-command's line
(``easyclick2call --lang fr lines``, ``easyclick2call config show --profile DIR``): they are
taken out of the words and passed on the way every command already reads them
(``EASYCLICK2CALL_PROFILE``, ``LANGUAGE``). The tray app's own options (``--demo`` …) are said
to belong to the tray app when given with a sub-command, rather than refused as unknown.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from easyclick2call.core.paths import PROFILE_ENV

GLOBAL_WITH_VALUE = ("--profile", "--lang")
LANGUAGES = ("system", "en", "fr")
APP_ONLY = ("--demo", "--demo-if-unconfigured", "--sandbox-port")
HELP = ("-h", "--help")


def pull_global_options(argv: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """(argv without the global options, {"profile": …, "lang": …} as given).

    Both ``--profile DIR`` and ``--profile=DIR`` forms; nothing after ``--`` is looked at; an
    option with its value missing is left for argparse to report."""
    rest: list[str] = []
    found: dict[str, str] = {}
    words = list(argv)
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            rest += words[index:]
            break
        name, equals, value = word.partition("=")
        if name in GLOBAL_WITH_VALUE and equals:
            found[name[2:]] = value
        elif word in GLOBAL_WITH_VALUE and index + 1 < len(words):
            found[word[2:]] = words[index + 1]
            index += 1
        else:
            rest.append(word)
        index += 1
    return rest, found


def apply_global_options(found: dict[str, str]) -> str | None:
    """Pass the options on through the environment; a usage message when a value is bad."""
    lang = found.get("lang")
    if lang is not None:
        if lang not in LANGUAGES:
            return f"--lang must be one of {', '.join(LANGUAGES)} (not {lang!r})"
        if lang != "system":
            os.environ["LANGUAGE"] = lang
    if "profile" in found:
        if not found["profile"].strip():
            return "--profile needs a folder"
        os.environ[PROFILE_ENV] = found["profile"]
    return None


def app_only_option(argv: Sequence[str]) -> str | None:
    """The first tray-app option on a sub-command's line (None when there is none, or when help
    is asked for: the help lists them)."""
    words = list(argv)[: list(argv).index("--")] if "--" in argv else list(argv)
    if any(word in HELP for word in words):
        return None
    for word in words:
        if word.partition("=")[0] in APP_ONLY:
            return word.partition("=")[0]
    return None
