"""Expand the command line's paths into source units, each claimed by one reader."""
from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat
from collections.abc import Iterator

from ..model import InputError
from .base import Reader, SourceUnit
from .mail import folder_name, looks_like_message, mailbox_folders, sent_folders

SNIFF_BYTES = 4096
MAX_SPECIAL_BYTES = 256 * 1024 * 1024  # what we read from a pipe before giving up


class Discovery:
    def __init__(self, readers: list[Reader], exclude: list[str]):
        self.readers = readers
        self.exclude = exclude
        self.by_suffix = {}
        for reader in readers:
            for suffix in reader.suffixes:
                self.by_suffix.setdefault(suffix, reader)
        self.folder_reader = next((r for r in readers if r.folder), None)
        # fnmatch's own patterns, joined: a walk asks about every entry (1,600 in a 1,000-message
        # maildir), three fnmatch calls per pattern each time.
        self._exclude_re = _any_of(exclude)
        self._exclude_below_re = _any_of(f"*/{pattern}" for pattern in exclude)

    def units(self, paths: list[str], on_error) -> Iterator[SourceUnit]:
        for path in paths:
            try:
                info = os.stat(path)
            except OSError as exc:
                on_error(InputError(path, _stat_problem(path, exc)))
                continue
            if stat.S_ISDIR(info.st_mode):
                found = 0

                def counting(error, _on_error=on_error):
                    nonlocal found
                    found += 1
                    _on_error(error)

                for unit in self._walk(path, counting):
                    found += 1
                    yield unit
                suffix = os.path.splitext(path.rstrip("/" + os.sep))[1].lower()
                if not found and suffix in self.by_suffix:
                    on_error(InputError(path, f"is a directory, not a {suffix} file (and holds nothing followlint can read)"))
                elif not found:  # a job pointed at the wrong folder must not pass
                    on_error(InputError(path, "nothing to lint: no drafts, templates, mail or CRM exports in this folder"))
                continue
            try:
                if stat.S_ISREG(info.st_mode):
                    yield self._file_unit(path, explicit=True)
                elif stat.S_ISFIFO(info.st_mode):
                    data = _read_pipe(path)
                    yield SourceUnit(path=path, reader=self._reader_for(path, data[:SNIFF_BYTES], True), data=data)
                else:
                    raise InputError(path, f"not a regular file (a {_kind(info.st_mode)})")
            except InputError as exc:
                on_error(exc)

    def stdin_unit(self, name: str, data: bytes) -> SourceUnit:
        reader = self._reader_for(name, data[:SNIFF_BYTES], explicit=True)
        return SourceUnit(path=name, reader=reader, data=data)

    def excluded(self, path: str) -> bool:
        """Whether ``path``, or its name, matches an ``exclude`` pattern (as ``fnmatch.fnmatch``),
        or ends with "/" and one."""
        if self._exclude_re is None:
            return False
        norm = os.path.normcase(path.replace(os.sep, "/"))
        base = os.path.basename(norm)
        return bool(self._exclude_re.match(norm) or self._exclude_re.match(base) or self._exclude_below_re.match(norm))

    def _walk(self, root: str, on_error, mail: list[str] | None = None) -> Iterator[SourceUnit]:
        """The units under ``root``. A mailbox (a maildir, or a folder holding standard mail
        folders: "inbox", "sent_items"...) is one unit of all its folders' messages, so its owner
        is known from its Sent folder, a reply threads with what it answers in another folder,
        and a message stored in two folders is read once; ``mail`` collects its files."""
        if mail is None and self.folder_reader and self._is_mailbox(root):
            mail = []
            inside = list(self._walk(root, on_error, mail))
            if mail:
                yield SourceUnit(path=root, reader=self.folder_reader, files=mail)
            yield from inside
            return
        if mail is not None and self.folder_reader.claims_dir(root):
            mail.extend(self.folder_reader.maildir_files(root))
            for folder in self._maildir_subfolders(root):
                mail.extend(self.folder_reader.maildir_files(folder))
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
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue
            if is_dir:
                # Inside a mailbox, a folder with a Sent folder of its own is someone's mailbox.
                inner = mail is not None and self._is_mailbox(path, sent_only=True)
                yield from self._walk(path, on_error, None if inner else mail)
                continue
            suffix = os.path.splitext(entry.name)[1].lower()
            if not is_file:
                if entry.is_symlink() and self._readable_name(entry.name, suffix) and not os.path.exists(path):
                    on_error(InputError(path, _stat_problem(path, FileNotFoundError())))
                continue  # sockets, pipes: only read when named explicitly
            if suffix in self.by_suffix:
                reader = self.by_suffix[suffix]
                if not reader.sniff_when_walking or reader.sniff(path, _head(path)):
                    yield SourceUnit(path=path, reader=reader)
            elif suffix in ("", ".") or entry.name.rstrip(".").isdigit():
                head = _head(path)
                if looks_like_message(head):
                    loose_mail.append(path)
                else:
                    sniffed = next((r for r in self.readers if not r.folder and r.sniff(path, head)), None)
                    if sniffed is not None:  # a suffixless mbox ("Inbox", Apple Mail's "mbox")
                        yield SourceUnit(path=path, reader=sniffed)
        if loose_mail and mail is not None:
            mail.extend(loose_mail)
        elif loose_mail and self.folder_reader:
            # One-message files side by side (a maildir-like folder): one mailbox, so
            # replies thread with what they answer.
            yield SourceUnit(path=root, reader=self.folder_reader, files=loose_mail)

    def _readable_name(self, name: str, suffix: str) -> bool:
        """A name followlint would read in a folder: a known suffix, or none (a message file)."""
        return suffix in self.by_suffix or suffix in ("", ".") or name.rstrip(".").isdigit()

    def _is_mailbox(self, root: str, sent_only: bool = False) -> bool:
        """A folder holding one of the standard mail folders (Inbox, Sent, Trash...; with
        ``sent_only``, a Sent folder)."""
        if not sent_only and self.folder_reader.claims_dir(root):
            return True
        try:
            entries = list(os.scandir(root))
        except OSError:
            return False
        folders = None
        for entry in entries:
            try:
                # is_dir first: a folder of message files has hundreds of names to compare
                if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
                    continue
            except OSError:
                continue
            if folders is None:
                folders = sent_folders() if sent_only else mailbox_folders()
            if folder_name(entry.name) in folders and not self.excluded(entry.path):
                return True
        return False

    def _maildir_subfolders(self, root: str) -> Iterator[str]:
        """Maildir++ folders (".Sent", ".Archive") inside a maildir."""
        try:
            entries = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") and entry.name not in (".", "..") and not self.excluded(entry.path):
                try:
                    if entry.is_dir(follow_symlinks=False) and self.folder_reader.claims_dir(entry.path):
                        yield entry.path
                except OSError:
                    continue

    def _file_unit(self, path: str, explicit: bool) -> SourceUnit:
        return SourceUnit(path=path, reader=self._reader_for(path, _head(path), explicit))

    def _reader_for(self, path: str, head: bytes, explicit: bool) -> Reader:
        suffix = os.path.splitext(path)[1].lower()
        if suffix in self.by_suffix:
            return self.by_suffix[suffix]
        for reader in self.readers:
            if not reader.folder and reader.sniff(path, head):
                return reader
        if looks_like_message(head) and ".eml" in self.by_suffix:
            return self.by_suffix[".eml"]
        if explicit and ".txt" in self.by_suffix and suffix not in KNOWN_DATA:
            return self.by_suffix[".txt"]
        known = ", ".join(sorted(self.by_suffix))
        raise InputError(path, f"no reader for {suffix or 'these'} files (followlint reads: {known})")


