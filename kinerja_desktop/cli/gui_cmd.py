"""`kinerja` with no command: start the desktop application."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from kinerja_desktop.ui.app import main as gui_main

    return int(gui_main(db_location=args.db))
