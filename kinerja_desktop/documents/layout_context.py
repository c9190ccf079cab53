"""What a layout gets besides its sheet, and what it tells the renderer about the document."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.utils import ImageReader

from kinerja_desktop.documents.page_setup import PageSetup

__all__ = ["DocMeta", "LayoutContext"]


@dataclass(frozen=True, slots=True)
class LayoutContext:
    setup: PageSetup
    logo: ImageReader | None = None

    @property
    def width(self) -> float:
        """Width of the body frame in points."""
        return self.setup.frame[2]


@dataclass(frozen=True, slots=True)
class DocMeta:
    """PDF metadata and the running header of continuation pages."""

    title: str
    subject: str
    keywords: str
    header: str
