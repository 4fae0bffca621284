"""Group a stream of items by key with bounded memory: in memory while small, then spilled
to temporary bucket files by key hash and read back one bucket at a time."""
from __future__ import annotations

import pickle
import tempfile
import zlib
from collections.abc import Iterator

IN_MEMORY = 20_000  # items held before spilling
BUCKETS = 64


class Grouper:
    def __init__(self, limit: int = IN_MEMORY, buckets: int = BUCKETS):
        self.limit = limit
        self.buckets = buckets
        self.groups: dict[str, list] = {}
        self.count = 0
        self.files: list | None = None

    def add(self, key: str, item) -> None:
        if self.files is not None:
            self._dump(key, item)
            return
        self.groups.setdefault(key, []).append(item)
        self.count += 1
        if self.count > self.limit:
            self.files = [tempfile.TemporaryFile() for _ in range(self.buckets)]
            for k, items in self.groups.items():
                for it in items:
                    self._dump(k, it)
            self.groups = {}

    def _dump(self, key: str, item) -> None:
        bucket = self.files[zlib.crc32(key.encode("utf-8", "surrogatepass")) % self.buckets]
        pickle.dump((key, item), bucket, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[list]:
        if self.files is None:
            yield from self.groups.values()
            return
        try:
            for handle in self.files:
                handle.seek(0)
                groups: dict[str, list] = {}
                while True:
                    try:
                        key, item = pickle.load(handle)
                    except EOFError:
                        break
                    groups.setdefault(key, []).append(item)
                handle.close()
                yield from groups.values()
        finally:
            for handle in self.files:
                handle.close()
