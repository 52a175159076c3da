"""File-system hazards: names that cannot be printed or stored, FIFOs, devices, /proc, loops."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# Kernel file systems: their "files" can block forever (/proc/kmsg, /dev/tty) or never end
# (/dev/zero), and /proc/self/root leads back to / . A symlink into them is never followed.
_VIRTUAL_ROOTS = ("/proc", "/sys", "/dev", "/run")


def display(name: str) -> str:
    """``name`` as one printable line of valid UTF-8 (ids, sources and error messages).

    Undecodable file-name bytes (which Python keeps as lone surrogates, and SQLite refuses)
    become ``\\xNN`` escapes, control characters such as a newline become escapes too.
    """
    try:
        if name.isprintable():
            name.encode("utf-8")
            return name
    except UnicodeEncodeError:
        pass
    try:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that did not come from file-name bytes
        name = name.encode("utf-8", "replace").decode("utf-8")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def is_virtual(path: Path) -> bool:
    """True when ``path`` resolves into a kernel file system (/proc, /sys, /dev, /run)."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return any(real == root or real.startswith(root + "/") for root in _VIRTUAL_ROOTS)


class NotReadable(Exception):
    """Why a directory entry cannot be read as a document (the message is user-facing)."""


def check_readable(path: Path) -> os.stat_result:
    """``stat`` a directory entry and refuse what must not be opened.

    FIFOs and sockets block an ``open`` forever, devices never end, a dangling or looping
    symlink has no content: each becomes a ``NotReadable`` with a plain reason.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise NotReadable("broken symlink (its target does not exist)") from None
        raise NotReadable("file vanished before it could be read") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise NotReadable("symlink loop") from None
        raise NotReadable(f"cannot read ({e.strerror or e})") from None
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise NotReadable("is a directory")
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else \
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
        raise NotReadable(f"{kind}, not a regular file; skipped")
    if os.path.islink(path) and is_virtual(path):
        raise NotReadable("symlink into a kernel file system (/proc, /sys, /dev, /run); skipped")
    return st
