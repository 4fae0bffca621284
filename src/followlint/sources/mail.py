"""Mail files: one .eml message, an mbox file, a maildir or a folder of message files."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..model import InputError, Touch
from .base import Reader, SourceUnit
from .messages import message_touches
from .text import looks_binary

MAIL_HEADERS = (b"from:", b"received:", b"message-id:", b"date:", b"return-path:", b"to:", b"subject:", b"mime-version:", b"delivered-to:", b"x-")


def looks_like_message(head: bytes) -> bool:
    if looks_binary(head):
        return False
    first = head.lstrip()[:2000].lower()
    if not first.startswith(MAIL_HEADERS):
        return False
    lines = first.split(b"\n", 8)[:8]
    return sum(1 for line in lines if line.startswith(MAIL_HEADERS) or line[:1] in (b" ", b"\t")) >= 2


class EmlReader(Reader):
    name = "eml"
    suffixes = (".eml", ".msg822")

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        data = unit.read_bytes()
        _check_mail(unit.path, data)
        yield from message_touches(data, unit.path, "", 1, 1000)


class MboxReader(Reader):
    name = "mbox"
    suffixes = (".mbox", ".mbx")
    mailbox = True

    def sniff(self, path: str, head: bytes) -> bool:
        return head.startswith(b"From ") and not looks_binary(head)

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        for index, (line, raw) in enumerate(self.messages(unit)):
            key = f"{unit.path}:{line}"
            try:
                yield from message_touches(raw, unit.path, key, line + 1, (index + 1) * 1000)
            except InputError as exc:
                ctx.report(exc)

    def messages(self, unit: SourceUnit) -> Iterator[tuple[int, bytes]]:
        """(line of the 'From ' separator, raw message) for each message, read as a stream."""
        handle = _open(unit)
        with handle:
            start_line, lines, previous_blank, seen_any = 0, [], True, False
            for number, line in enumerate(handle, start=1):
                if line.startswith(b"From ") and previous_blank:
                    if lines:
                        yield start_line, b"".join(lines)
                    start_line, lines, seen_any = number, [], True
                elif not seen_any:
                    if line.strip():
                        if looks_binary(line):
                            raise InputError(unit.path, "binary file, not an mbox")
                        raise InputError(unit.path, "not an mbox: it does not start with a 'From ' separator line")
                    continue
                else:
                    lines.append(line[1:] if line.startswith(b">From ") else line)
                previous_blank = not line.strip()
            if lines:
                yield start_line, b"".join(lines)
            if not seen_any:
                raise InputError(unit.path, "empty file")


class MaildirReader(Reader):
    """A Maildir (cur/ new/) or a folder of one-message files, read as one mailbox."""

    name = "maildir"
    mailbox = True
    folder = True

    def claims_dir(self, path: str) -> bool:
        return os.path.isdir(os.path.join(path, "cur")) and os.path.isdir(os.path.join(path, "new"))

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        for index, path in enumerate(unit.files):
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                _check_mail(path, data)
                yield from message_touches(data, path, os.path.relpath(path, unit.path), 1, (index + 1) * 1000)
            except InputError as exc:
                ctx.report(exc)
            except OSError as exc:
                ctx.report(InputError(path, f"cannot read: {exc.strerror or exc}"))

    @staticmethod
    def maildir_files(path: str) -> list[str]:
        files = []
        for sub in ("cur", "new"):
            folder = os.path.join(path, sub)
            files.extend(os.path.join(folder, name) for name in sorted(os.listdir(folder)) if not name.startswith("."))
        return files


def _check_mail(path: str, data: bytes) -> None:
    if not data.strip():
        raise InputError(path, "empty file")
    if looks_binary(data):
        raise InputError(path, "binary file, not a mail message")
    if not looks_like_message(data[:4096]):
        raise InputError(path, "not a mail message: no RFC 822 headers at the top")


def _open(unit: SourceUnit):
    if unit.data is not None:
        import io

        return io.BytesIO(unit.data)
    try:
        return open(unit.path, "rb")
    except OSError as exc:
        raise InputError(unit.path, f"cannot read: {exc.strerror or exc}") from None
