"""Background sync: on start, shortly after changes, every N minutes, and when the network returns.

The controller owns a few QTimers and runs each sync as a task of the window's task manager
(progress with items, bytes and time left; cancel from the status bar). Failures back off
exponentially (30 s, 1, 2, 4 ... 30 minutes) instead of hammering an unreachable store. What
needs a person (an emptied or swapped store, a mass deletion, a copied database, a wrong
password) stops the automatic runs and is raised through :attr:`attention`.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

DEFAULT_INTERVAL_MIN = 10
DEBOUNCE_MS = 20_000
POLL_MS = 5_000
START_DELAY_MS = 3_000
BACKOFF_BASE_MS = 30_000
BACKOFF_MAX_MS = 30 * 60_000


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f}".replace(".", ",")


def progress_label(p: Any) -> str:
    """'Mengunggah 3,2 / 10,0 MB, sisa ~12 dtk' from a SyncProgress."""
    phases = {"menyiapkan": QCoreApplication.translate("controller", "Menyiapkan"),
              "mengunggah": QCoreApplication.translate("controller", "Mengunggah"),
              "mengunduh": QCoreApplication.translate("controller", "Mengunduh"),
              "menerapkan": QCoreApplication.translate("controller", "Menerapkan"),
              "validasi jangka panjang": QCoreApplication.translate("controller", "Validasi jangka panjang")}
    phase = phases.get(p.phase, p.phase)
    if p.bytes_total:
        text = f"{phase} {_mb(p.bytes_done)} / {_mb(p.bytes_total)} MB"
    elif p.items_total:
        text = f"{phase} {p.items_done} / {p.items_total}"
    else:
        text = p.message or phase
    if p.eta_seconds is not None and p.eta_seconds >= 1:
        text += QCoreApplication.translate("controller", ", sisa ~{0:.0f} dtk").format(p.eta_seconds)
    return text


def run_sync(ctx: Any, db: Any, url: str, options: Any, user: Any = None) -> Any:
    """The task: one sync run; returns the report, or ('attention', kind, message) for a person.

    With ``user`` and a timestamp server set, the signed documents held here get their long-term
    validation first (documents/long_term_documents.py), sent in the same run."""
    from kinerja_desktop.sync.engine import (
        DeviceClash,
        MassDeletionPending,
        StoreIdentityChanged,
        SyncCancelled,
        SyncEngine,
    )
    from kinerja_desktop.sync.probe import StoreListingBroken
    from kinerja_desktop.sync.remote import RemoteAuthError, RemoteNotMounted, open_remote
    from kinerja_desktop.ui.workers import Cancelled

    cancel = threading.Event()

    def on_progress(p: Any) -> None:
        if ctx.cancelled:
            cancel.set()
        total = p.bytes_total or p.items_total
        done = p.bytes_done if p.bytes_total else p.items_done
        ctx.progress(min(done, total) if total else 0, total, progress_label(p))

    from kinerja_desktop.documents.long_term_documents import sync_step, tsa_url

    step = sync_step(db, user) if user is not None and tsa_url(db) else None
    remote = open_remote(url)
    try:
        return SyncEngine(db, remote, options, progress=on_progress, cancel=cancel, before_push=step).run()
    except SyncCancelled as exc:
        raise Cancelled from exc
    except StoreIdentityChanged as exc:
        return ("attention", "identity", str(exc))
    except MassDeletionPending as exc:
        return ("attention", "mass_delete", str(exc))
    except DeviceClash as exc:
        return ("attention", "clash", str(exc))
    except RemoteAuthError as exc:
        return ("attention", "auth", str(exc))
    except StoreListingBroken as exc:  # retrying cannot help: a person picks another store
        return ("attention", "listing", str(exc))
    except RemoteNotMounted as exc:
        return ("offline", "not_mounted", str(exc))
    finally:
        remote.close()


class SyncController(QObject):
    """Schedules and runs sync for one main window.

    Signals:
        state_changed(str text, str tooltip): for the status bar.
        synced(object report): a run finished.
        attention(str kind, str message): a person must decide (kind: identity, mass_delete, clash, auth,
            listing).
        running_changed(bool)
    """

    state_changed = Signal(str, str)
    synced = Signal(object)
    attention = Signal(str, str)
    running_changed = Signal(bool)

    def __init__(self, window: Any, *, start_delay_ms: int = START_DELAY_MS, debounce_ms: int = DEBOUNCE_MS,
                 poll_ms: int = POLL_MS, backoff_base_ms: int = BACKOFF_BASE_MS) -> None:
        super().__init__(window)
        self.window = window
        self.task: Any = None
        self.failures = 0
        self.paused_reason: str | None = None
        self.last_report: Any = None
        self.backoff_base_ms = backoff_base_ms
        self._last_unsent = -1
        self._again = False
        self._start = self._timer(start_delay_ms, single=True, slot=self.sync_now)
        self._debounce = self._timer(debounce_ms, single=True, slot=self.sync_now)
        self._retry = self._timer(backoff_base_ms, single=True, slot=self.sync_now)
        self._interval = self._timer(self.interval_minutes() * 60_000, single=False, slot=self.sync_now)
        self._poll = self._timer(poll_ms, single=False, slot=self.check_changes)
        self._network: Any = None

    def _timer(self, ms: int, *, single: bool, slot: Any) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(single)
        t.setInterval(ms)
        t.timeout.connect(slot)
        return t

    # ------------------------------------------------------------------ configuration

    def remote_url(self) -> str | None:
        from kinerja_desktop.sync.replica import configured_remote

        return configured_remote(self.window.db)

    def interval_minutes(self) -> int:
        from kinerja_desktop.sync.replica import INTERVAL_KEY, get_meta

        try:
            return max(1, int(get_meta(self.window.db, INTERVAL_KEY, DEFAULT_INTERVAL_MIN)))
        except (TypeError, ValueError):
            return DEFAULT_INTERVAL_MIN

    def start(self) -> None:
        """Begin automatic sync (call once the window is up)."""
        self._interval.setInterval(self.interval_minutes() * 60_000)
        try:  # the baseline is taken now: a change saved before the first poll tick still triggers a sync
            self._last_unsent = self._newest_local_change()
        except Exception:  # noqa: BLE001 - the database is busy: the first tick takes the baseline
            self._last_unsent = -1
        self._poll.start()
        self._interval.start()
        self._watch_network()
        if self.remote_url():
            self._start.start()
            self.state_changed.emit(self.tr("Sinkronisasi: menunggu"), self.tr("Sinkronisasi pertama sebentar lagi."))
        else:
            self.state_changed.emit(self.tr("Sinkronisasi: belum diatur"),
                                    self.tr("Atur penyimpanan bersama di menu Sinkronisasi > Pengaturan."))

    def stop(self) -> None:
        for t in (self._start, self._debounce, self._retry, self._interval, self._poll):
            t.stop()
        if self.task is not None and self.task.running:
            self.task.cancel()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
                return
            info = QNetworkInformation.instance()
            if info is None:
                return
            info.reachabilityChanged.connect(self._reachability_changed)
            self._network = info
        except Exception:  # no backend on this platform: the timers still cover it
            self._network = None

    @Slot(object)
    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site,
                            QNetworkInformation.Reachability.Local):
            self.network_back()

    def network_back(self) -> None:
        """The network came back: try now rather than waiting for the back-off."""
        self.failures = 0
        self._retry.stop()
        QTimer.singleShot(1500, self, self.sync_now)

    # ------------------------------------------------------------------ triggers

    def unsent_count(self) -> int:
        """Changes made here that are not on the store yet (a counting query: not for every tick)."""
        from sqlalchemy import func, select

        from kinerja_desktop.store.models import ChangeLog, LocalMeta

        with self.window.db.reader() as s:
            meta = s.get(LocalMeta, "device_id")
            if meta is None:
                return 0
            return int(s.execute(select(func.count()).select_from(ChangeLog).where(
                ChangeLog.device_id == str(meta.value), ChangeLog.pushed.is_(False))).scalar() or 0)

    def _newest_local_change(self) -> int:
        """The id of the newest change made here (one index look-up, cheap enough for a timer)."""
        from sqlalchemy import select

        from kinerja_desktop.store.models import ChangeLog

        with self.window.db.reader() as s:
            row = s.execute(select(ChangeLog.id, ChangeLog.local).order_by(ChangeLog.id.desc()).limit(1)).first()
        return int(row[0]) if row is not None and row[1] else 0

    @Slot()
    def check_changes(self) -> None:
        """Something was saved here since the last look: sync shortly (debounced)."""
        if self.paused_reason or not self.remote_url():
            return
        try:
            newest = self._newest_local_change()
        except Exception:  # the database is busy: look again at the next tick
            return
        if self._last_unsent < 0:
            self._last_unsent = newest
            return
        if newest > self._last_unsent and not self._retry.isActive():
            self._debounce.start()
        self._last_unsent = max(self._last_unsent, newest)

    @Slot()
    def sync_now(self, *, confirm_store: bool = False, allow_mass_delete: bool = False) -> Any:
        """Run a sync now (no-op while one runs: it is queued to run again after)."""
        from kinerja_desktop.sync.engine import SyncOptions

        url = self.remote_url()
        if not url:
            self.state_changed.emit(self.tr("Sinkronisasi: belum diatur"),
                                    self.tr("Atur penyimpanan bersama di menu Sinkronisasi > Pengaturan."))
            return None
        if self.task is not None and self.task.running:
            self._again = True
            return self.task
        if confirm_store or allow_mass_delete:
            self.paused_reason = None
        elif self.paused_reason:
            return None
        for t in (self._start, self._debounce, self._retry):
            t.stop()
        options = SyncOptions(confirm_store=confirm_store, allow_mass_delete=allow_mass_delete)
        self.task = self.window.tasks.start(run_sync, self.window.db, url, options, getattr(self.window, "user", None),
                                            title=self.tr("Sinkronisasi"))
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        self.task.finished.connect(self._finished)
        self.running_changed.emit(True)
        self.state_changed.emit(self.tr("Sinkronisasi: berjalan…"), url)
        return self.task

    # ------------------------------------------------------------------ outcomes

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        if isinstance(result, tuple) and result and result[0] == "attention":
            _tag, kind, message = result
            self.paused_reason = kind
            self.state_changed.emit(self.tr("Sinkronisasi: perlu tindakan"), message)
            self.attention.emit(kind, message)
            return
        if isinstance(result, tuple) and result and result[0] == "offline":
            self._back_off(result[2])
            return
        self.failures = 0
        self.last_report = result
        when = datetime.now().strftime("%H:%M")
        text = self.tr("Tersinkron {0}").format(when)
        if result.open_conflicts:
            text += self.tr(" · {0} konflik").format(result.open_conflicts)
        if result.unsent:
            text += self.tr(" · {0} menunggu").format(result.unsent)
        self.state_changed.emit(text, result.summary())
        if result.applied:
            notify = getattr(self.window, "notify_data_changed", None)
            if notify is not None:
                notify()
        self.synced.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._back_off(message)

    def _back_off(self, message: str) -> None:
        self.failures += 1
        delay = min(self.backoff_base_ms * 2 ** (self.failures - 1), BACKOFF_MAX_MS)
        self._retry.start(delay)
        minutes = delay / 60_000
        wait = self.tr("{0} dtk").format(delay // 1000) if minutes < 1 else self.tr("{0:.0f} menit").format(minutes)
        self.state_changed.emit(self.tr("Sinkronisasi: luring, coba lagi dalam {0}").format(wait), message)

    @Slot()
    def _cancelled(self) -> None:
        self.state_changed.emit(self.tr("Sinkronisasi dibatalkan"), self.tr("Yang sudah selesai tetap tersimpan."))

    @Slot()
    def _finished(self) -> None:
        self.running_changed.emit(False)
        if self._again:
            self._again = False
            QTimer.singleShot(1000, self, self.sync_now)

    @property
    def retry_interval_ms(self) -> int:
        return self._retry.interval() if self._retry.isActive() else 0
