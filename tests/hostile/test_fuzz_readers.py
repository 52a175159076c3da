"""Properties over random bytes: readers, the sniffer and the decoder never raise.

Whatever a file holds, reading it gives RawDoc or ReadError items (one-line messages), and
``decode_bytes`` gives text. Files are written into one scratch folder per example.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.clean.decode import decode_bytes, utf16_without_bom
from claimgraph.model import RawDoc, ReadError
from claimgraph.read import ReadOptions, iter_inputs
from claimgraph.read.records import iter_lines, json_array
from claimgraph.read.sniff import sniff

NAMES = ["a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.warc", "a.txt.gz", "a.jsonl.gz",
         "a.warc.gz", "noext"]
OPTS = ReadOptions(max_file_bytes=200_000, max_record_bytes=20_000)

# Bytes that look a little like the formats, so the fuzzer gets past the sniffer often.
_SEEDS = [b"", b"\n", b"{", b"}", b'{"id": "x", "text": "y"}\n', b'"text"', b"[", b"]", b",", b"\x00",
          b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"WARC/1.0\r\n", b"Content-Length: 5\r\n", b"\r\n\r\n",
          b"<html>", b"<p>", b"</div>", b"id,text\n", b'"', b"\\ud800", b"\x1f\x8b", b"\xe9", b"\x93"]
_content = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(st.sampled_from(_SEEDS), st.binary(max_size=20)), max_size=40).map(b"".join),
)


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (RawDoc, ReadError)), item
        if isinstance(item, ReadError):
            assert "\n" not in str(item)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=_content, compress=st.booleans())
def test_readers_never_raise(name, data, compress):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / name
        p.write_bytes(gzip.compress(data) if compress or name.endswith(".gz") else data)
        _check(list(iter_inputs([str(p)], OPTS)))
        _check(list(iter_inputs([tmp], OPTS)))


@settings(max_examples=200, deadline=None)
@given(data=_content, cut=st.integers(min_value=0, max_value=4000))
def test_truncated_gzip_never_raises(data, cut):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "t.jsonl.gz"
        p.write_bytes(gzip.compress(data)[:cut])
        _check(list(iter_inputs([str(p)], OPTS)))


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_bytes_never_raises(data):
    text, enc = decode_bytes(data)
    assert isinstance(text, str) and enc


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                               "utf-8-sig"]))
def test_decode_bytes_round_trips_unicode_encodings(text, enc):
    text = "The harbour master said. " + text  # some ASCII, as in any English article
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:  # lone surrogates
        return
    if enc in ("utf-16-le", "utf-16-be") and utf16_without_bom(data[:4096]) != enc:
        return  # not ASCII-heavy enough to recognise without a BOM
    assert decode_bytes(data)[0] == text


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.binary(max_size=9000))
def test_sniff_never_raises(name, head):
    assert sniff(name, head) in {"warc", "jsonl", "json", "csv", "html", "text", "binary", "empty"}


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.one_of(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")),
                                st.sampled_from([b"", b"  ", b"\t", b"\r"])), max_size=40),
       chunk=st.integers(min_value=1, max_value=64), limit=st.integers(min_value=1, max_value=50),
       final_newline=st.booleans())
def test_iter_lines_matches_splitting(lines, chunk, limit, final_newline):
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    expected = []
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue  # blank lines are skipped whatever their length
        expected.append((n, None if len(line) > limit else line))
    assert list(iter_lines(io.BytesIO(data), limit, chunk)) == expected


def test_records_with_any_json_value_never_raise():
    values = [None, 0, -1.5, True, "", "x", [], {}, ["a", None, 3], {"k": "v"}, "\ud800", "a" * 30_000]
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "r.jsonl"
        with open(p, "w") as f:
            for field in ("id", "text", "html", "title", "outlet", "authors", "published", "url"):
                for v in values:
                    f.write(json.dumps({"text": "Body.", field: v}) + "\n")
        items = list(iter_inputs([str(p)], OPTS))
    _check(items)
    for item in items:
        if isinstance(item, RawDoc):
            for v in (item.id, item.content, item.title, item.outlet, item.author, item.url, item.published):
                assert v is None or isinstance(v, str) and (v.encode("utf-8") or True)


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids, max_size=4),
                     max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(_json, max_size=8), chunk=st.integers(min_value=1, max_value=40),
       indent=st.sampled_from([None, 1]), cut=st.one_of(st.none(), st.integers(min_value=0, max_value=400)))
def test_streamed_json_array_matches_json_loads(values, chunk, indent, cut):
    data = json.dumps(values, indent=indent).encode()
    if cut is None:
        got = list(json_array(io.BytesIO(data), 10_000, chunk))
        assert [v for _, v, why in got] == values and all(why is None for _, _, why in got)
    else:  # a truncated file: every element read is right, and at most one error ends it
        got = list(json_array(io.BytesIO(data[:cut]), 10_000, chunk))
        good = [v for _, v, why in got if why is None]
        assert all(why is None for _, _, why in got[:-1])
        assert good == values[: len(good)] or good[:-1] == values[: len(good) - 1]
