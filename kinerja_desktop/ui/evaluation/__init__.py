"""Evaluasi kinerja: umpan balik, rating, kuadran and predikat."""

from kinerja_desktop.ui.evaluation.evaluation_page import EvaluationPage

__all__ = ["EvaluationPage"]
