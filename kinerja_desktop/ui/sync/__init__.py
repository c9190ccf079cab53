"""Sync in the GUI: background sync, the Konflik view, status per record, store settings."""
