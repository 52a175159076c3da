"""Readers: formats chosen by content, streaming records, and one clear error per bad input."""

from __future__ import annotations

import gzip
import json

from claimgraph.model import RawDoc, ReadError
from claimgraph.read import ReadOptions, iter_inputs, iter_sources
from claimgraph.read.sniff import sniff


def _run(*paths, opts=None):
    items = list(iter_inputs([str(p) for p in paths], opts))
    return [i for i in items if isinstance(i, RawDoc)], [i for i in items if isinstance(i, ReadError)]


def test_sniff_by_content_not_only_extension():
    assert sniff("a.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff("noext", b'{"id": 1, "text": "a"}\n{"id": 2}\n') == "jsonl"
    assert sniff("a.dat", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n") == "warc"
    assert sniff("a.txt", b"\x00\x01\x02binary") == "binary"
    assert sniff("a.txt", b"   \n\n") == "empty"
    assert sniff("a.txt", b"Plain words about a harbour.\n") == "text"


def test_directory_ids_are_relative_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second story.\n")
    (tmp_path / "a.txt").write_text("First story.\n")
    (tmp_path / ".hidden.txt").write_text("skip me")
    docs, errors = _run(tmp_path)
    assert [d.id for d in docs] == ["a.txt", "sub/b.txt"]
    assert not errors


def test_html_gz_is_read_as_html(tmp_path):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(b"<html><body><p>Hello</p></body></html>"))
    docs, errors = _run(p)
    assert docs[0].kind == "html" and b"Hello" in docs[0].content and not errors


def test_bad_files_each_get_one_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    good = tmp_path / "good.txt"
    good.write_text("A council spokesperson said 40 trees would be planted.\n")
    trunc = tmp_path / "trunc.txt.gz"
    trunc.write_bytes(gzip.compress(b"Some text that will be cut off. " * 200)[:60])
    docs, errors = _run(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    msgs = {e.source.rsplit("/", 1)[-1]: e.message for e in errors}
    assert "empty" in msgs["empty.txt"]
    assert "binary" in msgs["binary.txt"]
    assert "gzip" in msgs["trunc.txt.gz"] or "truncated" in msgs["trunc.txt.gz"]
    assert all("\n" not in str(e) for e in errors)


def test_invalid_utf8_is_still_read(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes("Caf\u00e9 owners said prices rose. ".encode() + b"\xff\xfe bad \x80 bytes" + b" end.\n")
    docs, errors = _run(p)
    assert len(docs) == 1 and not errors


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path):
    p = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Fine.", "outlet": "Gazette", "authors": ["A. B", "C. D"]}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "num", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "ok2", "html": "<p>Hi</p>"}),
    ]
    p.write_text("\n".join(lines) + "\n")
    docs, errors = _run(p)
    assert [d.id for d in docs] == ["ok1", "ok2"]
    assert docs[0].author == "A. B, C. D" and docs[0].outlet == "Gazette"
    assert docs[1].kind == "html"
    assert sorted(e.line for e in errors) == [2, 3, 4, 5]
    assert str(errors[0]).startswith(f"{p}:2: ")


def test_field_mapping(tmp_path):
    p = tmp_path / "mc.jsonl"
    p.write_text(json.dumps({"stories_id": 7, "body_text": "Words.", "media": "Tribune"}) + "\n")
    docs, _ = _run(p, opts=ReadOptions(fields={"text": "body_text", "outlet": "media"}))
    assert docs[0].id == "7" and docs[0].content == "Words." and docs[0].outlet == "Tribune"


def test_record_size_limit(tmp_path):
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "x" * 5000}) + "\n" + json.dumps({"id": "s", "text": "y"}) + "\n")
    docs, errors = _run(p, opts=ReadOptions(max_record_bytes=1000))
    assert [d.id for d in docs] == ["s"] and errors[0].line == 1


def test_gzip_bomb_stops_at_limit(tmp_path):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * 5_000_000))
    docs, errors = _run(p, opts=ReadOptions(max_file_bytes=1_000_000))
    assert not docs and "limit" in errors[0].message


def test_csv_records(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text('id,title,text\n1,"Hello","Body, with comma"\n2,"Two","Second body"\n')
    docs, errors = _run(p)
    assert [(d.id, d.content) for d in docs] == [("1", "Body, with comma"), ("2", "Second body")]


def _warc_record(url: str, ctype: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Length: " + \
        str(len(body)).encode() + b"\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2031-04-16T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def test_warc_html_responses_only(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    data = _warc_record("https://example.org/a", "text/html; charset=utf-8", b"<html><p>Story A</p></html>") + \
        _warc_record("https://example.org/img.png", "image/png", b"\x89PNG....") + \
        _warc_record("https://example.org/b", "text/html", b"<html><p>Story B</p></html>")
    p.write_bytes(gzip.compress(data))
    docs, errors = _run(p)
    assert [d.id for d in docs] == ["https://example.org/a", "https://example.org/b"]
    assert docs[0].kind == "html" and docs[0].published == "2031-04-16" and not errors


def test_missing_path_and_symlink_loop(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Text.\n")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    docs, errors = _run(tmp_path / "d", tmp_path / "nope.txt")
    assert [d.id for d in docs] == ["a.txt"]
    assert any("no such file" in e.message for e in errors)


def test_api_sources_accept_dicts():
    items = list(iter_sources([{"id": "x", "text": "Hello."}, 42]))
    assert isinstance(items[0], RawDoc) and isinstance(items[1], ReadError)


def test_a_warc_gz_bomb_stops_at_the_decompressed_file_limit(tmp_path):
    """A small .warc.gz whose second record inflates to 64 MB of zeros: the file limit counts
    decompressed bytes for WARC too (fastwarc inflated all of it to skip the record, and went on)."""
    import dataclasses
    import zlib

    p = tmp_path / "bomb.warc.gz"
    zeros = 64 * 1024 * 1024
    head = (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.org/zeros\r\n"
            f"WARC-Record-ID: <urn:uuid:zeros>\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Length: {zeros}\r\n\r\n").encode()
    gz = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [gz.compress(_warc_record("https://example.org/a", "text/html", b"<html><p>Story A</p></html>")),
             gz.compress(head)]
    parts += [gz.compress(bytes(1 << 20)) for _ in range(zeros >> 20)]
    parts += [gz.compress(b"\r\n\r\n" + _warc_record("https://example.org/b", "text/html", b"<p>B</p>")),
              gz.flush()]
    p.write_bytes(b"".join(parts))
    assert p.stat().st_size < 1_000_000
    opts = dataclasses.replace(ReadOptions(), max_file_bytes=8_000_000)
    items = list(iter_inputs([str(p)], opts))
    docs = [x for x in items if isinstance(x, RawDoc)]
    errors = [x for x in items if isinstance(x, ReadError)]
    assert [d.id for d in docs] == ["https://example.org/a"]
    assert len(errors) == 1 and "larger than the limit of 8,000,000 bytes after decompression" in errors[0].message
    assert errors[0].line == 2 and "\n" not in errors[0].message
