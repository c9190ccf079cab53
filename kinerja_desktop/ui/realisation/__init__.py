"""Realisasi and bukti dukung per period."""

from kinerja_desktop.ui.realisation.realisation_page import RealisationPage

__all__ = ["RealisationPage"]
