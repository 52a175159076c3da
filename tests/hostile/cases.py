"""Hostile inputs for `claimgraph analyze`, generated on the fly, and a runner that judges a run.

Each case writes one or more hostile files into a folder that also holds good files, runs the
real CLI on the folder in a subprocess (with a timeout) and checks: no traceback, no hang, one
error line per expected problem naming the file (and line/record), no unexpected errors, every
good document stored and extracted, the documented exit code. Used by test_hostile_cli.py and by
benchmarks/hostile_tally.py (which prints the tally for the closing note).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024

GOOD_TXT = ("Officials in Brellin said on Tuesday that 40 homes had lost power after the storm.\n\n"
            "\"Crews will work through the night,\" the fire chief said.\n")
GOOD_RECORDS = [
    {"id": "good-rec-1", "outlet": "Ostara Gazette", "title": "Bridge closed",
     "text": "The Kemwick bridge will stay closed for 12 days, a council spokesperson said on Monday."},
    {"id": "good-rec-2", "outlet": "Dunmoor Post", "title": "Ferry resumes",
     "text": "The harbour master said ferries to Hallow Bay would resume on Friday after a week-long pause."},
]
GOOD_IDS = ["00-good.txt", "good-rec-1", "good-rec-2"]


def write_good(folder: Path) -> None:
    """Two good files around the hostile ones (sorted names put hostile files in between)."""
    (folder / "00-good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (folder / "zz-good.jsonl").write_text("".join(json.dumps(r) + "\n" for r in GOOD_RECORDS), encoding="utf-8")


def record(i: int, prefix: str = "rec") -> dict:
    return {"id": f"{prefix}-{i}", "outlet": "Marrow End Echo",
            "text": f"The mayor said {i + 3} new buses would serve Farrowgate from next spring (item {i})."}


def write_big(path: Path, head: bytes, size: int, tail: bytes = b"", fill: bytes = b"a") -> None:
    """``head`` + ``size`` bytes of ``fill`` + ``tail``, written in 1 MB chunks (no big buffer)."""
    chunk = fill * (MB // len(fill))
    with open(path, "wb") as f:
        f.write(head)
        left = size
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk)
        f.write(tail)


def gzip_members(parts: list[tuple[bytes, int]]) -> bytes:
    """A multi-member gzip: each ``(data, times)`` compressed once and repeated ``times`` times.

    A 1 MB block of one byte compresses to ~1 KB, so 1,000 members make a 1 MB file that
    inflates to 1 GB, generated in milliseconds (a classic gzip bomb).
    """
    out = []
    for data, times in parts:
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        member = c.compress(data) + c.flush()
        out.append(member * times)
    return b"".join(out)


def warc_record(url: str, ctype: str, body: bytes) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2031-04-16T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)):032d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def html_page(title: str, para: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{para}</p><p>{para}</p></article></body></html>").encode()


@dataclass
class Case:
    """One hostile scenario. ``errors``: regexes, each must match one error line (in order of files)."""

    name: str
    make: Callable[[Path], None]
    errors: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # ids from hostile files that must be stored too
    text: dict[str, str] = field(default_factory=dict)  # id -> words its stored text must contain
    args: list[str] = field(default_factory=list)
    exit_code: int = 1
    timeout: float = 120.0
    max_rss_mb: float | None = None  # peak memory of the whole CLI process
    hook: str | None = None  # Python run in the CLI process before main() (monkeypatching)
    skip_if_root: str | None = None


@dataclass
class Outcome:
    case: str
    rc: int | None = None
    elapsed: float = 0.0
    max_rss_mb: float = 0.0
    crashed: bool = False
    hung: bool = False
    lost: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: str | None = None


# ---------------------------------------------------------------- the cases

def _empty(d: Path) -> None:
    (d / "50-empty.txt").write_bytes(b"")


def _binary(d: Path) -> None:
    rng = random.Random(1)
    (d / "50-blob.txt").write_bytes(bytes(rng.randrange(256) for _ in range(50_000)) + b"\x00" * 100)


def _invalid_utf8(d: Path) -> None:
    good = "The caf\u00e9 owner told the Ostara Gazette that prices rose \u201cby about 5%\u201d this year. "
    (d / "50-mixed.txt").write_bytes(good.encode() * 3 + b"\xff\xfe\xc3 broken \x80\x81 bytes. "
                                     + "The r\u00e9sum\u00e9 of the na\u00efve mayor was read aloud.\n".encode())


def _cp1252(d: Path) -> None:
    text = ("The caf\u00e9 owner told the Ostara Gazette that prices rose \u201cby about 5%\u201d \u2014 "
            "a na\u00efve forecast, she said, costing \u20ac40 a week.\n")
    (d / "50-western.txt").write_bytes(text.encode("cp1252"))


UTF16_TEXT = "The harbour master said that 12 boats were damaged in Kemwick on Sunday.\n"


def _utf16(d: Path) -> None:
    (d / "50-bom.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (d / "51-le.txt").write_bytes(UTF16_TEXT.replace("12", "13").encode("utf-16-le"))
    (d / "52-be.txt").write_bytes(UTF16_TEXT.replace("12", "14").encode("utf-16-be"))
    (d / "53-page.html").write_bytes(html_page("Boats", UTF16_TEXT.replace("12", "15")).decode().encode("utf-16-le"))


def _long_line_jsonl(d: Path) -> None:
    head = (json.dumps(record(1)) + "\n").encode() + b'{"id": "huge", "text": "'
    write_big(d / "50-huge.jsonl", head, 100 * MB, b'"}\n' + (json.dumps(record(2)) + "\n").encode())


def _long_line_txt(d: Path) -> None:
    write_big(d / "50-huge.txt", b"", 100 * MB, b"\n", fill=b"word ")


def _long_text(d: Path) -> None:
    write_big(d / "50-long.txt", b"", 10 * MB, b"\n", fill=b"The mayor spoke. ")


def _deep_html(d: Path) -> None:
    n = 100_000
    write_big(d / "50-deep.html", b"<html><body>" + b"<div>" * n, 0,
              b"<p>Deep inside.</p>" + b"</div>" * n + b"</body></html>")


def _slow_html(d: Path) -> None:
    (d / "50-slow.html").write_bytes(b"<html><body>" + b"<p>x " * 200_000 + b"</body></html>")


def _truncated_gz(d: Path) -> None:
    data = "".join(json.dumps(record(i)) + "\n" for i in range(200)).encode()
    gz = gzip_members([(data, 1)])
    (d / "50-trunc.jsonl.gz").write_bytes(gz[: len(gz) * 6 // 10])
    (d / "51-trunc.txt.gz").write_bytes(gzip_members([(GOOD_TXT.encode() * 50, 1)])[:80])


def truncated_prefix_ids(d: Path) -> list[str]:
    """Ids of the records wholly inside the decompressible part of 50-trunc.jsonl.gz."""
    raw = zlib.decompressobj(31).decompress((d / "50-trunc.jsonl.gz").read_bytes())
    return [json.loads(line)["id"] for line in raw.split(b"\n")[:-1]]


def _corrupt_gz(d: Path) -> None:
    data = "".join(json.dumps(record(i)) + "\n" for i in range(200)).encode()
    gz = bytearray(gzip_members([(data, 1)]))
    for i in range(len(gz) // 2, len(gz) // 2 + 64):
        gz[i] ^= 0x5A
    (d / "50-corrupt.jsonl.gz").write_bytes(bytes(gz))


def _bomb_txt(d: Path) -> None:
    (d / "50-bomb.txt.gz").write_bytes(gzip_members([(b"a" * MB, 1024)]))  # 1 MB file, 1 GB inflated


def _bomb_jsonl(d: Path) -> None:
    first = "".join(json.dumps(record(i, "bomb")) + "\n" for i in range(2)).encode()
    (d / "50-bomb.jsonl.gz").write_bytes(gzip_members([(first, 1), (b"\n" * MB, 1024)]))


def _malformed_jsonl(d: Path) -> None:
    lines = [
        json.dumps({"id": "jl-good-1", "text": "A council spokesperson said 40 trees would be planted."}).encode(),
        b"{not json",
        json.dumps({"id": "no-text"}).encode(),
        json.dumps({"id": "num", "text": 42}).encode(),
        json.dumps(["a", "list"]).encode(),
        b'{"id": "big", "text": "' + b"x" * (50 * MB) + b'"}',
        b'{"id": "sur\\ud800", "text": "The mayor said \\udc00 that 9 roads were shut.", "title": "t\\ud800"}',
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps({"id": "nulls", "text": None, "html": None}).encode(),
        json.dumps({"id": "x" * 2000, "text": "Long id."}).encode(),
        b'{"id": "cp1252-line", "text": "The caf\xe9 in Brellin \x96 the mayor said \x93yes\x94."}',
        json.dumps({"id": "jl-good-2", "text": "The fire chief said 3 crews were on duty."}).encode(),
    ]
    (d / "50-records.jsonl").write_bytes(b"\n".join(lines) + b"\n")


def _garbage_jsonl(d: Path) -> None:
    (d / "50-garbage.jsonl").write_bytes(b'{"id": "g1", "text": "The mayor said 4 bins."}\n' + b"x\n" * 5000)


def _bad_json_csv(d: Path) -> None:
    (d / "50-array.json").write_bytes(b'[{"id": "arr-1", "text": "Fine."}, {"id": ')
    (d / "51-deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (d / "52-table.csv").write_bytes(b'id,text\ncsv-1,"The mayor said 7 parks would open."\ncsv-2,"'
                                     + b"y" * 300_000 + b'"\ncsv-3,"never read"\n')


def _warc(d: Path) -> None:
    a = warc_record("https://example.org/a", "text/html", html_page("Storm", GOOD_TXT.strip()))
    b = warc_record("https://example.org/b", "text/html", html_page("Bridge", "The bridge reopened."))
    c = warc_record("https://example.org/c", "text/html", html_page("Ferry", "Ferries resumed."))
    (d / "50-broken.warc").write_bytes(a + b"GARBAGE, NOT A WARC RECORD\r\n\r\n" + b + c)
    (d / "51-cut.warc").write_bytes(a.replace(b"/a", b"/a2") + b[: len(b) - 40])


def _symlink_loops(d: Path) -> None:
    (d / "sub").mkdir()
    (d / "sub" / "loop").symlink_to(d)  # the folder contains itself
    (d / "50-a.txt").symlink_to(d / "50-b.txt")
    (d / "50-b.txt").symlink_to(d / "50-a.txt")


def _special_files(d: Path) -> None:
    os.mkfifo(d / "50-fifo.txt")  # opening it would block forever
    (d / "51-dangling.txt").symlink_to(d / "nowhere.txt")
    (d / "52-zero.txt").symlink_to("/dev/zero")  # never ends
    (d / "53-proc").symlink_to("/proc/self")  # /proc/self/root leads back to /
    (d / "54-status.txt").symlink_to("/proc/self/status")
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(d / "55-sock"))
    except OSError:  # path too long for a socket: the other special files still count
        pass
    finally:
        s.close()


def _unreadable(d: Path) -> None:
    p = d / "50-secret.txt"
    p.write_text("The mayor said 2 things.\n")
    p.chmod(0)


def _vanish(d: Path) -> None:
    (d / "50-vanish.txt").write_text("This file is deleted after the folder was listed.\n")


VANISH_HOOK = """
import os, claimgraph.read as r
_head = r.head_bytes
def head_bytes(path, *a, **k):
    if path.name == "50-vanish.txt":
        os.remove(path)  # gone between listing (and stat) and reading
    return _head(path, *a, **k)
