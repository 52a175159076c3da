"""Bytes to text: BOMs, UTF-8, then charset detection, then cp1252 as the last resort."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes | str) -> tuple[str, str]:
    """Return ``(text, encoding)``. Never raises: undecodable bytes become U+FFFD."""
    if isinstance(data, str):
        return data, "str"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few broken bytes (a truncated download, a bad copy-paste): keep UTF-8
    # rather than turning every accented letter into cp1252 mojibake.
    replaced = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for b in data if b >= 0xC2 and b <= 0xF4)
    bad = replaced.count("\ufffd")
    if multibyte and bad <= max(2, multibyte // 20):
        return replaced, "utf-8 (with errors)"
    best = from_bytes(data[: 1 << 20]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace"), best.encoding
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"
