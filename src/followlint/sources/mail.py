"""Mail files: one .eml message, an mbox file, a maildir or a folder of message files."""
from __future__ import annotations

import email.errors
import os
import re
from collections.abc import Callable, Iterator
from email.message import Message
from functools import partial
from hashlib import blake2b
from typing import NamedTuple

from ..config import Settings
from ..lexicon.words import current as current_words
from ..model import InputError, Touch
from ..people import OwnerCount, bulk_reason
from ..threads import ThreadKeys, thread_groups, thread_keys
from .base import Batch, Reader, SourceUnit
from .messages import addresses, header, message_head, message_touches, parse_head
from .text import looks_binary

MAIL_HEADERS = (b"from:", b"received:", b"message-id:", b"date:", b"return-path:", b"to:", b"subject:", b"mime-version:", b"delivered-to:", b"x-")
# An mbox separator: "From " + sender + a date (asctime: "Tue Nov  3 09:12:00 2026"), so a body
# line that happens to start with "From " after a blank line does not split a message.
FROM_LINE_RE = re.compile(
    rb"From \S{1,500}[ \t].{0,200}?(?:\d{1,2}:\d{2}|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\d{4}-\d{2}-\d{2})", re.I)
MBOXRD_LINE_RE = re.compile(rb"^>(>*From )", re.M)  # mboxrd escaping: ">From " is "From "
# A line that starts "From ": matches as rb"^From " with re.M would, but opens with its first
# character and looks back for the line start, so the regular expression engine skips at C
# speed to each "F" (a pattern that opens with "^" is tried at every byte).
FROM_START_RE = re.compile(rb"F(?<![^\n]F)rom ")
FIRST_TEXT_RE = re.compile(rb"\S")
BLANK_LINE_RE = re.compile(rb"\n\r?\n")
BLOCK = 1 << 20
HEAD_BLOCK = 1 << 16
MAX_FILE = 1 << 40
BATCH_MESSAGES = 200  # messages per batch: enough to keep a worker busy, few enough to share out
HEAD_CHUNK = 500  # messages whose headers one task of the header pass reads
# Errors a message may raise deep in the email package or our decoding: one bad message is one
# error line, the rest of the mailbox is still read.
MESSAGE_ERRORS = (ValueError, LookupError, UnicodeError, TypeError, IndexError, AttributeError,
                  AssertionError, RecursionError, email.errors.MessageError)


def sent_folders() -> frozenset[str]:
    """Names (compared by ``folder_name``) of the mail clients' Sent folders, whose sender is the
    mailbox's owner: a lexicon word list, in every client language a mailbox may hold."""
    return current_words()["mail_folder/sent"]


def mailbox_folders() -> frozenset[str]:
    """Names of the standard mail folders: a directory holding one of them is a mailbox, its
    folders read together."""
    words = current_words()
    return words["mail_folder/sent"] | words["mail_folder/other"]


def folder_name(name: str) -> str:
    """A mail folder's name as it is compared: lower case, Maildir++'s ".INBOX.Sent" as "sent",
    Lotus Notes exports' "_sent_mail" as "sent mail"."""
    name = name.strip().lower()
    if name.startswith("."):
        name = name.rsplit(".", 1)[-1]
    return " ".join(name.replace("_", " ").replace("-", " ").split())


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


