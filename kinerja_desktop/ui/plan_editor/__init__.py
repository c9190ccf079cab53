"""The SKP (plan) editor."""

from kinerja_desktop.ui.plan_editor.plan_editor import PlanEditor

__all__ = ["PlanEditor"]
