"""A throwaway PostgreSQL server for the store tests (Debian's postgresql package).

``initdb`` refuses to run as root, so when the tests run as root (CI does) the server is created
and run as the ``postgres`` system user in a temporary directory it owns. It listens on 127.0.0.1
on a free port, with fsync off (the data dies with the session anyway). Every test gets its own
fresh database from ``PgServer.new_database()``.

Tests that need it skip cleanly when the binaries, the ``postgres`` user or psycopg are missing.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SERVER_SETTINGS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=50 -c shared_buffers=32MB")


def pg_bin_dir() -> Path | None:
    """The newest Debian PostgreSQL ``bin`` folder (or ``$CLAIMGRAPH_PG_BIN``) with initdb and pg_ctl."""
    env = os.environ.get("CLAIMGRAPH_PG_BIN")
    if env:  # an explicit choice is final (a missing folder means: no PostgreSQL tests)
        return Path(env) if (Path(env) / "initdb").exists() and (Path(env) / "pg_ctl").exists() else None
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                          key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                                          reverse=True)
    for c in candidates:
        if (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    which = shutil.which("pg_ctl")
    if which and shutil.which("initdb"):
        return Path(which).parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    """A running server: ``url(dbname)`` and ``new_database()`` give connection URLs."""

    bin_dir: Path
    root: Path
    port: int
    run_as: str | None
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(self.url(), autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        kw = {"user": self.run_as, "group": self.run_as} if self.run_as else {}
        return subprocess.run([str(self.bin_dir / args[0]), *args[1:]], cwd=self.root, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "LC_ALL": "C", "LANG": "C"}, **kw)

    def start(self) -> None:
        if self.run_as:
            pw = pwd.getpwnam(self.run_as)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        r = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                      "--no-locale", "--no-sync")
        if r.returncode:
            raise RuntimeError(f"initdb failed: {r.stderr.strip()}")
        self.resume()

    def resume(self) -> None:
        """Start the server on its existing data (after ``pause``, or the first time)."""
        for _attempt in range(3):
            opts = f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.root} " \
                   + SERVER_SETTINGS
            r = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", opts,
                          "-w", "-t", "60", "start")
            if r.returncode == 0:
                return
            self.port = _free_port()  # the port was taken in between: try another
        log = (self.root / "server.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"pg_ctl start failed: {r.stderr.strip()}\n{log}")

    def pause(self) -> None:
        """Stop the server as an administrator would (clients lose their connections); the data
        stays for ``resume``."""
        r = self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        if r.returncode:
            raise RuntimeError(f"pg_ctl stop failed: {r.stderr.strip()}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PgServer:
    """Create and start a server; raises RuntimeError (with the reason) when that is impossible."""
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries not found (apt-get install postgresql)")
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as e:
            raise RuntimeError("running as root and there is no 'postgres' user for initdb") from e
        run_as = "postgres"
    # not under pytest's tmp_path: its folders are private to root and postgres could not enter them
    root = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
    server = PgServer(bin_dir, root, _free_port(), run_as)
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    return server


def running_server() -> Iterator[PgServer]:
    """A throwaway server for a fixture to yield, stopped afterwards (the test skips when none can
    be started)."""
    pytest.importorskip("psycopg")
    try:
        server = start_server()
    except RuntimeError as e:
        pytest.skip(str(e))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server for the whole test session (skips when one cannot be started)."""
    yield from running_server()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh store lives: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_server").new_database()
