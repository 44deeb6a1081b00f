"""`sources` is a leaf app: articles, publishers and rubric answers know nothing of claims, so
imports run one way (claims -> sources) and whatever reads mentions lives in claims/."""

import ast
from pathlib import Path

import sources

SOURCES_DIR = Path(sources.__file__).resolve().parent


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, at any depth (functions included), absolute names."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def test_no_module_of_the_sources_app_imports_claims():
    files = sorted(SOURCES_DIR.rglob("*.py"))
    assert len(files) >= 4  # models, admin, apps, migrations: the walk found the app
    offenders = [
        f"{path.relative_to(SOURCES_DIR.parent)} imports {name}"
        for path in files
        for name in imported_modules(path)
        if name == "claims" or name.startswith("claims.")
    ]
    assert offenders == []


def test_the_check_sees_an_import_of_claims_anywhere_in_a_file(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from claims.models import Mention\n    import claims.labels\n")
    assert imported_modules(bad) == ["claims.models", "claims.models.Mention", "claims.labels"]
