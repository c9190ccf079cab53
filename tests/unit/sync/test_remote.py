"""Store locations, credentials in the keyring, and the folder store."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.sync.remote import (
    FolderRemote,
    RemoteNotMounted,
    load_secret,
    open_remote,
    parse_remote,
    store_secret,
)
from kinerja_desktop.sync.replica import configured_remote, save_remote


class _Ring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.data.pop((service, username), None)


@pytest.fixture
def ring():
    previous = keyring.get_keyring()
    r = _Ring()
    keyring.set_keyring(r)
    yield r
    keyring.set_keyring(previous)


@pytest.mark.parametrize(("url", "scheme", "display"), [
    ("/media/usb/kinerja", "folder", "/media/usb/kinerja"),
    ("file:///srv/kinerja", "folder", "/srv/kinerja"),
    ("webdav://ana@dav.kantor.go.id/kinerja", "webdav", "webdav://ana@dav.kantor.go.id/kinerja"),
    ("https://ana:rahasia@cloud.kantor.go.id:8443/remote.php/dav/files/ana/kinerja/", "webdavs",
     "webdavs://ana@cloud.kantor.go.id:8443/remote.php/dav/files/ana/kinerja"),
    ("sftp://ana@10.0.0.5:2222/data/kinerja", "sftp", "sftp://ana@10.0.0.5:2222/data/kinerja"),
    ("s3://kinerja-bucket/kantor?endpoint=https://s3.example.id", "s3",
     "s3://kinerja-bucket/kantor?endpoint=https://s3.example.id"),
])
def test_locations_parse_and_display_without_secrets(url: str, scheme: str, display: str) -> None:
    spec, secret = parse_remote(url)
    assert spec.scheme == scheme
    assert spec.display == display
    assert "rahasia" not in spec.display
    assert (secret == "rahasia") == ("rahasia" in url)


@pytest.mark.parametrize("url", ["", "ftp://server/x", "webdav:///tanpa-server", "webdav://host:99999/x"])
def test_bad_locations_are_explained(url: str) -> None:
    with pytest.raises(ValidationError):
        parse_remote(url)


def test_password_goes_to_the_keyring_not_the_database(empty_db, ring) -> None:
    shown = save_remote(empty_db, "webdavs://ana:s3cret@dav.kantor.go.id/kinerja")
    assert shown == "webdavs://ana@dav.kantor.go.id/kinerja" == configured_remote(empty_db)
    spec, _ = parse_remote(shown)
    assert load_secret(spec) == "s3cret"
    store_secret(spec, "baru")
    assert ring.data[("kinerja-desktop-sync", "webdavs://ana@dav.kantor.go.id")] == "baru"
    empty_db.dispose()
    assert b"s3cret" not in Path(empty_db.path).read_bytes()


def test_folder_store_basics(tmp_path: Path) -> None:
    remote = open_remote(str(tmp_path))
    assert isinstance(remote, FolderRemote)
    assert remote.list("chunks/ab") == {} and remote.list_dirs("chunks") == [] and remote.size("x/y") is None
    remote.write("chunks/ab/abc", b"isi")
    assert remote.list("chunks/ab") == {"abc": 3} and remote.list_dirs("chunks") == ["ab"]
    assert remote.read("chunks/ab/abc") == b"isi" and remote.size("chunks/ab/abc") == 3
    assert not [p for p in (tmp_path / "chunks" / "ab").iterdir() if p.name.endswith(".part")]
    with pytest.raises(FileNotFoundError):
        remote.read("tidak/ada")


def test_unplugged_usb_stick_is_reported(tmp_path: Path) -> None:
    remote = open_remote(str(tmp_path / "belum-dipasang"))
    with pytest.raises(RemoteNotMounted) as err:
        remote.write("kinerja-store.json", b"{}")
    assert "USB" in str(err.value)