class _Mailbox(Reader):
    """A mailbox is read twice: once for its headers, which are enough to thread it and to
    find its owner (``batches``), then batch by batch for the bodies (``batch_groups``). Only
    the thread keys of the whole mailbox are ever held, so it streams, and ``--jobs`` can
    share the batches out."""

    mailbox = True

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        for batch in self.batches(unit, ctx):
            for touches in self.batch_groups(unit, ctx, batch):
                yield from touches

    def batches(self, unit: SourceUnit, ctx) -> list[Batch]:
        """The mailbox's batches, from its headers. Reading them is shared out in chunks over
        ``ctx.map`` (the runner's workers with --jobs; the builtin ``map`` otherwise); what
        depends on the order of the messages (copies, the owner, threads) is settled here."""
        share = getattr(ctx, "map", map)  # a reader driven by hand may be given any context
        max_recipients = getattr(ctx.settings, "bulk_recipients", Settings.bulk_recipients)
        # Chunks are handed out as the mailbox is scanned: the first workers start on the first
        # 500 messages while the rest of the file is being scanned.
        chunks = _chunked(self.places(unit), HEAD_CHUNK)
        # Sent with each chunk, so without its list of files: a chunk carries its own places.
        light = SourceUnit(path=unit.path, reader=unit.reader, data=unit.data)
        places, keys, seen = [], [], set()
        owners = OwnerCount()
        for records in share(partial(self.head_records, light, max_recipients), chunks):
            for place, head in records:
                if head is None:
                    places.append(place)
                    keys.append(ThreadKeys(len(keys), (), None))  # an int: never a Message-ID
                    continue
                # The same message twice (a copy in another folder): by its Message-ID, or by what
                # it says (an export may give each copy an id of its own).
                again = bool(head.message_id and head.message_id in seen) or bool(head.copy and head.copy in seen)
                if head.sender is not None:  # a newsletter's sender is not the owner
                    owners.saw(head.sender, head.in_sent, again, head.delivered)
                if again:
                    continue
                seen.update(key for key in (head.message_id, head.copy) if key)
                places.append(place)
                keys.append(head.keys._replace(key=head.message_id or len(keys)))

        owner = owners.owner()
        threads = thread_groups(keys)
        keys.clear()  # a big mailbox: only where each message is, and its thread, are kept
        batches, groups, size = [], [], 0
        for members in threads:
            groups.append(tuple(places[i] for i in members))
            size += len(members)
            if size >= BATCH_MESSAGES:
                batches.append(Batch(tuple(groups), owner))
                groups, size = [], 0
        if groups:
            batches.append(Batch(tuple(groups), owner))
        return batches

    def head_records(self, unit: SourceUnit, max_recipients: int, places: list[tuple]) -> list[tuple[tuple, "MessageHead | None"]]:
        """(place, what threading needs of the message there) for each of ``places``; None for a
        message whose headers cannot be read (it is read again with its body, and reported then)."""
        records = []
        for place, head, raw in self.heads(unit, places):
            try:
                msg = parse_head(head)
                touch = message_head(msg, unit.path, "", 1, 0)
            except MESSAGE_ERRORS:
                records.append((place, None))
                continue
            sender = None
            in_sent, delivered = False, ()
            if not bulk_reason(touch, max_recipients):
                sender = Sender(touch.party, touch.party_name, touch.recipients)
                in_sent = self.in_sent_folder(unit, place, msg)
                delivered = tuple(a for _, a in addresses(msg, "Delivered-To", "X-Original-To"))
            records.append((place, MessageHead(touch.message_id, _copy_key(touch, raw), thread_keys(touch, mailbox=True),
                                               sender, in_sent, delivered)))
        return records

    def places(self, unit: SourceUnit) -> Iterator[tuple]:
        """Where each message is (the reader's own note, kept in the batches), in mailbox order."""
        raise NotImplementedError

    def heads(self, unit: SourceUnit, places: list[tuple]) -> Iterator[tuple[tuple, bytes, Callable[[], bytes]]]:
        """(where the message is, its header block, how to read the whole message) for each of
        ``places``. The whole message is read (``_copy_key``) before the next one is asked for."""
        raise NotImplementedError

    def in_sent_folder(self, unit: SourceUnit, place: tuple, msg: Message) -> bool:
        """Whether the message at ``place`` (whose headers are ``msg``) is in a Sent folder. A
        mailbox exported to one file may say where each message was filed: Gmail's
        X-Gmail-Labels, or an X-Folder path."""
        labels = header(msg, "X-Gmail-Labels")
        if labels and any(folder_name(label) in sent_folders() for label in labels.split(",")):
            return True
        folder = header(msg, "X-Folder").replace("\\", "/").rstrip("/")
        return bool(folder) and folder_name(folder.rsplit("/", 1)[-1]) in sent_folders()


class Sender(NamedTuple):
    """Who sent a message and to whom: what ``OwnerCount`` counts."""

    party: str
    party_name: str
    recipients: tuple[str, ...]


