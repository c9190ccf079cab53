"""Pohon kinerja: the cascade of RHK from a leader down to the staff (``services.pohon_service``)."""
