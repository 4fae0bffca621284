"""Rows out of a CSV or JSON export, streamed, each with where it came from."""
from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import InputError
from ..base import SourceUnit

csv.field_size_limit(16 * 1024 * 1024)  # a 5 MB note in one cell is bad taste, not bad input
SNIFF = 64 * 1024
DELIMITERS = ",;\t|"


@dataclass(slots=True)
class Row:
    key: str  # how a finding names it: "row 14", "id 4711"
    line: int  # file line on which it starts (1 for JSON)
    fields: dict[str, str]  # column name -> cell text


def normalise(column: str) -> str:
    """"Activity - Due date", "activity_due_date" and "ActivityDueDate" are one column."""
    return "".join(ch for ch in column.lower() if ch.isalnum())


def open_text(unit: SourceUnit):
    """The export as text: BOM honoured, UTF-8 when it decodes, else Windows-1252 (Excel's)."""
    raw = io.BytesIO(unit.data) if unit.data is not None else _open(unit.path)
    head = raw.read(SNIFF)
    raw.seek(0)
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
    if b"\x00" in head:
        raw.close()
        raise InputError(unit.path, "binary data, not a CSV or JSON export")
    try:
        head.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        encoding = "utf-8" if exc.start > len(head) - 4 else "cp1252"  # a character cut by the sniff
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _open(path: str):
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise InputError(path, "is a directory, not an export") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def is_json(text) -> bool:
    start = text.read(SNIFF).lstrip()[:1]
    text.seek(0)
    return start in ("[", "{")


