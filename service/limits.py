"""Bounds on what one client can take from the service: time to send a request, and CPU by cost.

:class:`HttpProtocol` (uvicorn's protocol, used by ``gongkai serve``) closes a connection whose
request head is not complete within uvicorn's ``timeout_keep_alive`` (5 s): uvicorn itself only
times out idle connections between two requests. :class:`BodyDeadline` (ASGI middleware) then
gives the body ``GONGKAI_BODY_TIMEOUT`` seconds to arrive; a client that announces 100 bytes and
sends 10 is answered 408 and the connection closed, instead of holding it open.

:class:`Admission` admits the analyses by cost, counted in characters (title + body of all
records). Small requests run at once, up to ``GONGKAI_THREADS`` at a time in the thread pool.
Large ones (over ``GONGKAI_HEAVY_CHARS``) queue behind each other in their own single thread and
run in slices of about ``GONGKAI_HEAVY_CHARS`` characters; before each slice a large request waits
until no small request is running, but at most as long as its previous slice took (at least
:data:`PATIENCE` seconds): under a steady stream of small requests a large one computes at most
half of the time, so it always advances but small drafts go first. Analysis holds the GIL, so on
two cores this keeps a batch of long texts from multiplying the latency of everyone else.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Sequence

import anyio
import anyio.to_thread
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from classifier.records import Record

from .errors import ApiError

PATIENCE = 0.1
"""Shortest of the waits (seconds) of a large request's slice for the small requests to finish."""


# --- request heads and bodies -------------------------------------------------------------------
class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, plus a deadline on the request head.

    From the moment a connection opens, and from the first byte of each request, the head must be
    complete within ``timeout_keep_alive`` seconds, or the connection is closed.
    """

    _head_timer = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm_head_timer()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_head_timer()

    def on_headers_complete(self) -> None:
        self._cancel_head_timer()
        super().on_headers_complete()

    def connection_lost(self, exc) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self.timeout_keep_alive, self.timeout_keep_alive_handler)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None


class BodyDeadline:
    """Pure ASGI middleware: the whole request body must arrive within ``seconds`` of the request head.

    A response to a request whose body was not read to the end (408, 413, 401, 404 …) carries
    ``Connection: close``, so the server drops the connection instead of waiting for the rest.
    """

    def __init__(self, app, seconds: float):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        deadline = time.monotonic() + self.seconds
        headers = dict(scope.get("headers") or ())
        body_done = headers.get(b"content-length", b"0") == b"0" and b"transfer-encoding" not in headers

        async def receive_in_time():
            nonlocal body_done
            if body_done:  # after the body: only http.disconnect is left, wait for it freely
                return await receive()
            with anyio.move_on_after(max(0.0, deadline - time.monotonic())):
                message = await receive()
                body_done = message["type"] != "http.request" or not message.get("more_body", False)
                return message
            raise ApiError(408, "body_timeout",
                           f"请求体没有在 {self.seconds:g} 秒内传完，连接已关闭。请检查网络后重新发送。")

        async def send_closing(message):
            if message["type"] == "http.response.start" and not body_done:
                kept = [(k, v) for k, v in message.get("headers", ()) if k.lower() != b"connection"]
                message = {**message, "headers": kept + [(b"connection", b"close")]}
            await send(message)

        await self.app(scope, receive_in_time, send_closing)


# --- admission by cost ----------------------------------------------------------------------------
def cost(records: Sequence[Record]) -> int:
    """Characters an analysis has to read: title + body of every record."""
    return sum(len(r.title) + len(r.body) for r in records)


def slices(records: Sequence[Record], size: int) -> list[list[Record]]:
    """Consecutive groups of records of at most ``size`` characters (at least one record each)."""
    out: list[list[Record]] = []
    current: list[Record] = []
    chars = 0
    for record in records:
        n = len(record.title) + len(record.body)
        if current and chars + n > size:
            out.append(current)
            current, chars = [], 0
        current.append(record)
        chars += n
    if current:
        out.append(current)
    return out


class Admission:
    """Run analyses of small requests at once and large ones queued, in slices, giving way to small ones.

    Create it inside the running event loop (the app's lifespan); ``threads`` sets the size of the
    thread pool for small requests (anyio's default limiter), large ones have one thread of their own.
    """

    def __init__(self, threads: int, heavy_chars: int, patience: float = PATIENCE):
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        self.heavy_chars = heavy_chars
        self.patience = patience
        self._heavy_lane = anyio.CapacityLimiter(1)  # one large request computes at a time, FIFO
        self._heavy_thread = anyio.CapacityLimiter(1)  # its own thread: small requests keep theirs
        self._light = 0
        self._light_done = anyio.Event()
        self._light_done.set()

    async def run(self, analyse: Callable[[list[Record]], list[Any]], records: list[Record]) -> list[Any]:
        """``analyse(records)`` -> one result per record, run as the records' cost admits."""
        if cost(records) <= self.heavy_chars:
            self._light += 1
            if self._light == 1:
                self._light_done = anyio.Event()
            try:
                return await anyio.to_thread.run_sync(analyse, records)
            finally:
                self._light -= 1
                if self._light == 0:
                    self._light_done.set()
        async with self._heavy_lane:
            results: list[Any] = []
            last = 0.0  # seconds the previous slice took
            for part in slices(records, self.heavy_chars):
                with anyio.move_on_after(max(self.patience, last)):
                    await self._light_done.wait()
                start = time.monotonic()
                results.extend(await anyio.to_thread.run_sync(analyse, part, limiter=self._heavy_thread))
                last = time.monotonic() - start
            return results
