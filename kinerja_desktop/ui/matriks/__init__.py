"""The matriks peran hasil page (unit heads) and the draft RHK dialog of the plan editor."""