def csv_rows(path: str, text) -> tuple[list[str], Iterator[Row]]:
    """The header and the data rows; the delimiter (, ; tab |) is the one the header uses most."""
    first, skipped = text.readline(), 0
    while first and not first.strip():
        first, skipped = text.readline(), skipped + 1
    if not first.strip():
        raise InputError(path, "empty export (no header row)")
    delimiter = max(DELIMITERS, key=lambda d: _count_outside_quotes(first, d))
    text_rest = _chain(first, text)
    reader = csv.reader(text_rest, delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(path, f"cannot read the header row: {exc}") from None
    header = [h.strip() for h in header]
    while header and not header[-1]:
        header.pop()

    def rows() -> Iterator[Row]:
        number = 0
        while True:
            start = skipped + reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(path, f"line {start}: {exc}") from None
            if not any(c.strip() for c in cells):
                continue
            number += 1
            yield Row(f"row {number}", start, dict(zip(header, cells)))

    return header, rows()


def _chain(first: str, rest):
    yield first
    yield from rest


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


# Where the list of activities sits in an API response: HubSpot v3 "results", Salesforce
# "records", Pipedrive and Zoho "data".
ENVELOPES = ("results", "records", "data", "engagements", "activities", "items")


def json_rows(path: str, text) -> tuple[list[str], Iterator[Row]]:
    """JSON: an array of objects, an API response holding one, or JSON Lines. Nested objects
    are flattened to dotted names ("properties.hs_timestamp", "engagement.type"). Each row
    knows the line its object starts on."""
    body = text.read()
    try:
        data = _located(body)
    except ValueError:
        data = None
    except RecursionError:
        raise InputError(path, "JSON nested too deeply to be an activity export") from None
    if data is None:
        try:
            data = [(1, json.loads(body))]
        except json.JSONDecodeError as exc:
            data = _json_lines(path, body, exc)
        except RecursionError:
            raise InputError(path, "JSON nested too deeply to be an activity export") from None
        if len(data) == 1 and isinstance(data[0][1], dict):
            found = next((data[0][1][k] for k in ENVELOPES if isinstance(data[0][1].get(k), list)), None)
            data = [(1, obj) for obj in found] if found is not None else data
        elif len(data) == 1 and isinstance(data[0][1], list):
            data = [(1, obj) for obj in data[0][1]]
        elif len(data) == 1:
            raise InputError(path, "JSON export holds no list of activities")
    del body
    objects = [(line, obj) for line, obj in data if isinstance(obj, dict)]
    del data
    if not objects:
        raise InputError(path, "empty export (no activity objects)")
    columns: dict[str, None] = {}
    for _, obj in objects:  # every object: a task's columns may first appear after many calls
        columns.update(dict.fromkeys(_flat(obj)))

    def rows() -> Iterator[Row]:
        while objects:
            line, obj = objects.pop()  # in file order (the list was reversed), released as we go
            fields = _flat(obj)
            ident = fields.get("id") or fields.get("engagement.id") or fields.get("Id") or ""
            ident = " ".join(ident.split())  # it names the row in one-line errors
            yield Row(f"id {ident}" if ident else "object", line, fields)

    objects.reverse()
    return list(columns), rows()


_DECODER = json.JSONDecoder()


def _skip(body: str, pos: int) -> int:
    while pos < len(body) and body[pos] in " \t\r\n":
        pos += 1
    return pos


def _located(body: str) -> list[tuple[int, object]] | None:
    """The activity list of a JSON array or API envelope, each item with the line it starts
    on, in one pass; None when the body is neither. Raises ValueError on invalid JSON."""
    pos = _skip(body, 0)
    if body.startswith("[", pos):
        items, pos = _array(body, pos)
    elif body.startswith("{", pos):
        found: dict[str, list] = {}
        pos = _skip(body, pos + 1)
        while not body.startswith("}", pos):
            key, pos = _DECODER.raw_decode(body, pos)
            pos = _skip(body, pos)
            if not body.startswith(":", pos):
                raise ValueError("expected ':'")
            pos = _skip(body, pos + 1)
            if key in ENVELOPES and body.startswith("[", pos) and key not in found:
                found[key], pos = _array(body, pos)
            else:
                pos = _DECODER.raw_decode(body, pos)[1]
            pos = _skip(body, pos)
            if body.startswith(",", pos):
                pos = _skip(body, pos + 1)
            elif not body.startswith("}", pos):
                raise ValueError("expected ',' or '}'")
        pos += 1
        items = next((found[k] for k in ENVELOPES if k in found), None)
    else:
        return None
    if _skip(body, pos) != len(body):
        raise ValueError("data after the JSON value")
    return items


def _array(body: str, pos: int) -> tuple[list[tuple[int, object]], int]:
    items, line, counted = [], 1, 0
    pos = _skip(body, pos + 1)
    while not body.startswith("]", pos):
        line += body.count("\n", counted, pos)
        counted = pos
        item, pos = _DECODER.raw_decode(body, pos)
        items.append((line, item))
        pos = _skip(body, pos)
        if body.startswith(",", pos):
            pos = _skip(body, pos + 1)
        elif not body.startswith("]", pos):
            raise ValueError("expected ',' or ']'")
    return items, pos + 1


def _json_lines(path: str, body: str, error: json.JSONDecodeError) -> list[tuple[int, object]]:
    lines = [(number, line) for number, line in enumerate(body.splitlines(), start=1) if line.strip()]
    if len(lines) > 1:
        try:
            return [(number, json.loads(line)) for number, line in lines]
        except (json.JSONDecodeError, RecursionError):
            pass
    raise InputError(path, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}")


def _flat(obj: dict, prefix: str = "", out: dict | None = None, depth: int = 0) -> dict[str, str]:
    out = {} if out is None else out
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and depth < 6:
            _flat(value, f"{name}.", out, depth + 1)
        elif isinstance(value, list) and depth < 6:
            for index, item in enumerate(value[:3]):
                if isinstance(item, dict):
                    _flat(item, f"{name}.{index}.", out, depth + 1)
                elif item is not None:
                    out[f"{name}.{index}"] = str(item)
        elif value is not None and not isinstance(value, (dict, list)):  # deeper: no column of ours
            out[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return out
