"""Imports point down (docs/architecture.md): read the package with `ast`, module-level and
function-level imports alike (imports under `if TYPE_CHECKING:` are types only and left out)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "easyclick2call"
QT_FREE = ("core", "ovhapi", "platform", "sandbox")
# platform modules that exist to wrap a Qt piece.
QT_WRAPPERS = frozenset({
    "easyclick2call.platform.single_instance",  # one app per profile over QLocalServer/Socket
    "easyclick2call.platform.url_events",  # macOS hands tel: links over as QFileOpenEvents
    # the clipboard sources: QClipboard, and the per-OS back-ends built on it
    "easyclick2call.platform.clipboard.source",
    "easyclick2call.platform.clipboard.choose",
    "easyclick2call.platform.clipboard.qt_source",
    "easyclick2call.platform.clipboard.x11_source",
    "easyclick2call.platform.clipboard.mac_source",
    "easyclick2call.platform.clipboard.wayland_source",
})
FORBIDDEN_FROM_LOWER = ("easyclick2call.ui", "easyclick2call.commands", "easyclick2call.cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """The ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                inside.update(id(n) for n in ast.walk(child))
    return inside


def imports_of(path: Path, name: str = "") -> set[str]:
    """Every module `path` (module `name`) imports at run time (absolute names; `from x import
    y` gives x and x.y, so that a sub-module imported that way counts)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    name = name or _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def test_the_lower_layers_import_neither_qt_nor_the_layers_above() -> None:
    wrong = []
    for name, path in _modules().items():
        layer = name.split(".")[1] if "." in name else ""
        if layer not in QT_FREE or name in QT_WRAPPERS:
            continue
        for imported in imports_of(path):
            if imported.split(".")[0] in ("PySide6", "shiboken6") or imported.startswith(
                    FORBIDDEN_FROM_LOWER):
                wrong.append(f"{name} imports {imported}")
    assert wrong == []


def test_nothing_imports_the_command_line_entry_point() -> None:
    importers = sorted(name for name, path in _modules().items()
                       if "easyclick2call.cli" in imports_of(path))
    assert importers == ["easyclick2call.__main__"]  # `python -m easyclick2call`


def test_no_import_cycle_between_modules() -> None:
    modules = _modules()
    graph = {name: {imported for imported in imports_of(path)
                    if imported in modules and imported != name}
             for name, path in modules.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append(" → ".join([*path[path.index(target):], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_checker_sees_wrong_arrows(tmp_path: Path) -> None:
    """The checks above can fail: module-level and function-level imports (relative ones too)
    are seen; a TYPE_CHECKING import is not."""
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\n"
                      "def f():\n    from ..ui import app\n"
                      "from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from easyclick2call.commands import api\n",
                      encoding="utf-8")
    found = imports_of(sample, "easyclick2call.core.sample")
    assert {"PySide6.QtCore", "easyclick2call.ui", "easyclick2call.ui.app"} <= found
    assert not [name for name in found if name.startswith("easyclick2call.commands")]


def test_only_platform_asks_which_operating_system_this_is() -> None:
    """Per-OS decisions live in platform/: no other module reads sys.platform, os.name or
    platform.system()."""
    asking = sorted(
        name for name, path in _modules().items()
        if not name.startswith("easyclick2call.platform")
        and any(isinstance(node, ast.Attribute) and ast.unparse(node) in (
            "sys.platform", "os.name", "platform.system")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    assert asking == []


def test_the_ui_reads_the_clipboard_through_the_chosen_source_only() -> None:
    """The clipboard back-ends (X11 reader, Wayland data-control, macOS polling) are chosen in
    platform.clipboard.choose: ui/ knows none of them."""
    backends = ("easyclick2call.platform.x11_selection",
                "easyclick2call.platform.wayland_clipboard",
                "easyclick2call.platform.clipboard.x11_source",
                "easyclick2call.platform.clipboard.wayland_source",
                "easyclick2call.platform.clipboard.mac_source",
                "easyclick2call.platform.clipboard.mac_change_count")
    wrong = sorted(f"{name} imports {imported}" for name, path in _modules().items()
                   if name.startswith("easyclick2call.ui")
                   for imported in imports_of(path) if imported.startswith(backends))
    assert wrong == []