KNOWN_DATA = {".csv", ".json", ".xlsx", ".xls", ".tsv", ".pdf", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".docx", ".ods", ".xml", ".parquet", ".db", ".sqlite"}


def _any_of(patterns) -> re.Pattern | None:
    """One pattern matching what any of the shell ``patterns`` matches (``fnmatch.fnmatch``'s
    own translation of each, case as the platform compares names)."""
    alternatives = "|".join(fnmatch.translate(os.path.normcase(pattern)) for pattern in patterns)
    return re.compile(alternatives) if alternatives else None


def _stat_problem(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"broken symbolic link (its target {target} does not exist)"
        return "no such file or directory"
    if isinstance(exc, NotADirectoryError):
        return "not a directory (a part of the path is a file)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return "special file"


def _read_pipe(path: str) -> bytes:
    """Read a named pipe without hanging when nobody writes to it (process substitution,
    ``<(cat draft.txt)``, has a writer; a forgotten FIFO has none and reads as empty)."""
    try:
        import fcntl

        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    except ImportError:  # no fcntl (Windows): a plain, blocking read
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    chunks, total = [], 0
    try:
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_SPECIAL_BYTES:
                raise InputError(path, f"more than {MAX_SPECIAL_BYTES // (1024 * 1024)} MB from a pipe: giving up")
            chunks.append(chunk)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if not chunks:
        raise InputError(path, "a named pipe (FIFO) with nothing written to it")
    return b"".join(chunks)


def _head(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""
