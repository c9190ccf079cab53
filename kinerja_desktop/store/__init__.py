"""store layer.

Nothing is imported here: ``store.location`` and ``store.quick`` are read at start-up before
SQLAlchemy loads. The local-only sync tables join ``Base.metadata`` from the end of ``models``.
"""
