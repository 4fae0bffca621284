"""Mail files: one .eml message, an mbox file, a maildir or a folder of message files."""
from __future__ import annotations

import email.errors
import os
import re
from collections.abc import Iterator

from ..model import InputError, Touch
from .base import Reader, SourceUnit
from .messages import message_touches
from .text import looks_binary

MAIL_HEADERS = (b"from:", b"received:", b"message-id:", b"date:", b"return-path:", b"to:", b"subject:", b"mime-version:", b"delivered-to:", b"x-")
# An mbox separator: "From " + sender + a date (asctime: "Tue Nov  3 09:12:00 2026"), so a body
# line that happens to start with "From " after a blank line does not split a message.
FROM_LINE_RE = re.compile(
    rb"From \S{1,500}[ \t].{0,200}?(?:\d{1,2}:\d{2}|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\d{4}-\d{2}-\d{2})", re.I)
MBOXRD_RE = re.compile(rb">+From ")
# Errors a message may raise deep in the email package or our decoding: one bad message is one
# error line, the rest of the mailbox is still read.
MESSAGE_ERRORS = (ValueError, LookupError, UnicodeError, TypeError, IndexError, AttributeError,
                  AssertionError, RecursionError, email.errors.MessageError)


def looks_like_message(head: bytes) -> bool:
    if looks_binary(head):
        return False
    first = head.lstrip()[:2000].lower()
    if not first.startswith(MAIL_HEADERS):
        return False
    lines = first.split(b"\n", 8)[:8]
    return sum(1 for line in lines if line.startswith(MAIL_HEADERS) or line[:1] in (b" ", b"\t")) >= 2


def is_from_line(line: bytes) -> bool:
    return line.startswith(b"From ") and FROM_LINE_RE.match(line[:1000]) is not None


class EmlReader(Reader):
    name = "eml"
    suffixes = (".eml", ".msg822")

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        data = unit.read_bytes()
        _check_mail(unit.path, data)
        try:
            touches = list(message_touches(data, unit.path, "", 1, 1000))
        except MESSAGE_ERRORS as exc:
            raise InputError(unit.path, f"cannot parse the message: {type(exc).__name__}: {exc}") from None
        yield from touches


class MboxReader(Reader):
    name = "mbox"
    suffixes = (".mbox", ".mbx")
    mailbox = True

    def sniff(self, path: str, head: bytes) -> bool:
        return not looks_binary(head) and is_from_line(head.split(b"\n", 1)[0].rstrip(b"\r"))

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        seen: set[str] = set()
        for index, (line, raw) in enumerate(self.messages(unit)):
            key = f"{unit.path}:{line}"
            try:
                touches = list(message_touches(raw, unit.path, key, line + 1, (index + 1) * 1000))
            except InputError as exc:
                ctx.report(InputError(exc.path, f"message at line {line}: {exc.message}"))
                continue
            except MESSAGE_ERRORS as exc:
                ctx.report(InputError(unit.path, f"message at line {line}: cannot parse it: {type(exc).__name__}: {exc}"))
                continue
            if _duplicate(touches, seen):
                continue
            yield from touches

    def messages(self, unit: SourceUnit) -> Iterator[tuple[int, bytes]]:
        """(line of the 'From ' separator, raw message) for each message, read as a stream."""
        handle = _open(unit)
        with handle:
            start_line, lines, previous_blank, seen_any = 0, [], True, False
            number = 0
            for number, line in enumerate(handle, start=1):
                if line.startswith(b"From ") and (not seen_any or (previous_blank and is_from_line(line))):
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
                    if line.startswith(b">") and MBOXRD_RE.match(line):
                        line = line[1:]  # ">From " (and mboxrd's ">>From ") unescaped
                    lines.append(line)
                previous_blank = not line.strip()
            if lines:
                yield start_line, b"".join(lines)
            if not seen_any:
                raise InputError(unit.path, "empty file" if number == 0 else "empty file (only blank lines)")


class MaildirReader(Reader):
    """A Maildir (cur/ new/) or a folder of one-message files, read as one mailbox."""

    name = "maildir"
    mailbox = True
    folder = True

    def claims_dir(self, path: str) -> bool:
        return os.path.isdir(os.path.join(path, "cur")) and os.path.isdir(os.path.join(path, "new"))

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        seen: set[str] = set()
        for index, path in enumerate(unit.files):
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                _check_mail(path, data)
                touches = list(message_touches(data, path, os.path.relpath(path, unit.path), 1, (index + 1) * 1000))
            except InputError as exc:
                ctx.report(exc)
                continue
            except IsADirectoryError:
                ctx.report(InputError(path, "is a directory, not a message file"))
                continue
            except OSError as exc:
                ctx.report(InputError(path, f"cannot read: {exc.strerror or exc}"))
                continue
            except MESSAGE_ERRORS as exc:
                ctx.report(InputError(path, f"cannot parse the message: {type(exc).__name__}: {exc}"))
                continue
            if _duplicate(touches, seen):
                continue
            yield from touches

    @staticmethod
    def maildir_files(path: str) -> list[str]:
        files = []
        for sub in ("cur", "new"):
            folder = os.path.join(path, sub)
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            files.extend(os.path.join(folder, name) for name in names if not name.startswith("."))
        return files


def _duplicate(touches: list[Touch], seen: set[str]) -> bool:
    """The same message twice in one mailbox (a copy in two folders): keep the first."""
    if not touches or not touches[0].message_id:
        return False
    message_id = touches[0].message_id
    if message_id in seen:
        return True
    seen.add(message_id)
    return False


def _check_mail(path: str, data: bytes) -> None:
    if not data.strip():
        raise InputError(path, "empty file" if not data else "empty file (only blank lines)")
    if looks_binary(data):
        raise InputError(path, "binary file, not a mail message (it contains NUL bytes)")
    if not looks_like_message(data[:4096]):
        raise InputError(path, "not a mail message: no RFC 822 headers at the top")


def _open(unit: SourceUnit):
    if unit.data is not None:
        import io

        return io.BytesIO(unit.data)
    try:
        return open(unit.path, "rb")
    except IsADirectoryError:
        raise InputError(unit.path, "is a directory, not an mbox file") from None
    except OSError as exc:
        raise InputError(unit.path, f"cannot read: {exc.strerror or exc}") from None