r.head_bytes = head_bytes
"""


def _odd_names(d: Path) -> None:
    (d / "[bold]50-empty.txt").write_bytes(b"")
    (d / "51-new\nline.txt").write_bytes(b"\x00\x01\x02 binary")
    with open(os.path.join(os.fsencode(d), b"52-caf\xe9.txt"), "wb") as f:  # a name that is not UTF-8
        f.write(b"The caf\xe9 in Lindqvist reopened, the owner said.\n")


CASES: list[Case] = [
    Case("empty_file", _empty, [r"50-empty\.txt: empty file$"]),
    Case("random_binary_with_nul", _binary, [r"50-blob\.txt: binary file"]),
    Case("invalid_utf8_mid_text", _invalid_utf8, stored=["50-mixed.txt"], exit_code=0,
         text={"50-mixed.txt": "caf\u00e9 owner|r\u00e9sum\u00e9|na\u00efve"}),
    Case("cp1252_text", _cp1252, stored=["50-western.txt"], exit_code=0,
         text={"50-western.txt": "caf\u00e9|\u201cby about 5%\u201d|\u20ac40|na\u00efve"}),
    Case("utf16_bom_and_bomless", _utf16, stored=["50-bom.txt", "51-le.txt", "52-be.txt", "53-page.html"],
         exit_code=0, text={"50-bom.txt": "12 boats", "51-le.txt": "13 boats", "52-be.txt": "14 boats",
                            "53-page.html": "15 boats"}),
    Case("line_100mb_jsonl_default_limits", _long_line_jsonl, stored=["rec-1", "rec-2"],
         errors=[r"50-huge\.jsonl:2: line longer than 67,108,864 bytes skipped"], max_rss_mb=900),
    Case("line_100mb_txt_default_limits", _long_line_txt,
         errors=[r"50-huge\.txt: document is 104,857,6\d\d bytes, over the limit of 20,971,520"], max_rss_mb=700),
    Case("text_10mb_over_text_limit", _long_text,
         errors=[r"50-long\.txt: document '50-long\.txt' skipped: text is 10,48\d,\d+ characters, "
                 r"over the limit of 200,000"]),
    Case("html_nested_100000_deep", _deep_html,
         errors=[r"50-deep\.html: document '50-deep\.html' skipped: HTML is nested more than 255"]),
    Case("html_slow_doc_timeout", _slow_html, args=["--doc-timeout", "2"],
         errors=[r"50-slow\.html: document '50-slow\.html' skipped: took longer than 2 s"]),
    Case("truncated_gz", _truncated_gz,
         errors=[r"50-trunc\.jsonl\.gz:\d+: corrupt or truncated gzip data .*stopped reading after line \d+",
                 r"51-trunc\.txt\.gz: corrupt or truncated gzip data"]),
    Case("corrupt_gz", _corrupt_gz, errors=[r"50-corrupt\.jsonl\.gz:\d+: corrupt or truncated gzip data"]),
    Case("gzip_bomb_txt_default_limits", _bomb_txt, max_rss_mb=700,
         errors=[r"50-bomb\.txt\.gz: document is larger than the limit of 20,971,520 bytes"]),
    Case("gzip_bomb_jsonl_default_limits", _bomb_jsonl, stored=["bomb-0", "bomb-1"], max_rss_mb=700,
         errors=[r"50-bomb\.jsonl\.gz:\d+: file is larger than the limit of 536,870,912 bytes after "
                 r"decompression .*stopped reading"]),
    Case("malformed_jsonl_lines", _malformed_jsonl, stored=["jl-good-1", "sur\ufffd", "cp1252-line", "jl-good-2"],
         text={"sur\ufffd": "9 roads", "cp1252-line": "caf\u00e9 in Brellin"}, max_rss_mb=900,
         errors=[r"50-records\.jsonl:2: invalid JSON", r"50-records\.jsonl:3: record has no text",
                 r"50-records\.jsonl:4: record text is a int, not a string",
                 r"50-records\.jsonl:5: record is a JSON list, not an object",
                 r"50-records\.jsonl:6: record text is 52,428,800 characters, over the limit of 20,971,520",
                 r"50-records\.jsonl:8: invalid JSON \(nested too deeply\)",
                 r"50-records\.jsonl:9: record has no text",
                 r"50-records\.jsonl:10: record field 'id' is 2,000 characters"]),
    Case("jsonl_that_is_garbage", _garbage_jsonl, stored=["g1"],
         errors=[r"50-garbage\.jsonl:\d+: invalid JSON"] * 1000
         + [r"50-garbage\.jsonl:1001: 1,000 bad records in a row; rest of the file skipped"]),
    Case("bad_json_and_csv", _bad_json_csv, stored=["arr-1", "csv-1"], args=["--max-record-mb", "0.1"],
         errors=[r"50-array\.json:2: invalid JSON", r"51-deep\.json:1: invalid JSON \(nested too deeply\)",
                 r"52-table\.csv:\d+: malformed CSV \(field larger than field limit"]),
    Case("warc_broken_records", _warc, stored=["https://example.org/a", "https://example.org/a2"],
         errors=[r"50-broken\.warc:2: broken WARC record", r"51-cut\.warc:2: (truncated|broken) WARC record"]),
    Case("symlink_loops", _symlink_loops,
         errors=[r"50-a\.txt: symlink loop$", r"50-b\.txt: symlink loop$",
                 r"sub/loop: directory already visited \(symlink loop\?\)"]),
    Case("fifo_socket_device_dangling_proc", _special_files,
         errors=[r"50-fifo\.txt: a FIFO, not a regular file", r"51-dangling\.txt: broken symlink",
                 r"52-zero\.txt: a device, not a regular file",
                 r"53-proc: symlink into a kernel file system",
                 r"54-status\.txt: symlink into a kernel file system",
                 r"55-sock: a socket, not a regular file"]),
    Case("unreadable_file_chmod_000", _unreadable, errors=[r"50-secret\.txt: permission denied"],
         skip_if_root="running as root, where chmod 000 does not stop reads; the FIFO, device and "
                      "dangling-symlink cases cover the unreadable-entry error path"),
    Case("file_vanishes_mid_run", _vanish, hook=VANISH_HOOK,
         errors=[r"50-vanish\.txt: file vanished before it could be read"]),
    Case("odd_file_names", _odd_names, stored=["52-caf\\xe9.txt"],
         errors=[r"\[bold\]50-empty\.txt: empty file", r"51-new\\nline\.txt: binary file"]),
]


def _socket_ok(d: Path) -> bool:
    return (d / "55-sock").exists()


# ---------------------------------------------------------------- the runner

def _wait(proc: subprocess.Popen, timeout: float) -> tuple[int | None, float, bool]:
    """Wait for ``proc`` with ``os.wait4`` (its own peak RSS); kill its group on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss / 1024, False
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            return None, usage.ru_maxrss / 1024, True
        time.sleep(0.05)


