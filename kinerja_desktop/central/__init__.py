"""central layer."""
