"""store layer."""

# Local-only sync tables live in their own module; importing it here puts them in Base.metadata.
from kinerja_desktop.store import sync_models as _sync_models  # noqa: F401
