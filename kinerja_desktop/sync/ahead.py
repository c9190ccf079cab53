"""Reading a stream's bundles, and checking the next ones' signatures in a second process.

:func:`decode_stream` and :func:`stream_verdicts` are the one way a pulled bundle is read and its
changes' signatures checked (the engine's :class:`~kinerja_desktop.sync.engine.SyncEngine` uses
them for every bundle).

A large pull (``SyncOptions.large_pull``: a central replica taking in a whole office, a new PC's
first sync of a large scope) spends a good part of its time decoding bundles and verifying
signatures: work that needs nothing from the database. On a PC with more than one core,
:class:`AheadChecker` then has a worker process check the bundles ahead of the one being applied.
The worker decodes the bundle as well and hands back its entries with their verdicts; the engine
takes them only for the very bytes it sent (keyed by their SHA-256) under the roster the worker
was given for this pull, so they are what decoding those bytes here would give (the worker runs
this module's code, started by this process). It decodes and checks inline whenever the worker
cannot answer (it failed to start, crashed, or the bundle was not sent ahead) or the bytes do not
decode (the inline decoding then says why, for the quarantine).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from kinerja_desktop.services.trust_service import Roster
from kinerja_desktop.sync import protocol as P
from kinerja_desktop.sync import trust

log = logging.getLogger(__name__)

#: Bundles checked ahead of the one being applied, at most (each is held in memory until applied).
DEPTH = 4


def stream_part(stream: str) -> str | None:
    """The partition of a stream key (None for a device's full stream)."""
    part, _, _dev = stream.rpartition("/")
    return part or None


def stream_device(stream: str) -> str:
    return stream.rpartition("/")[2]


def decode_stream(stream: str, data: bytes, sha: str, last: int) -> tuple[Any, list[P.Entry], list[Any]]:
    """(header, entries, what the signatures cover: the entries and any stubs, in order) of a bundle
    of ``stream`` (a device's full stream, or ``<partition>/<device>``); raises ``BundleError``."""
    part = stream_part(stream)
    if part is None:
        header, entries = P.decode_bundle(data, expected_sha=sha, device=stream, last_seq=last)
        return header, entries, entries
    header, entries = P.decode_part_bundle(data, expected_sha=sha, device=stream_device(stream), part=part,
                                           last_seq=last)
    return header, entries, P.with_stubs(entries, header.stubs)


def stream_verdicts(entries: list[P.Entry], covered: list[Any], roster: Roster | None) -> list[trust.Verdict]:
    """The trust verdict of each entry (stubs are checked with their group, then left out)."""
    verdicts = trust.check_bundle(covered, roster)
    if covered is entries:
        return verdicts
    return [v for x, v in zip(covered, verdicts, strict=True) if isinstance(x, P.Entry)]


# ------------------------------------------------------------------------------------------ worker

#: In the worker: the roster of the pull it checks for (set when the worker starts).
_worker: dict[str, Roster | None] = {}


def _start(roster: Roster | None) -> None:
    _worker["roster"] = roster


#: What the worker hands back for a bundle: (header, entries, covered, verdicts), as
#: :func:`decode_stream` and :func:`stream_verdicts` give them.
Checked = tuple[Any, list[P.Entry], list[Any], list[trust.Verdict]]


def _check(stream: str, data: bytes, sha: str, last: int) -> Checked | None:
    """In the worker: a bundle decoded, with its entries' verdicts; None when it does not decode
    (the engine decodes it again and quarantines it with the reason)."""
    try:
        header, entries, covered = decode_stream(stream, data, sha, last)
    except P.BundleError:
        return None
    return header, entries, covered, stream_verdicts(entries, covered, _worker.get("roster"))


class AheadChecker:
    """Checks bundles in a worker process while the caller applies earlier ones.

    ``submit`` hands a bundle's bytes over; ``take`` returns it decoded with its verdicts (waiting
    for them) or None when the worker has none for it, in which case the caller checks inline.
    """

    def __init__(self, roster: Roster | None) -> None:
        self._pending: dict[tuple[str, str], Future[Checked | None]] = {}
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
            initargs=(roster,))

    @staticmethod
    def worth_it() -> bool:
        """Is a worker process worth starting for a large pull on this PC (more than one core)?"""
        return (os.cpu_count() or 1) > 1

    def in_flight(self) -> int:
        return len(self._pending)

    def submitted(self, stream: str, sha: str) -> bool:
        return (stream, sha) in self._pending

    def submit(self, stream: str, data: bytes, sha: str, last: int) -> None:
        if self._pool is None or (stream, sha) in self._pending:
            return
        try:
            self._pending[(stream, sha)] = self._pool.submit(_check, stream, data, sha, last)
        except RuntimeError as exc:  # the pool broke (a worker died): check inline from now on
            log.warning("signature worker unavailable (%s); checking in this process", exc)
            self.close()

    def take(self, stream: str, sha: str) -> Checked | None:
        fut = self._pending.pop((stream, sha), None)
        if fut is None:
            return None
        try:
            return fut.result()
        except Exception as exc:  # noqa: BLE001 - whatever the worker met, the bundle is checked here
            log.warning("signature worker failed (%s); checking in this process", exc)
            self.close()
            return None

    def forget(self, stream: str) -> None:
        """Drop what was sent ahead for ``stream`` and not taken (its chain stopped before it)."""
        for key in [k for k in self._pending if k[0] == stream]:
            self._pending.pop(key).cancel()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        for fut in self._pending.values():
            fut.cancel()
        self._pending.clear()
        if pool is not None:  # the worker ends after the bundle it is on (well under a second)
            pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["DEPTH", "AheadChecker", "Checked", "decode_stream", "stream_device", "stream_part",
           "stream_verdicts"]
