"""What a reader is and what it is handed."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import InputError, Touch
from ..people import Owner


@dataclass(slots=True)
class SourceUnit:
    """One thing to read: a file, stdin, or a folder of messages read together."""

    path: str  # as shown to the user
    reader: "Reader"
    files: list[str] = field(default_factory=list)  # for folder units
    data: bytes | None = None  # stdin content

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        try:
            with open(self.path, "rb") as handle:
                return handle.read()
        except IsADirectoryError:
            raise InputError(self.path, "is a directory, not a file") from None
        except PermissionError:
            raise InputError(self.path, "permission denied") from None
        except FileNotFoundError:
            raise InputError(self.path, "no such file") from None
        except OSError as exc:
            raise InputError(self.path, f"cannot read: {exc.strerror or exc}") from None


@dataclass(slots=True)
class Batch:
    """A share of a big unit that no conversation crosses, linted on its own (in any worker).

    ``groups``: the reader's own note of what to read again, one entry per conversation group
    (a mailbox: where each thread's messages are). ``owner``: the mailbox owner, settled over
    the whole unit before it was split."""

    groups: tuple = ()
    owner: Owner | None = None


class Reader:
    """Turns one SourceUnit into touches. Subclass and register via ``followlint_add_readers``.

    ``suffixes`` claim files by name; ``sniff`` may claim a file by its first bytes;
    ``mailbox`` tells the conversation stage to infer "our side" from the mailbox owner
    when no ``reps`` are configured.

    A touch's ``direction`` is set by the reader when the source says whose it is (a draft is
    ours, a CRM row has a direction column) and left None when it cannot tell (a message in a
    mailbox): the conversation stage decides only those. Times are aware; the conversation
    stage keeps them as the reader set them.
    """

    name = "reader"
    suffixes: tuple[str, ...] = ()
    mailbox = False
    folder = False  # reads a directory as one unit (maildir)
    directed = False  # sets every touch's direction itself (CRM exports carry direction columns)
    # In a folder walk, claim a file of one of ``suffixes`` only when ``sniff`` recognises it
    # (a package.json beside the templates is not a CRM export); named files are always read.
    sniff_when_walking = False

    def sniff(self, path: str, head: bytes) -> bool:
        return False

    def claims_dir(self, path: str) -> bool:
        return False

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        raise NotImplementedError

    def groups(self, unit: SourceUnit, ctx) -> Iterator[list[Touch]]:
        """The unit's touches in groups that no conversation crosses. One group by default;
        a reader that knows its conversations (a CRM export, by contact) streams them."""
        yield list(self.read(unit, ctx))

    def batches(self, unit: SourceUnit, ctx) -> list[Batch] | None:
        """Split a big unit into batches (a mailbox, thread by thread, from its headers alone),
        so that it streams and ``--jobs`` shares it out; each is read with ``batch_groups``.
        None: the unit is read whole with ``groups``."""
        return None

    def batch_groups(self, unit: SourceUnit, ctx, batch: Batch) -> Iterator[list[Touch]]:
        raise NotImplementedError
