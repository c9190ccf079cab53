"""Building blocks shared by the forms: undoable service commands, autosaving text fields,
messages shown at the field, wrapping delegates and the read-only look."""
