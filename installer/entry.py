"""Entry point of the frozen program (PyInstaller)."""

import multiprocessing
import sys

from kinerja_desktop.cli import main

if __name__ == "__main__":
    # Batch printing uses "spawn" worker processes: a frozen program must hand them over here.
    multiprocessing.freeze_support()
    sys.exit(main())
