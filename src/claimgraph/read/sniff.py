"""Choose a reader by content as well as by file name."""

from __future__ import annotations

import re
from typing import Literal

from ..clean.decode import bom_encoding, utf16_without_bom
from .feeds import looks_like_feed

Format = Literal["warc", "jsonl", "json", "csv", "html", "feed", "text", "binary", "empty"]

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.I | re.S)
_TAG = re.compile(rb"</?(p|div|span|a|br|li|td|script|style|meta|link|body|head)\b", re.I)
GZIP_MAGIC = b"\x1f\x8b"


def strip_compression_suffix(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def sniff(name: str, head: bytes) -> Format:
    """Guess the format from the first bytes (decompressed) and the file name."""
    lower = strip_compression_suffix(name.lower())
    if not head.strip():
        return "empty"
    if head.startswith(b"WARC/"):
        return "warc"
    wide = _wide_encoding(head)
    if wide:  # UTF-16/32 (with or without BOM): its NULs are not binary; documents only
        sample = head[: len(head) // 4 * 4].decode(wide, errors="replace").encode("utf-8", "replace")
        if lower.endswith((".html", ".htm", ".xhtml")) or _HTML_START.match(sample) \
                or len(_TAG.findall(sample[:4096])) >= 5:
            return "html"
        return "text"
    if _looks_binary(head):
        return "binary"
    if lower.endswith(".csv") or lower.endswith(".tsv"):
        return "csv"
    stripped = head.lstrip()
    if lower.endswith(".jsonl") or lower.endswith(".ndjson"):
        return "jsonl"
    if lower.endswith(".json"):
        return "json" if stripped.startswith(b"[") else "jsonl"
    if stripped.startswith(b"{") and b"\n" in stripped and stripped.split(b"\n", 1)[0].rstrip().endswith(b"}"):
        return "jsonl"
    if lower.endswith((".html", ".htm", ".xhtml")) or _HTML_START.match(head):
        return "html"
    if looks_like_feed(head):  # RSS, Atom, sitemap: before the tag count (<link> is a tag of both)
        return "feed"
    if len(_TAG.findall(head[:4096])) >= 5:
        return "html"
    return "text"


def _wide_encoding(head: bytes) -> str | None:
    """The wide Unicode encoding of ``head`` (by BOM, or by UTF-16's NUL pattern), if any."""
    enc = bom_encoding(head)
    if enc in ("utf-16", "utf-32"):
        return enc
    return utf16_without_bom(head)


def _looks_binary(head: bytes) -> bool:
    """NUL bytes or many control bytes mean a binary file (UTF-16 was handled before)."""
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > len(sample) * 0.05
