"""A signature block never stands alone on a page: it travels with the last rows of what precedes it.

reportlab's ``KeepTogether`` (or ``keepWithNext``) would move a whole long table to the next page;
:class:`KeepTail` splits the preceding flowable where it would split anyway and, when only the
signature block does not fit, splits it one row group earlier so that its last rows move with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import ActionFlowable, Flowable, KeepTogether, Spacer

from kinerja_desktop.documents.page_canvas import DocStart

__all__ = ["KeepTail", "SignatureRow", "keep_signatures_with_rows"]


class SignatureRow(KeepTogether):
    """The signature blocks of a sheet (with what must stay with them), kept on one page."""

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__(list(parts))
        self.parts = list(parts)

    def height_for(self, avail_width: float, avail_height: float) -> float:
        return _height(self.parts, avail_width, avail_height)


def _height(items: Sequence[Flowable], avail_width: float, avail_height: float) -> float:
    total = 0.0
    for f in items:
        if isinstance(f, SignatureRow):
            total += f.height_for(avail_width, avail_height)
            continue
        total += f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


class KeepTail(Flowable):
    """``body`` followed by ``tail`` (spacers and a :class:`SignatureRow`); never drawn itself:
    :meth:`split` hands the frame the pieces, with the tail always next to some of the body."""

    def __init__(self, body: Flowable, tail: Sequence[Flowable]) -> None:
        super().__init__()
        self.body = body
        self.tail = list(tail)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        # Taller than the space left, always: the frame then asks split() for the pieces.
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        body_h = self.body.wrap(availWidth, availHeight)[1]
        space = self.body.getSpaceBefore()
        if space + body_h + _height(self.tail, availWidth, availHeight) <= availHeight:
            return [self.body, *self.tail]
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        if space + body_h <= availHeight:
            # The body fits but the signatures do not: split it one row group early, so that its
            # last rows go to the next page with them.
            parts = self.body.split(availWidth, body_h - 1) if body_h > 1 else []
        else:  # split where the body would; the rest keeps the tail
            parts = self.body.split(availWidth, availHeight - space)
        if len(parts) >= 2:
            return [*parts[:-1], KeepTail(parts[-1], self.tail)]
        if at_top:  # nothing to carry over from a fresh page: let the pieces flow as they are
            return [self.body, *self.tail]
        return []  # all of it on the next page

    def draw(self) -> None:  # pragma: no cover - split() always replaces it
        raise RuntimeError("KeepTail is split, never drawn")


def keep_signatures_with_rows(story: list[Flowable]) -> list[Flowable]:
    """The story with each :class:`SignatureRow` bound to the flowable before it (spacers between
    travel with the signatures); a signature row after a page break or at the start stays as it is."""
    out: list[Flowable] = []
    for item in story:
        if not isinstance(item, SignatureRow):
            out.append(item)
            continue
        tail: list[Flowable] = [item]
        while out and isinstance(out[-1], Spacer):
            tail.insert(0, out.pop())
        if out and not isinstance(out[-1], ActionFlowable | KeepTail | KeepTogether | DocStart):
            out.append(KeepTail(out.pop(), tail))
        else:
            out.extend(tail)
    return out
