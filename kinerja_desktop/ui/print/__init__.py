"""Printing in the GUI: the Cetak dialog, batch printing as a background task, PDF preview and the
system print dialog. ``install_printing(window)`` adds it to the main window."""
