"""Entry point of the frozen program (PyInstaller)."""

import multiprocessing
import sys

from kinerja_desktop.cli import main, quiet_dependency_warnings

if __name__ == "__main__":
    quiet_dependency_warnings()  # before a spawned worker (freeze_support) imports anything
    # Batch printing uses "spawn" worker processes: a frozen program must hand them over here.
    multiprocessing.freeze_support()
    sys.exit(main())
