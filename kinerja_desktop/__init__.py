"""Kinerja Desktop: offline-first appraisal of ASN performance (PermenPAN-RB 6/2022)."""

__version__ = "0.1.0"
