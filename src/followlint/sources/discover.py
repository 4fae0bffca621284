"""Expand the command line's paths into source units, each claimed by one reader."""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator

from ..model import InputError
from .base import Reader, SourceUnit
from .mail import looks_like_message

SNIFF_BYTES = 4096


class Discovery:
    def __init__(self, readers: list[Reader], exclude: list[str]):
        self.readers = readers
        self.exclude = exclude
        self.by_suffix = {}
        for reader in readers:
            for suffix in reader.suffixes:
                self.by_suffix.setdefault(suffix, reader)
        self.folder_reader = next((r for r in readers if r.folder), None)

    def units(self, paths: list[str], on_error) -> Iterator[SourceUnit]:
        for path in paths:
            if os.path.isdir(path):
                yield from self._walk(path, on_error)
            elif os.path.exists(path):
                try:
                    yield self._file_unit(path, explicit=True)
                except InputError as exc:
                    on_error(exc)
            else:
                on_error(InputError(path, "no such file or directory"))

    def stdin_unit(self, name: str, data: bytes) -> SourceUnit:
        reader = self._reader_for(name, data[:SNIFF_BYTES], explicit=True)
        return SourceUnit(path=name, reader=reader, data=data)

    def excluded(self, path: str) -> bool:
        norm = path.replace(os.sep, "/")
        base = os.path.basename(norm)
        return any(fnmatch.fnmatch(norm, pat) or fnmatch.fnmatch(base, pat) or fnmatch.fnmatch(norm, f"*/{pat}") for pat in self.exclude)

    def _walk(self, root: str, on_error) -> Iterator[SourceUnit]:
        if self.folder_reader and self.folder_reader.claims_dir(root):
            yield SourceUnit(path=root, reader=self.folder_reader, files=self.folder_reader.maildir_files(root))
            return
        try:
            entries = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError as exc:
            on_error(InputError(root, f"cannot list directory: {exc.strerror or exc}"))
            return
        loose_mail = []
        for entry in entries:
            path = entry.path
            if entry.name.startswith(".") or self.excluded(path):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from self._walk(path, on_error)
                continue
            if not entry.is_file():
                continue
            suffix = os.path.splitext(entry.name)[1].lower()
            if suffix in self.by_suffix:
                yield SourceUnit(path=path, reader=self.by_suffix[suffix])
            elif suffix in ("", ".") or entry.name.rstrip(".").isdigit():
                if looks_like_message(_head(path)):
                    loose_mail.append(path)
        if loose_mail and self.folder_reader:
            # One-message files side by side (a maildir-like folder): one mailbox, so
            # replies thread with what they answer.
            yield SourceUnit(path=root, reader=self.folder_reader, files=loose_mail)

    def _file_unit(self, path: str, explicit: bool) -> SourceUnit:
        return SourceUnit(path=path, reader=self._reader_for(path, _head(path), explicit))

    def _reader_for(self, path: str, head: bytes, explicit: bool) -> Reader:
        suffix = os.path.splitext(path)[1].lower()
        if suffix in self.by_suffix:
            return self.by_suffix[suffix]
        for reader in self.readers:
            if reader.sniff(path, head):
                return reader
        if looks_like_message(head) and ".eml" in self.by_suffix:
            return self.by_suffix[".eml"]
        if explicit and ".txt" in self.by_suffix and suffix not in KNOWN_DATA:
            return self.by_suffix[".txt"]
        known = ", ".join(sorted(self.by_suffix))
        raise InputError(path, f"no reader for {suffix or 'this'} files (readers know: {known})")


KNOWN_DATA = {".csv", ".json", ".xlsx", ".xls", ".tsv", ".pdf", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".docx"}


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""