def run_case(case: Case, workdir: Path) -> Outcome:
    """Build the case's folder under ``workdir``, run the CLI on it and judge the run."""
    out = Outcome(case.name)
    if case.skip_if_root and os.geteuid() == 0:
        out.skipped = case.skip_if_root
        return out
    folder, db = workdir / "in", workdir / "cg.db"
    folder.mkdir(parents=True)
    write_good(folder)
    case.make(folder)
    expected_stored = GOOD_IDS + case.stored
    errors = list(case.errors)
    if case.name == "truncated_gz":
        expected_stored += truncated_prefix_ids(folder)
    if case.name == "fifo_socket_device_dangling_proc" and not _socket_ok(folder):
        errors = [e for e in errors if "sock" not in e]

    cli = [sys.executable, "-c", (case.hook or "") + "\nfrom claimgraph.cli import main\nmain()",
           "analyze", str(folder), "--db", str(db), "--no-link", *case.args]
    with open(workdir / "stdout", "wb") as so, open(workdir / "stderr", "wb") as se:
        t0 = time.monotonic()
        proc = subprocess.Popen(cli, stdout=so, stderr=se, start_new_session=True)
        out.rc, out.max_rss_mb, out.hung = _wait(proc, case.timeout)
        out.elapsed = time.monotonic() - t0
    stderr = (workdir / "stderr").read_text("utf-8", "replace")
    out.errors = [ln for ln in stderr.splitlines() if ln.startswith("error:")]

    if out.hung:
        out.problems.append(f"hung: killed after {case.timeout:.0f} s")
    if "Traceback" in stderr or out.rc is None or out.rc not in (0, 1):
        out.crashed = not out.hung
        if out.crashed:
            out.problems.append(f"crashed (exit {out.rc}): {stderr[-2000:]}")
    if not out.hung and not out.crashed and out.rc != case.exit_code:
        out.problems.append(f"exit code {out.rc}, expected {case.exit_code}")
    _match_errors(errors, out)
    if case.max_rss_mb and out.max_rss_mb > case.max_rss_mb:
        out.problems.append(f"peak memory {out.max_rss_mb:.0f} MB over {case.max_rss_mb:.0f} MB")
    _check_store(db, expected_stored, case.text, out)
    return out


