"""Domain layer: pure rules of ASN performance management (no I/O, no SQLAlchemy, no Qt).

Modules: errors, nip, kepegawaian, penilaian, berakhlak, periods, permissions.
"""
