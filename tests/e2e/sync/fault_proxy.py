"""An asyncio TCP proxy on 127.0.0.1 that throttles and cuts connections (no ``tc netem`` needed).

* ``rate``: bytes per second in each direction (token bucket), None for full speed.
* ``latency``: one-way delay in seconds added in EACH direction (a round trip costs twice it:
  ``latency=0.15`` is a 300 ms round trip). Bytes are delayed, not the bandwidth: a stream
  keeps flowing at ``rate`` once its first byte arrives. A cut takes effect after the delay too.
* ``arm_cuts(n, lo, hi)``: cut ``n`` times, each after a random number of bytes in [lo, hi]
  counted from when the previous cut happened (or from arming; connections are kept alive by
  HTTP clients, so counting per connection would never trigger). A cut closes both sides of the
  connection that carried the byte (RST, or FIN with ``rst=False``).
* ``arm_timed_cuts(seconds)``: also cut every connection open at each ``seconds`` of wall-clock
  time (a link that drops every 30 s whatever it carries); ``cuts_done`` counts both kinds.
* ``up_bytes`` / ``down_bytes``: what went client->server / server->client through the proxy.
"""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field


@dataclass
class FaultProxy:
    target_port: int
    rate: float | None = None
    latency: float = 0.0
    seed: int = 0
    rst: bool = True
    up_bytes: int = 0
    down_bytes: int = 0
    cuts_done: int = 0
    port: int = 0
    _cuts: list[int] = field(default_factory=list)
    _since_cut: int = 0

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.base_events.Server | None = None
        self._ready = threading.Event()
        self._tokens = {"up": 0.0, "down": 0.0}
        self._stamp = {"up": time.monotonic(), "down": time.monotonic()}
        self._cut_down = False
        self._writers: set[asyncio.StreamWriter] = set()

    # ------------------------------------------------------------------ control

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(5)
        return self

    def stop(self) -> None:
        if self._loop is not None:
            async def shutdown() -> None:
                if self._server is not None:
                    self._server.close()
                for w in list(self._writers):
                    w.close()
                await asyncio.sleep(0.05)
                self._loop.stop()  # type: ignore[union-attr]

            asyncio.run_coroutine_threadsafe(shutdown(), self._loop)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def arm_cuts(self, n: int, lo: int, hi: int, *, downstream: bool = False) -> None:
        with self._lock:
            self._cuts = [self._rng.randint(lo, hi) for _ in range(n)]
            self._since_cut = 0
            self._cut_down = downstream

    def arm_timed_cuts(self, seconds: float) -> None:
        """Cut every open connection each ``seconds`` from now on (until :meth:`stop`)."""
        assert self._loop is not None

        async def ticker() -> None:
            while True:
                await asyncio.sleep(seconds)
                if self._writers:
                    with self._lock:
                        self.cuts_done += 1
                    self._abort(list(self._writers))

        asyncio.run_coroutine_threadsafe(ticker(), self._loop)

    @property
    def pending_cuts(self) -> int:
        with self._lock:
            return len(self._cuts)

    # ------------------------------------------------------------------ proxy

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)

        async def serve() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port or 0)
            self.port = self._server.sockets[0].getsockname()[1]
            self._ready.set()

        loop.run_until_complete(serve())
        try:
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for t in pending:
                t.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    async def _throttle(self, direction: str, n: int) -> None:
        if not self.rate:
            return
        while True:
            now = time.monotonic()
            tokens = min(self.rate * 0.25, self._tokens[direction] + (now - self._stamp[direction]) * self.rate)
            self._stamp[direction] = now
            if tokens >= n or tokens >= self.rate * 0.25:
                self._tokens[direction] = tokens - n
                return
            self._tokens[direction] = tokens
            await asyncio.sleep(max(0.001, (min(n, self.rate * 0.25) - tokens) / self.rate))

    def _count(self, direction: str, n: int) -> int | None:
        """Record ``n`` bytes; returns how many may pass before a cut (None: no cut now)."""
        with self._lock:
            if direction == "up":
                self.up_bytes += n
            else:
                self.down_bytes += n
            if not self._cuts or (direction == "down") != self._cut_down:
                return None
            if self._since_cut + n < self._cuts[0]:
                self._since_cut += n
                return None
            allowed = self._cuts[0] - self._since_cut
            self._cuts.pop(0)
            self._since_cut = 0
            self.cuts_done += 1
            return max(0, allowed)

    async def _pipe(self, direction: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    others: list[asyncio.StreamWriter]) -> None:
        # what was read waits in a queue until its delivery time (the one-way latency), then is written
        queue: asyncio.Queue[tuple[float, bytes | None, bool]] = asyncio.Queue()
        deliver = asyncio.ensure_future(self._deliver(queue, writer, others))
        try:
            while True:
                data = await reader.read(16384)
                if not data:
                    break
                await self._throttle(direction, len(data))
                allowed = self._count(direction, len(data))
                due = time.monotonic() + self.latency
                if allowed is not None:
                    queue.put_nowait((due, data[:allowed], True))
                    return
                queue.put_nowait((due, data, False))
                if queue.qsize() > 64:  # the other side is slow: back-pressure, as a socket buffer would
                    while queue.qsize() > 16:
                        await asyncio.sleep(0.01)
        except (ConnectionError, OSError, asyncio.CancelledError):
            pass
        finally:
            queue.put_nowait((time.monotonic() + self.latency, None, False))
            try:
                await deliver
            except (ConnectionError, OSError, asyncio.CancelledError):
                pass

    async def _deliver(self, queue: asyncio.Queue[tuple[float, bytes | None, bool]], writer: asyncio.StreamWriter,
                       others: list[asyncio.StreamWriter]) -> None:
        try:
            while True:
                due, data, cut = await queue.get()
                wait_s = due - time.monotonic()
                if wait_s > 0:
                    await asyncio.sleep(wait_s)
                if data:
                    writer.write(data)
                    await writer.drain()
                if cut:
                    self._abort(others)
                    return
                if data is None:
                    return
        except (ConnectionError, OSError, asyncio.CancelledError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    def _abort(self, writers: list[asyncio.StreamWriter]) -> None:
        for w in writers:
            sock = w.get_extra_info("socket")
            if sock is not None and self.rst:
                try:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                except OSError:
                    pass
            try:
                w.close()
            except Exception:
                pass

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_w.close()
            return
        both = [client_w, server_w]
        self._writers.update(both)
        try:
            await asyncio.gather(self._pipe("up", client_r, server_w, both),
                                 self._pipe("down", server_r, client_w, both))
        except asyncio.CancelledError:  # the proxy stops with this connection open
            pass
        finally:
            self._writers.difference_update(both)
