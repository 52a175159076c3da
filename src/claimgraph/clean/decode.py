"""Bytes to text: BOMs, UTF-16 without BOM, UTF-8, then Western (cp1252) or detected charsets.

``decode_bytes`` never raises: whatever cannot be decoded becomes U+FFFD.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters a cp1252 decoding of Western-European or English text produces above ASCII:
# Latin-1 letters, typographic quotes and dashes, currency, common signs. Anything else
# (box drawing, Baltic or Cyrillic letters...) means the text is probably in another charset.
_WESTERN = re.compile("[^\x00-\x7f\u00a0-\u00ff\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                      "\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014]")
_ASCII_LETTERS = re.compile("[A-Za-z]")
_C1_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}  # bytes cp1252 leaves undefined


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``sample`` looks like BOM-less UTF-16 text.

    Text in Latin script stored as UTF-16 has a NUL as every other byte (the high byte of
    each ASCII character), on one side only; binary data has NULs scattered on both.
    """
    n = len(sample) // 2 * 2
    if n < 8:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    half = n // 2
    zero_even, zero_odd = even.count(0) / half, odd.count(0) / half
    if zero_odd > 0.6 and zero_even < 0.05:
        enc = "utf-16-le"
    elif zero_even > 0.6 and zero_odd < 0.05:
        enc = "utf-16-be"
    else:
        return None
    text = sample[:n].decode(enc, errors="replace")
    ctrl = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    return enc if ctrl <= len(text) * 0.02 else None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated download, a bad copy-paste), decoded with U+FFFD.

    Only when the text really contains UTF-8 sequences: a single-byte-charset text whose
    accented letters are all invalid as UTF-8 goes on to the charset step instead.
    """
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    valid = len(replaced) - len(replaced.encode("ascii", "ignore")) - bad  # non-ASCII characters decoded
    if valid and bad <= max(2, valid):
        return replaced
    return None


def _western(data: bytes) -> str | None:
    """The cp1252 decoding when it reads as Western text (most mis-declared news pages).

    Western text is mostly ASCII letters with a few accented ones; a Cyrillic or Greek
    single-byte text read as cp1252 is all accented letters, and goes to charset detection.
    """
    if any(b in _C1_UNDEFINED for b in set(data)):
        return None
    text = data.decode("cp1252", errors="replace")
    if _WESTERN.search(text) is not None:
        return None
    sample = text[: 1 << 20]
    accented = len(sample) - len(sample.encode("ascii", "ignore"))
    return text if accented <= 0.5 * len(_ASCII_LETTERS.findall(sample)) else None


def decode_bytes(data: bytes | str) -> tuple[str, str]:
    """Return ``(text, encoding)``. Never raises: undecodable bytes become U+FFFD."""
    if isinstance(data, str):
        return data, "str"
    enc = bom_encoding(data)
    if enc:
        return data.decode(enc, errors="replace"), enc
    enc = utf16_without_bom(data[:4096])
    if enc:
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8 (with errors)"
    text = _western(data)
    if text is not None:
        return text, "cp1252"
    try:
        best = from_bytes(data[: 1 << 20]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), best.encoding
    except (LookupError, ValueError, RuntimeError):
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"
