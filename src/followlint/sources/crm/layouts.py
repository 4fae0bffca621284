"""Which columns hold what, CRM by CRM. A layout maps each field the reader needs to the
column names that may hold it (UI exports, API objects flattened to dotted names); the first
non-empty one in a row wins. Names compare without case, spaces or punctuation."""
from __future__ import annotations

from dataclasses import dataclass, field

from .table import normalise

# What each field is, for error messages.
FIELDS = {
    "id": "the activity id", "type": "the activity type", "task_type": "the task type", "time": "the activity date",
    "due": "the due date", "due_time": "the due time", "created": "the creation date",
    "completed": "the completion date", "status": "the status", "direction": "the direction",
    "outcome": "the call outcome", "duration": "the duration", "subject": "the subject",
    "body": "the notes or body", "contact": "the contact", "contact_email": "the contact's email",
    "owner": "the owner (rep)", "owner_email": "the owner's email", "from": "the sender",
    "to": "the recipient",
}
# Alternatives a layout cannot do without: a date of some kind. Who an activity is about may be
# missing altogether (the reader then takes the file for one contact's activities).
REQUIRED = (("time", "due", "created"),)
CONTACT_FIELDS = ("contact", "contact_email", "from", "to")


@dataclass(frozen=True)
class Layout:
    name: str
    columns: dict[str, tuple[str, ...]]
    marks: tuple[str, ...] = ()  # columns that tell this CRM's exports from others'
    time_unit: str = ""  # bare numbers in date cells: "ms", "s", "excel" ("" guesses)
    units: dict[str, str] = field(default_factory=dict)  # duration column -> unit ("ms", "s", "min", "hh:mm")
    task_time_is_due: bool = False  # a task's activity date is when it falls due (HubSpot)
    due_time_zone: str = ""  # zone of a separate due-time column ("UTC" for Pipedrive)
    default_kind: str = ""  # when no type column says (Zoho Calls, Salesforce EmailMessage)
    kind_marks: tuple[tuple[str, str], ...] = ()  # (column present in the row, kind) when no type

    def score(self, header: set[str]) -> int:
        return sum(1 for mark in self.marks if normalise(mark) in header)


HUBSPOT = Layout(
    "hubspot",
    {
        "id": ("Activity ID", "Record ID", "hs_object_id", "engagement.id", "id"),
        "type": ("Activity type", "engagement.type", "Type"),
        "task_type": ("Task type", "hs_task_type", "metadata.taskType"),
        "time": ("Activity date", "hs_timestamp", "engagement.timestamp", "Date"),
        "created": ("Create date", "Created date", "hs_createdate", "engagement.createdAt", "createdAt"),
        "status": ("Task status", "hs_task_status", "metadata.status"),
        "direction": ("Call direction", "Email direction", "hs_call_direction", "hs_email_direction", "engagement.type"),
        "outcome": ("Call outcome", "hs_call_disposition", "metadata.disposition", "hs_call_status"),
        "duration": ("Call duration", "hs_call_duration", "metadata.durationMilliseconds", "Call duration (HH:mm:ss)"),
        "subject": ("Email subject", "Task title", "Call title", "Meeting name", "hs_email_subject", "hs_task_subject",
                    "hs_call_title", "hs_meeting_title", "metadata.subject", "metadata.title", "Subject"),
        "body": ("Call notes", "Email body", "Note body", "Task notes", "Meeting description", "Notes",
                 "hs_call_body", "hs_email_text", "hs_email_html", "hs_note_body", "hs_task_body", "hs_meeting_body",
                 "metadata.body", "metadata.text", "metadata.html",
                 # the activity's shortened text, when an export carries nothing fuller
                 "Body preview", "hs_body_preview", "engagement.bodyPreview"),
        # hs_call_callee_object_id: the record a call was with (the callee of an outbound call,
        # the caller of an inbound one), as calls exported by their API properties name it.
        "contact": ("Associated contact", "Associated contacts", "Contact", "associations.contacts.results.0.id",
                    "associations.contactIds.0", "hs_call_callee_object_id"),
        # not hs_email_to_email: on an incoming email that is our own address ("from"/"to" by direction)
        "contact_email": ("Associated contact email", "Contact email"),
        "owner": ("Activity assigned to", "Assigned to", "Activity owner", "HubSpot owner", "Created by",
                  "hubspot_owner_id", "engagement.ownerId", "ownerId"),
        "owner_email": ("Activity assigned to email", "Owner email", "hs_email_from_email"),
        "from": ("hs_email_from_email", "metadata.from.email"),
        "to": ("hs_email_to_email", "metadata.to.0.email"),
    },
    marks=("Activity date", "Activity type", "Associated contact", "Call outcome", "hs_timestamp", "hs_call_direction",
           "hs_email_direction", "hs_task_status", "hs_note_body", "hs_call_body", "engagement.type", "engagement.timestamp"),
    units={"callduration": "ms", "hscallduration": "ms", "metadatadurationmilliseconds": "ms"},
    time_unit="ms",
    task_time_is_due=True,
    # Without a type column (the UI's export of one activity kind: "Call direction", "Call
    # notes"...), the columns a row fills say what it is.
    kind_marks=(("hs_call_direction", "call"), ("hs_call_body", "call"), ("hs_email_direction", "email"),
                ("hs_task_status", "task"), ("hs_meeting_title", "meeting"), ("hs_note_body", "note"),
                ("Call direction", "call"), ("Call outcome", "call"), ("Call notes", "call"),
                ("Call duration (HH:mm:ss)", "call"), ("Email direction", "email"), ("Task status", "task"),
                ("Meeting name", "meeting"), ("Note body", "note")),
)

