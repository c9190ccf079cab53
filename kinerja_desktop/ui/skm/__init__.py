"""Survei Kepuasan Masyarakat in the GUI: the full-screen survey kiosk."""
