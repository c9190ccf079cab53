"""Architecture checks: the core imports no Qt, and imports point down the layers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CORE_PACKAGES = [
    "kinerja_desktop.domain",
    "kinerja_desktop.store",
    "kinerja_desktop.services",
    "kinerja_desktop.documents",
    "kinerja_desktop.sync",
    "kinerja_desktop.central",
    "kinerja_desktop.cli",
]

_IMPORT_PACKAGES = """
import importlib, importlib.util, sys
for name in {packages!r}:
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.startswith("PySide6"))
assert not loaded, loaded
"""

# Every module below the core packages, not only what their __init__ pulls in. Alembic's
# migrations/env.py runs on import and __main__ modules start programs: both are skipped.
# A module that fails to import for another reason is left to its own tests; only PySide6
# matters here (whatever it loaded before failing is still in sys.modules).
_IMPORT_ALL_MODULES = """
import importlib, importlib.util, pkgutil, sys
broken = []
for name in {packages!r}:
    spec = importlib.util.find_spec(name)
    if spec is None:
        continue
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, prefix=name + "."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            broken.append(f"{{info.name}}: {{exc!r}}")
if broken:
    print("modules that failed to import:", *broken, sep="\\n  ", file=sys.stderr)
loaded = sorted(m for m in sys.modules if m.startswith("PySide6"))
assert not loaded, loaded
"""


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )


def test_core_packages_do_not_load_pyside6() -> None:
    """Importing every package outside ui/ loads no PySide6 module (Anki-style core/GUI split)."""
    result = _run_python(_IMPORT_PACKAGES.format(packages=CORE_PACKAGES))
    assert result.returncode == 0, result.stderr


def test_core_modules_do_not_load_pyside6() -> None:
    """The same holds for every submodule, including ones no __init__ imports."""
    result = _run_python(_IMPORT_ALL_MODULES.format(packages=CORE_PACKAGES))
    assert result.returncode == 0, result.stderr


def test_import_linter_contracts_are_kept() -> None:
    """The layer contract in pyproject.toml (imports point down only) holds."""
    candidates = [Path(sys.executable).parent / "lint-imports", REPO / ".venv" / "bin" / "lint-imports"]
    lint_imports = next((path for path in candidates if path.exists()), None)
    if lint_imports is None:
        pytest.skip("lint-imports (import-linter) is not installed")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
