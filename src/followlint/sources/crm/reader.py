"""The CRM export reader: rows -> touches, one conversation per contact, streamed."""
from __future__ import annotations

import re
from pathlib import PurePath
from collections.abc import Iterator
from datetime import date, datetime, time, timezone, tzinfo

from ...model import CONTACT_THREAD, Direction, InputError, Origin, Touch
from ..base import SourceUnit
from ..quoting import cut_signature
from ..positions import FixedLayout, MappedTouch
from . import activity, values
from .claim import CrmClaim
from .layouts import BUILTIN, CONTACT_FIELDS, FIELDS, REQUIRED, Layout, generic
from .spill import Grouper
from .table import Row, csv_rows, is_json, json_rows, normalise, open_text

MAX_ROW_PROBLEMS = 20  # bad rows reported one by one; past this, one line counts the rest
LAYOUTS = {layout.name: layout for layout in BUILTIN}
JSON_KEY_RE = re.compile(r'"([A-Za-z_$][\w.$ -]{0,60})"\s*:')
# Header names that mark an export; "engagement" and "contactIds" are keys of HubSpot's legacy
# engagements JSON, seen before it is flattened.
SNIFF_COLUMNS = {normalise(m) for layout in BUILTIN for m in layout.marks} | {"engagement", "contactids"}


class CrmReader(CrmClaim):
    def __init__(self):
        self.forced = ""  # --crm NAME, or the config's layout
        self.mapping: Layout | None = None  # [tool.followlint.crm.columns]

    def configure(self, forced: str, columns: dict | None) -> None:
        """``forced``: a layout name or "generic"; ``columns``: the generic mapping."""
        if forced and forced not in LAYOUTS and forced != "generic":
            raise ValueError(f"unknown CRM {forced!r} (known: {', '.join([*LAYOUTS, 'generic'])})")
        self.mapping = generic(columns) if columns else None
        if forced == "generic" and self.mapping is None:
            raise ValueError("--crm generic needs a column mapping: [tool.followlint.crm.columns] time = \"...\", contact = \"...\"")
        self.forced = forced

    def read(self, unit: SourceUnit, ctx) -> Iterator[Touch]:
        for group in self.groups(unit, ctx):
            yield from group

    def groups(self, unit: SourceUnit, ctx) -> Iterator[list[Touch]]:
        text = open_text(unit)
        try:
            cells = not is_json(text)  # CSV rows have cells by position: a short row is cut short
            header, rows = (csv_rows if cells else json_rows)(unit.path, text)
            columns = Columns(unit.path, header, self._layout(unit.path, header))
            if columns.whole_file:
                ctx.warn(f"{unit.path}: no contact column ({FIELDS['contact']}): read as one contact's activities")
            zone = _zone(ctx.settings)
            grouper = Grouper()
            bad = 0
            for row in rows:
                try:
                    touch = columns.touch(row, unit.path, zone)
                    if touch is None and cells and len(row.fields) < len(set(header)):
                        # no contact because the row was cut short, not an internal reminder
                        raise ValueError(f"only {len(row.fields)} of the header's {len(set(header))} cells")
                except ValueError as exc:
                    bad += 1
                    if bad <= MAX_ROW_PROBLEMS:
                        ctx.report(InputError(unit.path, f"{row.key} (line {row.line}): {exc}; row skipped"))
                    continue
                if touch is not None:
                    grouper.add(touch.thread, touch)
        finally:
            text.close()
        if bad > MAX_ROW_PROBLEMS:
            ctx.report(InputError(unit.path, f"{bad - MAX_ROW_PROBLEMS} more rows skipped for unreadable values"))
        yield from grouper

    def _layout(self, path: str, header: list[str]) -> Layout:
        if self.forced == "generic" or (not self.forced and self.mapping is not None):
            return self.mapping
        if self.forced:
            return LAYOUTS[self.forced]
        names = {normalise(_strip_prefix(h)) for h in header}
        best = max(BUILTIN, key=lambda layout: layout.score(names))
        if best.score(names) == 0:
            shown = ", ".join(_one_line(h) for h in header[:12]) + (", ..." if len(header) > 12 else "")
            raise InputError(path, f"not a CRM export followlint knows (columns: {shown}); "
                                   "for another CRM use --crm generic with a [tool.followlint.crm.columns] mapping")
        return best

    def sniff(self, path: str, head: bytes) -> bool:
        """An export whose first bytes name known CRM columns (or the configured mapping's)."""
        text = head.decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
        known = set(SNIFF_COLUMNS)
        if self.mapping is not None:
            known |= {normalise(n) for names in self.mapping.columns.values() for n in names}
        if text[:1] in ("[", "{"):
            names = {normalise(n) for n in JSON_KEY_RE.findall(text)}
        else:
            line = text.split("\n", 1)[0]
            names = {normalise(c) for c in line.replace(";", ",").replace("\t", ",").split(",")}
        return len(names & known) >= 2


