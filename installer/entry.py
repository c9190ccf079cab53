"""Entry point of the frozen program (PyInstaller)."""

import sys

from kinerja_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
