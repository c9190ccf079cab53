"""The package as users get it: version in one place, the one dependency warning filtered, and a
normal (non-editable) install that prints and translates without the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import warnings
from importlib.metadata import version
from pathlib import Path

import pytest
from cryptography.utils import CryptographyDeprecationWarning

import kinerja_desktop
from kinerja_desktop.cli import main, quiet_dependency_warnings

ROOT = Path(__file__).resolve().parents[2]
DSA_MESSAGE = "DSA is deprecated and support will be removed in a future release."


def test_version_flag_prints_the_one_version(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"kinerja {kinerja_desktop.__version__}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kinerja_desktop.__version__"}
    assert version("kinerja-desktop") == kinerja_desktop.__version__


def _warn(message: str, category: type[Warning], module: str) -> None:
    warnings.warn_explicit(message, category, filename=f"{module.replace('.', '/')}.py", lineno=1, module=module)


def test_only_pyhankos_dsa_import_warning_is_filtered() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quiet_dependency_warnings()
        _warn(DSA_MESSAGE, CryptographyDeprecationWarning, "pyhanko.sign.signers.pdf_cms")
        _warn(DSA_MESSAGE, CryptographyDeprecationWarning, "pyhanko_certvalidator.validate")
        with pytest.raises(CryptographyDeprecationWarning):  # another module: still shown
            _warn(DSA_MESSAGE, CryptographyDeprecationWarning, "kinerja_desktop.documents.signing")
        with pytest.raises(CryptographyDeprecationWarning):  # another deprecation from pyHanko: shown
            _warn("TripleDES has been moved", CryptographyDeprecationWarning, "pyhanko.sign.general")
        with pytest.raises(UserWarning):  # another category: shown
            _warn(DSA_MESSAGE, UserWarning, "pyhanko.sign.signers.pdf_cms")


def _copy_project(dest: Path) -> Path:
    """What a source distribution holds: enough to build the wheel away from the checkout."""
    src = dest / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "kinerja_desktop", src / "kinerja_desktop", ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    return src


@pytest.mark.slow
def test_installed_wheel_prints_a_sheet_and_loads_the_english_translation(tmp_path: Path) -> None:
    """`pip install` of the built wheel (not editable) into a fresh venv: imported from there, not from here.

    The venv reuses this environment's dependencies through a .pth line (nothing is downloaded);
    that line adds a path only, so the checkout's editable-install hook in that folder does not run.
    """
    src = _copy_project(tmp_path)
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(src)],
                   check=True, cwd=tmp_path, capture_output=True)
    (wheel,) = wheels.glob("kinerja_desktop-*.whl")
    assert wheel.name.startswith(f"kinerja_desktop-{kinerja_desktop.__version__}-")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
                   check=True, cwd=tmp_path, capture_output=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")

    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KINERJA_"))}
    env |= {"KINERJA_TESTING": "1", "KINERJA_PASSWORD": "admin", "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(work / "data"), "XDG_CONFIG_HOME": str(work / "config")}

    def run(*args: str) -> str:
        done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Warning" not in done.stderr, done.stderr
        return done.stdout

    probe = run(str(python), "-c", "import kinerja_desktop, PySide6; "
                "from kinerja_desktop.resources import resource_path;"
                "print(kinerja_desktop.__file__); print(resource_path('fonts', 'DejaVuSans.ttf'))")
    package_file, font = (Path(line) for line in probe.split())
    assert package_file.is_relative_to(site) and not package_file.is_relative_to(ROOT)
    assert font.is_relative_to(site) and font.is_file()

    kinerja = str(venv / "bin" / "kinerja")
    assert run(kinerja, "--version").strip() == f"kinerja {kinerja_desktop.__version__}"
    run(kinerja, "--db", "demo.sqlite", "demo", "--employees", "5", "--seed", "1")
    nip = run(str(python), "-c", "import sqlite3; print(sqlite3.connect('demo.sqlite')"
              ".execute('select min(nip) from employee').fetchone()[0])").strip()
    run(kinerja, "--db", "demo.sqlite", "--user", "admin", "print", "skp", "--nip", nip, "--year", "2026",
        "--workers", "1", "--out", "skp.pdf")
    assert (work / "skp.pdf").read_bytes().startswith(b"%PDF") and b"DejaVu" in (work / "skp.pdf").read_bytes()

    loaded = run(str(python), "-c", "from PySide6.QtCore import QCoreApplication, QTranslator;"
                 "from kinerja_desktop.ui.i18n import qm_path; app = QCoreApplication([]); t = QTranslator();"
                 "print(t.load(qm_path('en')), qm_path('en'));"
                 "print(QCoreApplication.installTranslator(t) and "
                 "QCoreApplication.translate('SignInWindow', '&Masuk'))")
    first, second = loaded.splitlines()
    ok, qm = first.split(" ", 1)
    assert ok == "True" and Path(qm).is_relative_to(site)
    assert second == "&Sign In"