def _match_errors(expected: list[str], out: Outcome) -> None:
    unmatched = list(out.errors)
    for pattern in expected:
        rx = re.compile(pattern)
        hit = next((ln for ln in unmatched if rx.search(ln)), None)
        if hit is None:
            out.problems.append(f"no error line matches {pattern!r}")
        else:
            unmatched.remove(hit)
    if unmatched:
        out.problems.append(f"unexpected errors: {unmatched[:5]}")


def _check_store(db: Path, ids: list[str], text: dict[str, str], out: Outcome) -> None:
    if not db.exists():
        out.lost = list(ids)
        out.problems.append("no store was written")
        return
    con = sqlite3.connect(db)
    try:
        rows = dict(con.execute("SELECT id, status FROM documents").fetchall())
        for doc_id in ids:
            if rows.get(doc_id) != "extracted":
                out.lost.append(doc_id)
        for doc_id, words in text.items():
            row = con.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
            for w in words.split("|"):
                if not row or w not in row[0]:
                    out.problems.append(f"{doc_id}: stored text lacks {w!r}: {row[0][:200] if row else None!r}")
    finally:
        con.close()
    if out.lost:
        out.problems.append(f"good documents not stored: {out.lost}")


def cleanup(workdir: Path) -> None:
    """Remove a case's folder (the big cases write 100 MB+); never follows its symlinks."""
    for dirpath, _dirs, files in os.walk(workdir):
        for name in files:
            p = os.path.join(dirpath, name)
            if not os.path.islink(p):
                os.chmod(p, 0o644)
    shutil.rmtree(workdir, ignore_errors=True)


def tally(outcomes: list[Outcome]) -> str:
    """The closing-note line: cases tried, crashes, hangs, good documents lost."""
    tried = [o for o in outcomes if not o.skipped]
    return (f"hostile cases tried: {len(tried)} (skipped {len(outcomes) - len(tried)}), "
            f"crashes: {sum(o.crashed for o in tried)}, hangs: {sum(o.hung for o in tried)}, "
            f"good documents lost: {sum(len(o.lost) for o in tried)}, "
            f"other failures: {sum(bool(o.problems) and not (o.crashed or o.hung or o.lost) for o in tried)}")
