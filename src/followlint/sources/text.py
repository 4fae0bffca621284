"""Bytes to text for drafts and message parts: declared charset first, then guesses."""
from __future__ import annotations

import codecs

from ..model import InputError

BINARY_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:BINARY_SAMPLE]


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode with the declared charset when it exists, else UTF-8, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if declared:
        try:
            return data.decode(declared.strip().strip('"').lower(), errors="replace")
        except (LookupError, TypeError):
            pass  # an unknown charset name: guess below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def decode_text_file(path: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(path, "empty file")
    if looks_binary(data) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "binary file, not text")
    return decode(data).replace("\r\n", "\n").replace("\r", "\n")
