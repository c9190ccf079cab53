"""In-app help: the Panduan viewer (F1 on any page) and its hook into the main window."""
