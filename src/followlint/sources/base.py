"""What a reader is and what it is handed."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import InputError, Touch


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


class Reader:
    """Turns one SourceUnit into touches. Subclass and register via ``followlint_add_readers``.

    ``suffixes`` claim files by name; ``sniff`` may claim a file by its first bytes;
    ``mailbox`` tells the conversation stage to infer "our side" from the mailbox owner
    when no ``reps`` are configured.
    """

    name = "reader"
    suffixes: tuple[str, ...] = ()
    mailbox = False
    folder = False  # reads a directory as one unit (maildir)

    def sniff(self, path: str, head: bytes) -> bool:
        return False

    def claims_dir(self, path: str) -> bool:
        return False

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        raise NotImplementedError
