"""The hardening behind the hostile suite, in-process and fast (no spaCy model)."""

from __future__ import annotations

import gzip
import io
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from claimgraph.clean.decode import decode_bytes, utf16_without_bom
from claimgraph.clean.html import extract_html
from claimgraph.limits import DocTimeout, LimitExceeded, call_with_timeout, check_text_length
from claimgraph.model import RawDoc, ReadError
from claimgraph.pipeline import clean_raw
from claimgraph.read import ReadOptions, iter_inputs
from claimgraph.read.paths import display

from .cases import gzip_members, warc_record


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, RawDoc)], [i for i in items if isinstance(i, ReadError)]


def _busy(seconds: float) -> int:
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        n += 1
    return n


def _swallowing(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            _busy(0.01)
        except Exception:  # what careless library code does; the timeout is not an Exception
            pass


def test_timeout_interrupts_python_work_and_cleans_up():
    before = signal.getsignal(signal.SIGALRM)
    t = time.monotonic()
    with pytest.raises(DocTimeout, match="longer than 0.2 s"):
        call_with_timeout(0.2, _busy, 30)
    assert time.monotonic() - t < 5
    with pytest.raises(DocTimeout):
        call_with_timeout(0.2, _swallowing, 30)
    assert call_with_timeout(5, lambda x: x + 1, 1) == 2
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert isinstance(DocTimeout("x"), LimitExceeded)


def test_timeout_off_the_main_thread_runs_unbounded():
    result = []
    th = threading.Thread(target=lambda: result.append(call_with_timeout(0.01, _busy, 0.1)))
    th.start()
    th.join()
    assert result and result[0] > 0


def test_text_length_limit():
    check_text_length("abc", 3)
    check_text_length("abc" * 1000, None)
    with pytest.raises(LimitExceeded, match="--max-text-chars"):
        check_text_length("abcd", 3)
    with pytest.raises(LimitExceeded, match="over the limit of 10"):
        clean_raw(RawDoc(id="x", content=b"The mayor said so. " * 5), max_chars=10)


def test_deep_html_is_reported_not_silently_empty():
    deep = b"<html><body>" + b"<div>" * 5000 + b"<p>Deep.</p>" + b"</div>" * 5000 + b"</body></html>"
    with pytest.raises(LimitExceeded, match="nested more than 255"):
        extract_html(deep)
    ok = b"<html><body>" + b"<div>" * 50 + b"<p>The mayor said 4 roads were shut.</p>" + b"</div>" * 50 + \
        b"</body></html>"
    assert "4 roads" in extract_html(ok).text


def test_decoding_western_and_wide_encodings():
    text = "The caf\u00e9 owner said \u201cprices rose\u201d \u2014 by \u20ac4.\n"
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")
    for enc in ("utf-16-le", "utf-16-be"):
        assert utf16_without_bom(text.encode(enc)) == enc
        assert decode_bytes(text.encode(enc))[0] == text
    assert decode_bytes(text.encode("utf-16"))[0] == text
    assert utf16_without_bom(bytes(range(256))) is None
    # mostly UTF-8 with a few broken bytes stays UTF-8 (no cp1252 mojibake of the good letters)
    mixed = ("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve. " * 3).encode() + b"\xff broken"
    got, enc = decode_bytes(mixed)
    assert enc == "utf-8 (with errors)" and "r\u00e9sum\u00e9" in got


def test_display_makes_names_one_printable_line():
    assert display("a.txt") == "a.txt"
    assert display("new\nline") == "new\\nline"
    assert display(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert display("x\ud800") == "x?"


def test_file_vanishing_between_listing_and_reading(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Story {name}.\n")
    items = []
    for item in iter_inputs([str(tmp_path)]):
        items.append(item)
        if len(items) == 1:
            (tmp_path / "b.txt").unlink()  # the folder was listed already
    docs, errors = _split(items)
    assert [d.id for d in docs] == ["a.txt", "c.txt"]
    assert len(errors) == 1 and "vanished" in errors[0].message and errors[0].source.endswith("b.txt")


def test_special_entries_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "proc").symlink_to("/proc/self")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    t = time.monotonic()
    docs, errors = _split(iter_inputs([str(tmp_path)]))
    assert time.monotonic() - t < 10 and not docs
    msgs = {Path(e.source).name: e.message for e in errors}
    assert "FIFO" in msgs["fifo.txt"] and "broken symlink" in msgs["dangling.txt"]
    assert "device" in msgs["zero.txt"] and "kernel file system" in msgs["proc"]
    assert msgs["loop.txt"] == "symlink loop"


def test_newline_gzip_bomb_is_read_fast_and_stops_at_the_file_limit(tmp_path):
    p = tmp_path / "bomb.jsonl.gz"
    p.write_bytes(gzip_members([(b'{"id": "first", "text": "The mayor said 2 things."}\n', 1),
                                (b"\n" * (1 << 20), 64)]))
    t = time.monotonic()
    docs, errors = _split(iter_inputs([str(p)], ReadOptions(max_file_bytes=32 << 20)))
    assert time.monotonic() - t < 20
    assert [d.id for d in docs] == ["first"]
    assert len(errors) == 1 and "after decompression" in errors[0].message


def test_documents_are_bounded_by_the_record_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 50_000)
    (tmp_path / "big.html.gz").write_bytes(gzip.compress(b"<html><body>" + b"<p>x</p>" * 50_000))
    docs, errors = _split(iter_inputs([str(tmp_path)], ReadOptions(max_record_bytes=100_000)))
    assert not docs and len(errors) == 2
    assert all("--max-record-mb" in e.message for e in errors)


def test_jsonl_records_lone_surrogates_and_oversized_metadata(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text('{"id": "a\\ud800", "text": "x \\udfff y", "title": "t\\ud800"}\n'
                 '{"id": "b", "text": "ok", "title": "' + "t" * 20_000 + '"}\n'
                 + "[" * 50_000 + "\n")
    docs, errors = _split(iter_inputs([str(p)]))
    assert [(d.id, d.content, d.title) for d in docs] == [("a\ufffd", "x \ufffd y", "t\ufffd")]
    assert [e.line for e in errors] == [2, 3]
    assert "nested too deeply" in errors[1].message


def test_warc_payload_shorter_than_announced_is_reported(tmp_path):
    a = warc_record("https://example.org/a", "text/html", b"<html><p>A</p></html>")
    b = warc_record("https://example.org/b", "text/html", b"<html><p>B</p></html>")
    p = tmp_path / "x.warc"
    p.write_bytes(a + b.replace(b"Content-Length: ", b"Content-Length: 9", 1))
    docs, errors = _split(iter_inputs([str(p)]))
    assert [d.id for d in docs] == ["https://example.org/a"]
    assert errors[0].line == 2 and "truncated" in errors[0].message


def test_stdin_is_spooled_and_bounded(monkeypatch):
    data = b'{"id": "s1", "text": "One."}\n{"text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, errors = _split(iter_inputs(["-"]))
    assert [d.id for d in docs] == ["s1", "stdin:2"] and all(d.source == "-" for d in docs)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    docs, errors = _split(iter_inputs(["-"], ReadOptions(max_file_bytes=1000)))
    assert not docs and "standard input is larger" in errors[0].message
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert [str(e) for e in iter_inputs(["-"])] == ["-: standard input is empty"]


def test_csv_lines_are_bounded_and_bad_runs_stop(tmp_path):
    p = tmp_path / "wide.csv"
    p.write_bytes(b"id,text\n1,The mayor said 3 things.\n2," + b"," * 3_000_000 + b"\n3,never read\n")
    docs, errors = _split(iter_inputs([str(p)], ReadOptions(max_record_bytes=10_000, max_line_bytes=100_000)))
    assert [d.id for d in docs] == ["1"]
    assert len(errors) == 1 and "CSV line longer than 100,000" in errors[0].message
    q = tmp_path / "notext.csv"
    q.write_text("id,body\n" + "".join(f"{i},\n" for i in range(3000)))
    docs, errors = _split(iter_inputs([str(q)]))
    assert not docs and len(errors) == 1001 and "1,000 bad records in a row" in errors[-1].message


def test_a_fifo_named_on_the_command_line_is_read(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as f:
            f.write(b'{"id": "p1", "text": "The mayor said 5 bridges were shut."}\n')

    th = threading.Thread(target=feed)
    th.start()
    docs, errors = _split(iter_inputs([str(fifo)]))
    th.join()
    assert [d.id for d in docs] == ["p1"] and not errors and docs[0].source == str(fifo)
