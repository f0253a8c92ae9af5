"""The README and docs/*.md render as written: every code fence closes where it was meant to, and
every relative link or image points at a file of the repository (CommonMark, as GitHub renders).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# A line that opens or closes a fence (up to three spaces of indent, then ``` or ~~~).
FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _tokens(text: str):
    """Every token, inline children included."""
    for token in MarkdownIt("commonmark").parse(text):
        yield token
        yield from token.children or ()


def fence_problems(text: str) -> list[str]:
    """Fences that run to the end of the document, or swallow a line that looks like a fence
    (the sign of a closing fence with text after it, which CommonMark does not close on)."""
    lines = text.splitlines()
    problems = []
    for token in _tokens(text):
        if token.type != "fence":
            continue
        start, end = token.map
        closing = lines[end - 1].strip() if end - 1 > start else ""
        if not (closing.startswith(token.markup) and set(closing) == {token.markup[0]}):
            problems.append(f"line {start + 1}: the fence opened here is never closed")
            continue
        for number in range(start + 1, end - 1):
            if FENCE_LINE.match(lines[number]):
                problems.append(f"line {start + 1}: the fence opened here swallows line "
                                f"{number + 1} ({lines[number].strip()[:40]!r})")
    return problems


def link_problems(text: str, document: Path) -> list[str]:
    """Relative links and images whose file does not exist."""
    problems = []
    for token in _tokens(text):
        target = {"link_open": token.attrGet("href"), "image": token.attrGet("src")}.get(
            token.type)
        if not target:
            continue
        parts = urlsplit(str(target))
        if parts.scheme or parts.netloc or not parts.path:  # web, mailto:, or "#anchor"
            continue
        if not (document.parent / unquote(parts.path)).exists():
            problems.append(f"broken relative link: {target}")
    return problems


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_document_fences_close_and_relative_links_resolve(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    assert fence_problems(text) + link_problems(text, document) == []


def test_the_checks_catch_what_they_are_for(tmp_path: Path) -> None:
    """The two mistakes this test exists for are found (a check that finds nothing proves
    nothing)."""
    misclosed = "```sh\necho hi\n``` Then some prose.\n\n## Heading\n\n```sh\nls\n```\n"
    assert fence_problems(misclosed) == [
        "line 1: the fence opened here swallows line 3 ('``` Then some prose.')",
        "line 1: the fence opened here swallows line 7 ('```sh')",
    ]
    assert fence_problems("Text\n\n```\nnever closed\n") == [
        "line 3: the fence opened here is never closed"]
    assert fence_problems("```\nfine\n```\n\n~~~~\nalso fine\n~~~~\n") == []
    (tmp_path / "there.md").write_text("x")
    links = "[ok](there.md) [gone](missing.md#part) ![img](pics/none.png) [web](https://x.y)"
    assert link_problems(links, tmp_path / "doc.md") == [
        "broken relative link: missing.md#part", "broken relative link: pics/none.png"]