class MessageHead(NamedTuple):
    """What the header pass keeps of a message: enough to find copies, the owner and threads."""

    message_id: str
    copy: bytes  # ``_copy_key``
    keys: ThreadKeys
    sender: Sender | None  # None: bulk or automated mail, which says nothing of the owner
    in_sent: bool
    delivered: tuple[str, ...]  # Delivered-To, X-Original-To


def _chunked(items: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _copy_key(touch: Touch, raw: Callable[[], bytes]) -> bytes:
    """What makes two messages copies of one: the same sender, recipients, date, subject and
    body (a digest of them); empty when its headers name no sender, date or subject."""
    if not (touch.party or touch.time or touch.subject):
        return b""
    data = raw()
    end = BLANK_LINE_RE.search(data)
    body = data[end.end():] if end else b""
    key = blake2b(digest_size=16)
    for part in (touch.party, *touch.recipients, touch.time.isoformat() if touch.time else "", touch.subject):
        key.update(part.encode("utf-8", "surrogatepass") + b"\0")
    key.update(body.replace(b"\r\n", b"\n").strip())
    return key.digest()


class MboxReader(_Mailbox):
    name = "mbox"
    suffixes = (".mbox", ".mbx")

    def sniff(self, path: str, head: bytes) -> bool:
        return not looks_binary(head) and is_from_line(head.split(b"\n", 1)[0].rstrip(b"\r"))

    def places(self, unit: SourceUnit) -> Iterator[tuple]:
        with _open(unit) as handle:
            for index, (line, offset, length) in enumerate(mbox_spans(handle, unit.path)):
                yield index, line, offset, length

    def heads(self, unit: SourceUnit, places: list[tuple]) -> Iterator[tuple[tuple, bytes, Callable[[], bytes]]]:
        with _open(unit) as handle:

            def whole(offset: int, length: int) -> bytes:
                handle.seek(offset)
                return _unescaped(handle.read(length))

            for place in places:
                _, _, offset, length = place
                handle.seek(offset)
                yield place, read_head(handle, length), lambda o=offset, n=length: whole(o, n)

    def batch_groups(self, unit: SourceUnit, ctx, batch: Batch) -> Iterator[list[Touch]]:
        with _open(unit) as handle:
            for group in batch.groups:
                touches: list[Touch] = []
                for index, line, offset, length in group:
                    handle.seek(offset)
                    raw = _unescaped(handle.read(length))
                    try:
                        touches += message_touches(raw, unit.path, f"{unit.path}:{line}", line + 1, (index + 1) * 1000)
                    except InputError as exc:
                        ctx.report(InputError(exc.path, f"message at line {line}: {exc.message}"))
                    except MESSAGE_ERRORS as exc:
                        ctx.report(InputError(unit.path, f"message at line {line}: cannot parse it: {type(exc).__name__}: {exc}"))
                if touches:
                    yield touches


class MaildirReader(_Mailbox):
    """A Maildir (cur/ new/) or a folder of one-message files, read as one mailbox."""

    name = "maildir"
    folder = True

    def claims_dir(self, path: str) -> bool:
        return os.path.isdir(os.path.join(path, "cur")) and os.path.isdir(os.path.join(path, "new"))

    def places(self, unit: SourceUnit) -> Iterator[tuple]:
        return enumerate(unit.files)

    def heads(self, unit: SourceUnit, places: list[tuple]) -> Iterator[tuple[tuple, bytes, Callable[[], bytes]]]:
        for index, path in places:
            head = b""
            try:
                with open(path, "rb") as handle:
                    head = read_head(handle, MAX_FILE)
            except OSError:  # reported when the batch reads it
                pass
            if looks_binary(head) or not looks_like_message(head[:4096]):
                head = b""  # not threaded; the batch reports why
            yield (index, path), head, lambda path=path: _read_file(path)

    def in_sent_folder(self, unit: SourceUnit, place: tuple, msg: Message) -> bool:
        folder = os.path.dirname(place[1])
        if os.path.basename(folder) in ("cur", "new"):
            folder = os.path.dirname(folder)
        return folder_name(os.path.basename(os.path.abspath(folder))) in sent_folders()

    def batch_groups(self, unit: SourceUnit, ctx, batch: Batch) -> Iterator[list[Touch]]:
        for group in batch.groups:
            touches: list[Touch] = []
            for index, path in group:
                try:
                    with open(path, "rb") as handle:
                        data = handle.read()
                    _check_mail(path, data)
                    touches += message_touches(data, path, os.path.relpath(path, unit.path), 1, (index + 1) * 1000)
                except InputError as exc:
                    ctx.report(exc)
                except IsADirectoryError:
                    ctx.report(InputError(path, "is a directory, not a message file"))
                except OSError as exc:
                    ctx.report(InputError(path, f"cannot read: {exc.strerror or exc}"))
                except MESSAGE_ERRORS as exc:
                    ctx.report(InputError(path, f"cannot parse the message: {type(exc).__name__}: {exc}"))
            if touches:
                yield touches

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


def mbox_spans(handle, path: str) -> Iterator[tuple[int, int, int]]:
    """(line of the 'From ' separator, file offset and length of the message after it) for
    each message, found block by block with bytes searches: a separator is a 'From ' line
    that starts the file or follows a blank line and looks like one (``is_from_line``)."""
    start = None  # (line, offset) of the message being read
    line = 1  # line number at ``offset``
    offset = 0  # file offset of ``block[0]``, always a line start
    previous_blank = True
    pending: list[bytes] = []  # a line longer than a block, being read
    while True:
        data = handle.read(BLOCK)
        if not data:
            block = b"".join(pending)
            pending = []
            if not block:
                break
        else:
            cut = data.rfind(b"\n") + 1
            if not cut:
                pending.append(data)
                continue
            block = b"".join(pending) + data[:cut]
            pending = [data[cut:]] if cut < len(data) else []
        if start is None:
            first = FIRST_TEXT_RE.search(block)
            if first is None:  # only blank lines so far
                offset += len(block)
                line += block.count(b"\n")
                continue
            at = block.rfind(b"\n", 0, first.start()) + 1
            if not block.startswith(b"From ", at):
                if looks_binary(block[at:at + 4096]):
                    raise InputError(path, "binary file, not an mbox")
                raise InputError(path, "not an mbox: it does not start with a 'From ' separator line")
            line += block.count(b"\n", 0, at)
            end = block.find(b"\n", at) + 1 or len(block)
            start = (line, offset + end)
            counted, previous_blank = end, False
            line += 1
        else:
            counted = 0
        for match in FROM_START_RE.finditer(block, counted):
            at = match.start()
            before = block.rfind(b"\n", 0, at - 1) + 1 if at else 0
            blank = not block[before:at].strip() if at else previous_blank
            if not blank or not is_from_line(block[at:at + 1000]):
                continue
            line += block.count(b"\n", counted, at)
            counted = at
            if offset + at > start[1]:
                yield start[0], start[1], offset + at - start[1]
            end = block.find(b"\n", at) + 1 or len(block)
            start = (line, offset + end)
        line += block.count(b"\n", counted)
        last = block.rfind(b"\n", 0, len(block) - 1) + 1
        previous_blank = not block[last:].strip()
        offset += len(block)
    if start is None:
        raise InputError(path, "empty file" if offset == 0 else "empty file (only blank lines)")
    if offset > start[1]:
        yield start[0], start[1], offset - start[1]


def _unescaped(data: bytes) -> bytes:
    """A message of an mboxrd file as it was written: ">From " at a line start is "From ". Only
    a message with ">From " somewhere goes through the pattern (60 of enron-8k's 8,269)."""
    return MBOXRD_LINE_RE.sub(rb"\1", data) if b">From " in data else data


def read_head(handle, length: int) -> bytes:
    """The header block of the message at the handle's position (through its first blank line)."""
    head = b""
    while len(head) < length:
        more = handle.read(min(HEAD_BLOCK, length - len(head)))
        if not more:
            break
        searched = max(0, len(head) - 2)
        head += more
        blank = BLANK_LINE_RE.search(head, searched)
        if blank:
            return head[: blank.end()]
    return head


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:  # reported when the batch reads it
        return b""


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
