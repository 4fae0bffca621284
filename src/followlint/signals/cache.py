"""A compiled phrase index is kept on disk, keyed by the exact vocabularies it was built from.

Building the index costs a few hundred milliseconds; a rep linting one draft should not pay
that on every run. The file holds the entries packed (see ``PhraseIndex.__getstate__``): a
run decodes only those its words reach, and reads only those from the file (``_read``). Any
change to any vocabulary (or to followlint) gives a new key, and a cache that cannot be read or
written is simply rebuilt in memory.
"""
from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import tempfile
from itertools import accumulate

from .. import __version__
from ..lexicon.words import Words, current as current_words, is_word_list
from .phrases import PhraseIndex

ENV = "FOLLOWLINT_CACHE_DIR"
LAYOUT = 2  # how the file holds the index (``_write``): part of its key


def cache_dir() -> str:
    if os.environ.get(ENV):
        return os.environ[ENV]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "followlint")


def cached_index(vocabularies: list[dict[str, list[str]]], common: frozenset[str]) -> PhraseIndex:
    """The index of the vocabularies' phrases (their word lists are left out); ``common``: the
    words no phrase is anchored on (they change the index, so its key)."""
    vocabularies = _phrases(vocabularies)
    path = _path(vocabularies, common, current_words())
    try:
        with open(path, "rb") as handle:
            if not _trusted(os.fstat(handle.fileno()), os.path.dirname(path)):
                raise OSError("not a private cache")
            return _read(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    index = PhraseIndex(vocabularies, common)
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            _write(index, handle)
        os.replace(tmp, path)  # atomic: a concurrent run never reads half a file
        _prune(os.path.dirname(path))
    except OSError:
        pass
    return index


def is_cached(vocabularies: list[dict[str, list[str]]], words: Words) -> bool:
    """Is an index of exactly these vocabularies' phrases cached (``words``: their word lists)?
    It was built from them, so each of them compiled: the plugins' phrases need not be checked
    again (``followlint.plugins``)."""
    path = _path(_phrases(vocabularies), words["common"], words)
    try:
        return _trusted(os.stat(path), os.path.dirname(path))
    except OSError:
        return False


def _phrases(vocabularies: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
    return [{k: v for k, v in vocabulary.items() if not is_word_list(k)} for vocabulary in vocabularies]


def _path(vocabularies: list[dict[str, list[str]]], common: frozenset[str], words: Words) -> str:
    # Lists of (kind, phrases), not dicts: the order of the kinds is the order phrases are tried.
    ordered = [list(vocabulary.items()) for vocabulary in vocabularies]
    # Phrases are compiled with their contractions expanded: the contraction list is part of the key.
    contractions = sorted(words["contraction"])
    # repr, not json.dumps: a draft then imports no json (1.5 ms)
    source = repr([__version__, PhraseIndex.FORMAT, LAYOUT, ordered, sorted(common), contractions])
    key = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32]
    return os.path.join(cache_dir(), f"phrases-{key}.pickle")


def _write(index: PhraseIndex, handle) -> None:
    """The index's key tables pickled (after their length), then its blocks of entries as they
    are, one after the other (``_read``)."""
    blocks, words, pairs = index.__getstate__()
    head = pickle.dumps((list(accumulate(map(len, blocks))), words, pairs), protocol=pickle.HIGHEST_PROTOCOL)
    handle.write(len(head).to_bytes(8, "little"))
    handle.write(head)
    handle.writelines(blocks)


def _read(handle) -> PhraseIndex:
    """The index as ``_write`` wrote it: the key tables are unpickled now, the blocks stay in the
    file, mapped into memory, until a run meets them. A draft reaches a few dozen of some 1,100
    blocks: reading and unpickling the 6.5 MB whole took 10 ms of its start-up, the tables 3."""
    size = int.from_bytes(handle.read(8), "little")
    ends, words, pairs = pickle.loads(handle.read(size))
    data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    start = 8 + size
    if len(data) != start + (ends[-1] if ends else 0):
        raise ValueError("a truncated index")
    index = PhraseIndex.__new__(PhraseIndex)
    index.__setstate__((_Blocks(data, start, ends), words, pairs))
    return index


class _Blocks:
    """The blocks of a cached index, each sliced from the mapped file when it is decoded."""

    def __init__(self, data: mmap.mmap, start: int, ends: list[int]):
        self.data, self.start, self.ends = data, start, ends

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, block: int) -> bytes:
        return self.data[self.start + (self.ends[block - 1] if block else 0):self.start + self.ends[block]]


def _trusted(file: os.stat_result, folder: str) -> bool:
    """Unpickling runs code, so only a file that this user owns, that no one else may write,
    in a folder no one else may write, is loaded (a cache dir set to a shared folder is rebuilt
    in memory instead)."""
    uid = os.getuid()
    for info in (file, os.stat(folder)):
        if info.st_uid != uid or info.st_mode & 0o022:
            return False
    return True


KEEP = 8  # indexes kept: one per vocabulary set in use (projects, plugins, versions)


def _prune(folder: str) -> None:
    """Drop all but the most recently written indexes: each vocabulary change writes a new one."""
    names = [n for n in os.listdir(folder) if n.startswith("phrases-") and n.endswith(".pickle")]
    paths = sorted((os.path.join(folder, n) for n in names), key=os.path.getmtime, reverse=True)
    for old in paths[KEEP:]:
        try:
            os.remove(old)
        except OSError:
            pass
