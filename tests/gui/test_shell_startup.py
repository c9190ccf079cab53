"""Start-up order: the sign-in window is painted before SQLAlchemy, the services or reportlab load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from kinerja_desktop.ui import app as kapp

seen = {}

def hook(controller):
    def painted():
        heavy = ("sqlalchemy", "alembic", "reportlab", "kinerja_desktop.services", "kinerja_desktop.store")
        seen["loaded_at_first_paint"] = sorted(m for m in sys.modules if m.split(".")[0] in heavy or
                                               any(m.startswith(h) for h in heavy))
    controller.first_painted.connect(painted)
    def ready(opened):
        seen["database_ready"] = True
        seen["sqlalchemy_after"] = "sqlalchemy" in sys.modules
        controller.quit()
    controller.database_ready.connect(ready)

code = kapp.main(sys.argv[1], on_controller=hook)
print(json.dumps(seen))
sys.exit(code)
"""


def test_sign_in_is_painted_before_heavy_imports(tmp_path: Path, demo_db) -> None:
    """A fresh process paints the sign-in window with none of the ORM, services or reportlab loaded."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KINERJA_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", PROBE, str(demo_db.path)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["loaded_at_first_paint"] == []
    assert seen["database_ready"] and seen["sqlalchemy_after"]
