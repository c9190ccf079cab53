"""Three devices syncing through a real WebDAV server (WsgiDAV) with Basic auth and the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.services import realisation_service
from kinerja_desktop.store.models import Evaluation
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync.engine import SyncEngine
from kinerja_desktop.sync.heads import HEAD_NAME
from kinerja_desktop.sync.remote import RemoteAuthError, open_remote
from kinerja_desktop.sync.replica import configured_remote, save_remote
from tests.e2e.sync.dav_server import DavServer
from tests.e2e.sync.three_devices import indicator, sync_configured, three_devices
from tests.helpers.fixtures import People
from tests.unit.sync.sync_office import FAST, Office


def test_three_devices_over_webdav_with_keyring_credentials(office: Office, dav: DavServer, people: People,
                                                             memory_keyring, tmp_path: Path) -> None:
    three_devices(office, people, dav.url, dav.user, dav.password, memory_keyring, tmp_path)
    # nothing on the store was written twice (but the folder heads, rewritten after each write into their folder)
    assert all(n == 1 for path, n in dav.puts("/kinerja/").items()
               if path != "/kinerja/" + P.IDENTITY_PATH and not path.endswith("/" + HEAD_NAME))


def test_wrong_password_is_reported_not_retried(office: Office, dav: DavServer, memory_keyring) -> None:
    remote = open_remote(dav.url, secret="salah")
    try:
        with pytest.raises(RemoteAuthError):
            SyncEngine(office.dbs["staff"], remote, FAST).run()
    finally:
        remote.close()
    assert sum(1 for r in dav.requests if r[2] == 401) <= 2


def test_https_certificates_are_verified(office: Office, tmp_path: Path, memory_keyring,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from kinerja_desktop.sync.remote import RemoteTLSError
    from tests.e2e.sync.dav_server import self_signed

    root = tmp_path / "tls-root"
    root.mkdir()
    shutil.copytree(office.store, root / "kinerja")
    cert, key = self_signed(tmp_path)
    server = DavServer(root, tls=(cert, key)).start()
    try:
        monkeypatch.delenv("KINERJA_CA_BUNDLE", raising=False)
        remote = open_remote(server.url, secret=server.password)
        try:
            with pytest.raises(RemoteTLSError):
                SyncEngine(office.dbs["staff"], remote, FAST).run()
        finally:
            remote.close()
        assert not [r for r in server.requests if r[0] == "PUT"]
        monkeypatch.setenv("KINERJA_CA_BUNDLE", cert)  # the office's own CA, named explicitly
        remote = open_remote(server.url, secret=server.password)
        try:
            report = SyncEngine(office.dbs["staff"], remote, FAST).run()
        finally:
            remote.close()
        assert report.store_id
    finally:
        server.stop()


def test_forged_changes_written_over_webdav_are_refused(office: Office, dav: DavServer, people: People,
                                                        memory_keyring) -> None:
    """An insider with the office's WebDAV password writes bundles in the penilai's name."""
    import uuid

    from kinerja_desktop.store import signing

    url_with_secret = dav.url.replace(f"{dav.user}@", f"{dav.user}:{dav.password}@")
    for db in office.dbs.values():
        save_remote(db, url_with_secret)
    reader = office.dbs["reader"]
    with reader.reader() as s:
        ev = s.scalars(select(Evaluation).where(Evaluation.plan_id == people.staff_plan_id)
                       .order_by(Evaluation.period)).first()
    before = ev.rating_hasil
    forged = "DI_ATAS" if before != "DI_ATAS" else "DI_BAWAH"
    remote = open_remote(configured_remote(reader))
    try:
        for signer in (None, office.dbs["staff"].keys.get(people.staff.username)):
            device = str(uuid.uuid4())
            entry = P.Entry(device=device, seq=1, table="evaluation", row=ev.id, op="update",
                            changes={"rating_hasil": [before, forged]}, user=people.penilai.username)
            if signer is not None:  # signed with the attacker's own key, claiming the penilai
                msg = signing.group_message(device, 1, 1, entry.user, signer.kid, [entry.digest()])
                entry.sig = {"k": signer.kid, "n": 1, "s": signer.sign(msg)}
            data = P.encode_bundle(P.BundleHeader(device=device, first_seq=1, last_seq=1, prev=None, count=1),
                                   [entry])
            remote.write(f"{P.bundles_dir(device)}/{P.bundle_name(1, P.sha256(data))}", data)
    finally:
        remote.close()
    ind = indicator(office.dbs["staff"], people.staff_plan_id)
    realisation_service.set_realisation(office.dbs["staff"], people.staff, ind, "TW4", value="tetap sampai")
    sync_configured(office.dbs["staff"])
    for name in ("penilai", "reader"):
        report = sync_configured(office.dbs[name])
        assert len(report.quarantined) == 2 and report.applied >= 1
        with office.dbs[name].reader() as s:
            assert s.get(Evaluation, ev.id).rating_hasil == before


def test_without_a_system_keyring_the_password_serves_this_run_only(office: Office, dav: DavServer,
                                                                     monkeypatch, capsys) -> None:
    """A headless Linux PC with no keyring: the typed or URL password is used, not stored, and it says so."""
    import io

    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    from kinerja_desktop.cli import main

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        path = str(office.dbs["reader"].path)
        with_secret = dav.url.replace(f"{dav.user}@", f"{dav.user}:{dav.password}@")
        assert main(["--db", path, "sync", "--remote", with_secret]) == 0
        assert "sinkronisasi ini saja" in capsys.readouterr().err
        monkeypatch.setattr("sys.stdin", io.StringIO(dav.password + "\n"))
        assert main(["--db", path, "sync", "--sandi-stdin"]) == 0  # the remembered store, the typed password
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert main(["--db", path, "sync"]) == 1  # nothing was stored: the server refuses, with a sentence
        assert "Traceback" not in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)