SALESFORCE = Layout(
    "salesforce",
    {
        "id": ("Id", "Activity ID", "Task ID", "Event ID"),
        "type": ("TaskSubtype", "EventSubtype", "Task Subtype", "Type", "attributes.type"),
        "task_type": ("Type",),
        "time": ("CompletedDateTime", "MessageDate", "StartDateTime", "Start", "Date"),
        "due": ("ActivityDate", "Due Date"),
        "created": ("CreatedDate", "Created Date"),
        "completed": ("CompletedDateTime", "Completed Date/Time"),
        "status": ("Status", "IsClosed"),
        "direction": ("CallType", "Call Type", "Incoming"),
        "outcome": ("CallDisposition", "Call Result"),
        "duration": ("CallDurationInSeconds", "Call Duration", "DurationInMinutes"),
        "subject": ("Subject",),
        "body": ("Description", "Comments", "TextBody", "HtmlBody", "Full Comments"),
        "contact": ("WhoId", "Who.Name", "Name", "Contact", "ContactId", "RelatedToId", "WhatId"),
        "contact_email": ("Who.Email", "Email"),
        "owner": ("OwnerId", "Owner.Name", "Assigned", "Assigned To", "CreatedById", "Owner"),
        "owner_email": ("Owner.Email",),
        "from": ("FromAddress",),
        "to": ("ToAddress",),
    },
    marks=("WhoId", "TaskSubtype", "ActivityDate", "CallDurationInSeconds", "CallDisposition", "CallType", "IsClosed",
           "MessageDate", "StartDateTime", "ReplyToEmailMessageId", "OwnerId", "FromAddress", "attributes.type"),
    units={"durationinminutes": "min"},
    kind_marks=(("MessageDate", "email"), ("StartDateTime", "meeting"), ("ActivityDate", "task")),
)

