"""The sandbox's HTTP/1.1 protocol: uvicorn's h11 protocol, with ErrorType answers to requests
it cannot parse and a polite close.

uvicorn answers an unparsable request with a plain-text 400 and closes the socket at once, while
the client may still be sending: the kernel then resets the connection and the client often
sees the reset instead of the answer. This protocol answers with an ``ErrorType`` JSON body
(414 for an over-long request line, 431 for over-long headers, 501 for a transfer coding it does
not implement, 400 otherwise) and ``Connection: close``, then shuts down its sending side and
reads and discards what the client still sends until the client closes (at most
:data:`LINGER_SECONDS`). A client that closes its sending side with a request unfinished gets a
400; one that closes it after a whole request still gets its answer.

Request heads up to :data:`MAX_HEAD_SIZE` bytes reach the app, which applies its own, smaller
limits (see :mod:`kimono_interop.sandbox.app`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol
from uvicorn.server import ServerState

from kimono_interop.sandbox.app import MAX_TARGET_LENGTH
from kimono_interop.sandbox.errors import error_response
from kimono_interop.sandbox.quoting import clip

MAX_HEAD_SIZE = 1024 * 1024
"""The longest request head (request line and headers, in bytes) the protocol reads."""

LINGER_SECONDS = 2.0
"""How long a refused connection waits for the client to close before closing itself."""

_ANSWERABLE = (h11.IDLE, h11.SEND_RESPONSE)


class _Connection(h11.Connection):
    """An h11 server connection that remembers the last protocol error it raised."""

    last_error: h11.RemoteProtocolError | None = None

    def next_event(self) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        """The next event, as h11's; a protocol error is kept for the answer, then raised."""
        try:
            return super().next_event()
        except h11.RemoteProtocolError as exc:
            self.last_error = exc
            raise


class SandboxH11Protocol(H11Protocol):
    """uvicorn's h11 protocol answering what it cannot parse with an ErrorType, then closing
    without a reset."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.parser = _Connection(h11.SERVER, config.h11_max_incomplete_event_size or MAX_HEAD_SIZE)
        self.conn = self.parser
        self.lingering: asyncio.TimerHandle | None = None

    def send_400_response(self, msg: str) -> None:
        """Answer a request h11 refused (uvicorn calls this on any h11 protocol error)."""
        self._refuse(*self._refusal())

    def _refusal(self) -> tuple[int, str, str]:
        """Status, code and message for the protocol error h11 raised."""
        error = self.parser.last_error
        reason = clip(str(error) if error is not None else "unparsable request", 120)
        hint = error.error_status_hint if error is not None else 400
        if hint == 431:
            line_end = self.conn.trailing_data[0].find(b"\n")
            if line_end == -1 or line_end > MAX_TARGET_LENGTH:
                limit = f"the limit is {MAX_TARGET_LENGTH} bytes"
                return 414, "uri_too_long", f"the request target is too long: {limit}"
            limit = f"the limit is {MAX_HEAD_SIZE} bytes for the request line and headers"
            return 431, "headers_too_large", f"the request headers are too long: {limit}"
        if hint == 501:
            return 501, "not_implemented", f"the request uses what is not implemented: {reason}"
        return 400, "bad_request", f"the request is not valid HTTP/1.1: {reason}"

    def _refuse(self, status: int, code: str, message: str, *, client_done: bool = False) -> None:
        """Answer `status` when no answer has started, stop the request's app, and close."""
        if self.conn.our_state in _ANSWERABLE and not self.transport.is_closing():
            response = error_response(status, code, message, headers={"Connection": "close"})
            headers = [*self.server_state.default_headers, *response.raw_headers]
            for event in (
                h11.Response(status_code=status, headers=headers, reason=STATUS_PHRASES[status]),
                h11.Data(data=bytes(response.body)),
                h11.EndOfMessage(),
            ):
                output = self.conn.send(event)
                if output:
                    self.transport.write(output)
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True  # its app gets http.disconnect; its answer is dropped
            self.cycle.message_event.set()
        if client_done or not self.transport.can_write_eof():
            self.transport.close()
            return
        self.transport.write_eof()
        self.flow.resume_reading()
        self.lingering = self.loop.call_later(LINGER_SECONDS, self.transport.close)

    def data_received(self, data: bytes) -> None:
        """Parse `data`, or discard it once the connection was refused."""
        if self.lingering is None:
            super().data_received(data)

    def eof_received(self) -> bool | None:  # type: ignore[override]  # asyncio's signature
        """The client closed its sending side: answer what it sent in full, refuse the rest."""
        if self.lingering is not None or self.transport.is_closing():
            return None
        their_state = self.conn.their_state
        if their_state is h11.DONE and self.cycle is not None and not self.cycle.response_complete:
            self.cycle.keep_alive = False  # answer the request, then close
            return True
        if their_state is h11.SEND_BODY or (
            their_state is h11.IDLE and self.conn.trailing_data[0].strip()
        ):
            message = "the connection was closed before the request was complete"
            self._refuse(400, "incomplete_request", message, client_done=True)
            return True
        return None

    def shutdown(self) -> None:
        """Close at once when refused; otherwise as uvicorn does."""
        if self.lingering is not None:
            self.transport.close()
            return
        super().shutdown()

    def connection_lost(self, exc: Exception | None) -> None:
        """Stop waiting for a refused client, then as uvicorn does."""
        if self.lingering is not None:
            self.lingering.cancel()
        super().connection_lost(exc)
