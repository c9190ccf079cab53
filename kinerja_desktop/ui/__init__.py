"""ui layer: the PySide6 desktop application (nothing below this package imports Qt)."""
