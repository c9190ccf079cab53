"""Signing in the GUI: certificates, signing a sheet, verifying a PDF, the employee's signed documents."""
