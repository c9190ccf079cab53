"""Guided flows (QWizard) for people new to the app."""