PIPEDRIVE = Layout(
    "pipedrive",
    {
        "id": ("Activity - ID", "id"),
        "type": ("Activity - Type", "type"),
        "time": ("Activity - Marked as done time", "marked_as_done_time"),
        "due": ("Activity - Due date", "due_date"),
        "due_time": ("Activity - Due time", "due_time"),
        "created": ("Activity - Add time", "add_time"),
        "status": ("Activity - Done", "done"),
        "duration": ("Activity - Duration", "duration"),
        "subject": ("Activity - Subject", "subject"),
        "body": ("Activity - Note", "note", "public_description"),
        "contact": ("Activity - Person", "Person - Name", "person_name", "person_id", "Activity - Contact person"),
        "contact_email": ("Person - Email", "Activity - Person email"),
        "owner": ("Activity - Assigned to user", "Activity - User", "owner_name", "user_id", "assigned_to_user_id"),
    },
    marks=("Activity - Subject", "Activity - Type", "Activity - Due date", "Activity - Done", "Activity - Assigned to user",
           "Activity - Note", "due_date", "marked_as_done_time"),
    time_unit="excel",
    units={"activityduration": "hh:mm", "duration": "hh:mm"},
    due_time_zone="UTC",
)

ZOHO = Layout(
    "zoho",
    {
        "id": ("Record Id", "Id", "Call Id", "Task Id"),
        "type": ("Activity Type", "$se_module"),
        "time": ("Call_Start_Time", "Call Start Time", "Closed_Time", "Closed Time"),
        "due": ("Due_Date", "Due Date"),
        "created": ("Created_Time", "Created Time"),
        "completed": ("Closed_Time", "Closed Time"),
        "status": ("Status",),
        "direction": ("Call_Type", "Call Type"),
        "outcome": ("Call_Result", "Call Result", "Call_Status"),
        "duration": ("Call_Duration", "Call Duration", "Call_Duration_in_seconds"),
        "subject": ("Subject",),
        "body": ("Description", "Call_Agenda"),
        "contact": ("Who_Id.name", "Who_Id.id", "Who_Id", "Contact Name", "Contact_Name", "What_Id.name", "Related To"),
        "contact_email": ("Who_Id.email", "Contact Email"),
        "owner": ("Owner.name", "Owner", "Call Owner", "Task Owner", "Owner.id"),
        "owner_email": ("Owner.email",),
    },
    # The API's own names ("$se_module", "Who_Id.name") tell Zoho from Salesforce, whose
    # CallType, CallDurationInSeconds and OwnerId normalise like Zoho's Call_Type, ...
    marks=("Call_Type", "Call_Start_Time", "Call_Duration", "Call_Result", "Who_Id", "Due_Date", "Closed_Time",
           "Call Owner", "Task Owner", "Contact Name", "$se_module", "Who_Id.name", "Call_Purpose", "Call Purpose"),
    units={"calldurationinseconds": "s"},
    kind_marks=(("Call_Start_Time", "call"), ("Call_Type", "call"), ("Due_Date", "task")),
)

BUILTIN = (HUBSPOT, SALESFORCE, PIPEDRIVE, ZOHO)


def generic(columns: dict[str, str | list[str]]) -> Layout:
    """The layout a config declares: ``[tool.followlint.crm.columns]`` field = column name(s)."""
    mapped = {}
    for key, names in columns.items():
        field_name = key.replace("-", "_")
        if field_name not in FIELDS:
            raise ValueError(f"unknown field {key!r} (fields: {', '.join(sorted(FIELDS))})")
        names = [names] if isinstance(names, str) else list(names)
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise ValueError(f"field {key!r} must name a column (a string or a list of strings)")
        mapped[field_name] = tuple(names)
    # A duration column says its unit in its name or not at all ("Minutes", "Duration (ms)").
    units = {normalise(n): _unit_of(n) for n in mapped.get("duration", ()) if _unit_of(n)}
    return Layout("generic", mapped, units=units)


def _unit_of(column: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in column.lower()).split()
    for unit, names in (("ms", ("ms", "millis", "milliseconds")), ("min", ("min", "mins", "minutes")),
                        ("hh:mm", ("hh",)), ("s", ("s", "sec", "secs", "seconds"))):
        if any(w in names for w in words):
            return unit
    return ""
