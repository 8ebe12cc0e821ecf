"""The package's layering, read from the source: `store` and `lookup` never import each
other (anywhere in a module, lazily or for type checking), and only `tui/` imports Textual."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.locations import REPO

PACKAGE = REPO / "src" / "lettore"


def imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at the top, in a function or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def imports_of(package: str) -> dict[str, set[str]]:
    """The imports of each module of a subpackage, by file."""
    return {str(path.relative_to(PACKAGE)): imported_modules(path)
            for path in sorted((PACKAGE / package).rglob("*.py"))}


def offenders(package: str, forbidden: str) -> list[str]:
    """Modules of `package` importing `forbidden` or anything under it."""
    return [f"{name} imports {module}" for name, modules in imports_of(package).items()
            for module in sorted(modules) if module == forbidden or module.startswith(forbidden + ".")]


@pytest.mark.parametrize(("package", "forbidden"), [("store", "lettore.lookup"), ("lookup", "lettore.store")])
def test_store_and_lookup_do_not_import_each_other(package: str, forbidden: str) -> None:
    assert imports_of(package), f"no modules found under {package}"
    assert offenders(package, forbidden) == []


def test_only_the_tui_imports_textual() -> None:
    outside = [path for path in PACKAGE.iterdir() if path.name != "tui"]
    found = []
    for top in outside:
        files = sorted(top.rglob("*.py")) if top.is_dir() else [top] if top.suffix == ".py" else []
        found += [f"{path.relative_to(PACKAGE)}" for path in files
                  if any(m == "textual" or m.startswith("textual.") for m in imported_modules(path))]
    assert found == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text("def later():\n    from lettore.store.words import save_word\n", encoding="utf-8")
    assert "lettore.store.words" in imported_modules(module)