def _strip_prefix(column: str) -> str:
    return column[len("properties."):] if column.startswith("properties.") else column


def _zone(settings) -> tzinfo:
    from zoneinfo import ZoneInfo

    name = getattr(settings, "default_timezone", "") or "UTC"
    return timezone.utc if name == "UTC" else ZoneInfo(name)


class Columns:
    """A layout resolved against one file's header: for each field, the columns present."""

    def __init__(self, path: str, header: list[str], layout: Layout):
        self.layout = layout
        by_name = {}
        for column in header:
            by_name.setdefault(normalise(_strip_prefix(column)), column)
        self.found: dict[str, list[str]] = {}
        for field_name, names in layout.columns.items():
            present = [by_name[normalise(n)] for n in names if normalise(n) in by_name]
            if present:
                self.found[field_name] = list(dict.fromkeys(present))
        # An export of one contact's activities may name no contact at all (HubSpot's API lists
        # objects without their associations unless asked): the file is that one contact.
        self.whole_file = not any(f in self.found for f in CONTACT_FIELDS)
        for alternatives in REQUIRED:
            if not any(f in self.found for f in alternatives):
                looked = [n for f in alternatives for n in layout.columns.get(f, ())]
                raise InputError(path, f"{layout.name} export without {FIELDS[alternatives[0]]} "
                                       f"(looked for {_names(looked)}; the file has {_names(header)})")
        self.kind_marks = [(by_name[normalise(c)], kind) for c, kind in layout.kind_marks if normalise(c) in by_name]
        self.duration_units = {c: layout.units.get(normalise(_strip_prefix(c)), "s") for c in self.found.get("duration", ())}

    def cell(self, row: Row, field_name: str) -> tuple[str, str]:
        """The first non-empty cell of the field's columns, with its column."""
        for column in self.found.get(field_name, ()):
            value = row.fields.get(column, "")
            if value and value.strip():
                return value.strip(), column
        return "", ""

    def value(self, row: Row, field_name: str) -> str:
        return self.cell(row, field_name)[0]

    def touch(self, row: Row, path: str, zone: tzinfo) -> Touch | None:
        layout = self.layout
        get = lambda name: self.value(row, name)  # noqa: E731
        type_cell = get("type")
        kind = activity.kind_of(type_cell, "") if type_cell else ""
        if not kind:
            kind = next((k for column, k in self.kind_marks if row.fields.get(column, "").strip()), layout.default_kind or "note")
        direction_cell, direction_column = self.cell(row, "direction")
        direction = activity.direction_of(direction_cell, direction_column)
        body = _body_text(get("body"))
        status = get("status")
        done = _done(status) if status else None
        if direction is None:
            kind, direction = activity.said_in_note(kind, done, body)
        outcome = activity.outcome_of(get("outcome"))
        if not outcome and kind == "call" and activity.reached_nobody(body):
            outcome = "not reached"  # no outcome column, "No answer." in the note
        if activity.missed(direction_cell):
            outcome = "not reached"
        elif outcome in ("not reached", "") and activity.left_voicemail(get("body")):
            outcome = "voicemail"  # "No answer" (or nothing) in the result, "left a VM" in the rep's note
        when = self._moment(row, "time", zone)
        due = self._due(row, zone)
        created = self._moment(row, "created", zone)
        completed = self._moment(row, "completed", zone)
        if layout.task_time_is_due and kind == "task" and due is None:
            due, when = when, None
        act = activity.classify(kind, direction, outcome, done, due is not None)
        if act.kind == "task" and act.done is False:
            at = created or due
        else:
            at = completed or when or due or created
        if at is None:
            raise ValueError(f"no date ({', '.join(FIELDS[f] for f in ('time', 'due', 'created') if f in self.found)} empty)")
        if self.whole_file:
            contact = PurePath(path).name  # one contact's export: the file is the conversation
        else:
            contact = get("contact") or get("contact_email") or (get("from") if act.direction is Direction.INBOUND else get("to"))
        if not contact:
            return None  # not about a customer (an internal reminder): nothing to lint
        seconds = None
        duration_cell, duration_column = self.cell(row, "duration")
        if duration_cell:
            seconds = values.duration(duration_cell, self.duration_units[duration_column])
        ours = get("owner_email") or get("owner") or (get("from") if act.direction is not Direction.INBOUND else "")
        inbound = act.direction is Direction.INBOUND
        customer = get("contact_email") or (get("from") if inbound else get("to")) or contact
        subject = get("subject")
        if act.kind == "email":  # a logged mail's signature ("Wyvern Clockworks") says nothing
            body, _ = cut_signature(body, get("owner") if not inbound else get("contact"))
        text = _text(subject, body)
        who = customer if inbound else ours
        # Findings point at the row's first line: the text is built from several cells
        # (subject, body, HTML made text), so its own lines are not the file's.
        return MappedTouch(
            layout=FixedLayout(text, row.line),
            id=f"{path}:{row.key}",
            origin=Origin(path=path, line=row.line, key=row.key),
            text=text,
            direction=act.direction,
            kind=act.kind,
            party=who.lower() if "@" in who else who,
            party_name=get("owner") if not inbound else get("contact"),
            recipients=(customer.lower(),) if not inbound and "@" in customer else (),
            time=values.as_datetime(at, zone),
            subject=subject,
            thread=CONTACT_THREAD + contact.lower(),
            activity=_activity(type_cell or kind, get("task_type") if act.kind == "task" else ""),
            due=values.as_datetime(due, zone) if due is not None and act.kind == "task" else None,
            done=act.done,
            duration=seconds,
        )

    def _moment(self, row: Row, field_name: str, zone: tzinfo) -> datetime | date | None:
        cell = self.value(row, field_name)
        if not cell:
            return None
        try:
            return values.moment(cell, zone, self.layout.time_unit)
        except ValueError as exc:
            raise ValueError(f"cannot read {FIELDS[field_name]}: {exc}") from None

    def _due(self, row: Row, zone: tzinfo) -> datetime | date | None:
        day = self._moment(row, "due", zone)
        clock = self.value(row, "due_time")
        if day is None or not clock:
            return day
        try:
            at = time.fromisoformat(clock if len(clock) > 4 else clock.zfill(5))
        except ValueError:
            raise ValueError(f"cannot read {FIELDS['due_time']}: not a time: {clock[:20]!r}") from None
        day = day.date() if isinstance(day, datetime) else day
        when_zone = timezone.utc if self.layout.due_time_zone == "UTC" else zone
        return datetime.combine(day, at, tzinfo=when_zone)


def _activity(kind: str, task_type: str) -> str:
    """What the export calls the activity; a task says what it is for ("call task")."""
    kind, task_type = kind.strip().lower(), task_type.strip().lower().replace("_", " ")
    return f"{task_type} {kind}" if task_type and task_type != kind else kind


def _done(value: str) -> bool:
    try:
        return values.flag(value)
    except ValueError:
        return False  # a status no list knows ("Waiting on someone else"): not done


def _body_text(body: str) -> str:
    """A notes or body cell as text (an HTML body made text)."""
    if body and ("<" in body and ">" in body):
        from ..html import html_to_text

        body = html_to_text(body)
    return body.strip()


def _text(subject: str, body: str) -> str:
    """The touch's text: the subject above the body (already made text) unless the body opens with it."""
    if subject and body and not body.startswith(subject):
        return f"{subject}\n\n{body}"
    return body or subject


def _names(columns) -> str:
    shown = [_one_line(c) for c in columns][:10]
    return ", ".join(shown) + (", ..." if len(columns) > 10 else "")


def _one_line(column) -> str:
    """A column name as an error line shows it: a line break inside a quoted header cell
    would split the one-line error in two."""
    return " ".join(str(column).split())
