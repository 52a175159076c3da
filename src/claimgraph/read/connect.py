"""The connections the fetcher opens: to an address checked at connect time, within a deadline.

- **Address pinned.** A host is resolved once per connection (``resolve``, the resolver hook), each
  address is checked against the private-address rule, and the socket connects to that very
  address. A name that answers "public" to an earlier check and "127.0.0.1" when the connection is
  made (DNS rebinding) is refused at the connection. TLS still checks the certificate against the
  host name, since only the socket's address is pinned.
- **Total time.** ``Deadline`` holds a duplicate of the socket in use and shuts the connection down
  when the fetch's time is up. Per-read timeouts only bound the wait for one byte, so a server
  dripping its status line or headers a byte a second would otherwise hold the fetch for ever;
  shutting the socket down ends the read wherever it is (TLS handshake, headers or body).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from typing import Any

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError


class PrivateAddress(Exception):
    """A connection refused because its address is loopback, private or link-local."""

    def __init__(self, host: str, address: str):
        self.host, self.address = host, address
        where = host if host == address else f"{host} resolves to {address}, which"
        super().__init__(f"{where} is a private or loopback address")


def resolve(host: str) -> list[str]:
    """The addresses ``host`` resolves to, in the system's order (the resolver hook: tests swap it
    for one that answers as a rebinding DNS server would). Raises ``socket.gaierror``."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def is_public_address(address: str) -> bool:
    """Does ``address`` lie on the public internet (not loopback, private, link-local, multicast)?"""
    ip = ipaddress.ip_address(address)
    return ip.is_global and not ip.is_multicast


def check_host(host: str) -> list[str]:
    """``host``'s addresses when every one is public; else ``PrivateAddress`` for the first that is not."""
    addresses = resolve(host)
    for address in addresses:
        if not is_public_address(address):
            raise PrivateAddress(host, address)
    return addresses


class Deadline:
    """The total time of one fetch: armed with the seconds left, it shuts down the watched socket
    when they run out (from a timer thread, so a blocked read returns at once)."""

    def __init__(self) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._watched: socket.socket | None = None

    def arm(self, seconds: float) -> None:
        self.disarm()
        self.expired = False
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.watch(None)

    def watch(self, sock: socket.socket | None) -> None:
        """Cut ``sock`` when time runs out (replacing the socket watched before)."""
        # a duplicate descriptor of the same connection: it stays valid when the TLS layer takes
        # over the original, and shutting it down ends every read on the connection
        dup = None
        if sock is not None and sock.fileno() >= 0:
            dup = socket.fromfd(sock.fileno(), sock.family, sock.type)
        with self._lock:
            old, self._watched = self._watched, dup
            if dup is not None and self.expired:
                _shut(dup)
        if old is not None:
            old.close()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._watched is not None:
                _shut(self._watched)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the other side: nothing left to cut


class _Guarded:
    """What both connection classes add: pinned, checked addresses and a watched socket."""

    allow_private = False
    deadline: Deadline

    host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any

    def _new_conn(self) -> socket.socket:
        try:
            addresses = resolve(self.host) if self.allow_private else check_host(self.host)
        except socket.gaierror as e:
            raise NameResolutionError(self.host, self, e) from e  # type: ignore[arg-type]
        error: OSError | None = None
        for address in addresses:  # each tried in turn, like create_connection, but never re-resolved
            try:
                sock = urllib3.util.connection.create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as e:
                raise ConnectTimeoutError(
                    self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
                ) from e
            except OSError as e:
                error = e
                continue
            self.deadline.watch(sock)
            return sock
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}")  # type: ignore[arg-type]

    def request(self, *args: Any, **kwargs: Any) -> None:
        if getattr(self, "sock", None) is not None:  # a kept-alive connection: watch it for this fetch
            self.deadline.watch(self.sock)  # type: ignore[attr-defined]
        super().request(*args, **kwargs)  # type: ignore[misc]


def pool_manager(user_agent: str, allow_private: bool, deadline: Deadline) -> urllib3.PoolManager:
    """A pool manager whose connections pin checked addresses and obey ``deadline``."""
    attrs = {"allow_private": allow_private, "deadline": deadline}
    http_conn = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), attrs)
    https_conn = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), attrs)
    manager = urllib3.PoolManager(retries=False, headers={"User-Agent": user_agent})
    manager.pool_classes_by_scheme = {
        "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
        "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}),
    }
    return manager
