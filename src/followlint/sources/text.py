"""Bytes to text for drafts and message parts: declared charset first, then guesses.

Decoding never fails: a wrong or unknown declared charset falls back to UTF-8, and bytes that
are not UTF-8 are read as Windows-1252 one by one (so one stray byte does not turn a whole
UTF-8 text into mojibake).
"""
from __future__ import annotations

import codecs

from ..model import InputError

BINARY_SAMPLE = 8192
_FALLBACK = "followlint-cp1252"
# Declarations that are often wrong and that UTF-8 (with the per-byte fallback) reads better.
_UTF8_LIKE = {"utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "646", "unicode-1-1-utf-8", "x-unknown", "unknown-8bit", "default"}


def _cp1252_bytes(error: UnicodeDecodeError):
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_FALLBACK, _cp1252_bytes)


def looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # UTF-16 text in any script (``decode`` honours the BOM)
    return b"\x00" in sample and _utf16_order(sample) is None


def _utf16_order(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for UTF-16 text without a BOM (every other byte NUL), else None."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = min(len(even), len(odd))
    if odd[:n].count(0) > 0.9 * n and even[:n].count(0) < 0.1 * n and _texty(even[:n]):
        return "utf-16-le"
    if even[:n].count(0) > 0.9 * n and odd[:n].count(0) < 0.1 * n and _texty(odd[:n]):
        return "utf-16-be"
    return None


_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def _texty(half: bytes) -> bool:
    """Mostly printable ASCII (the low bytes of UTF-16 text in a Latin script)."""
    return len(half.translate(None, _PRINTABLE)) < 0.1 * len(half)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in ("idna", "punycode", "raw-unicode-escape", "unicode-escape"):
        return None
    return info.name


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode with the declared charset when it exists, else UTF-8 with per-byte Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors=_FALLBACK)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:BINARY_SAMPLE]:
        order = _utf16_order(data[:BINARY_SAMPLE])
        if order:
            return data.decode(order, errors="replace")
    codec = _codec(declared)
    if codec and codec != "utf-8" and (declared or "").strip().strip("\"'").lower() not in _UTF8_LIKE:
        try:
            return data.decode(codec, errors="replace")
        except (UnicodeError, LookupError, ValueError, TypeError):
            pass  # a codec that cannot even replace: guess below
    return data.decode("utf-8", errors=_FALLBACK)


def decode_text_file(path: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(path, "empty file" if not data else "empty file (only blank lines)")
    if looks_binary(data):
        raise InputError(path, "binary file, not text (it contains NUL bytes)")
    text = decode(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "empty file (only blank lines)")
    return text
