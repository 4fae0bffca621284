"""What a CRM activity is, from its type, direction, outcome and status cells.

CRM exports name these in English with small variations ("Left voicemail", "LEFT_VOICEMAIL",
"No Answer", "INCOMING_EMAIL"); matching is by words, case-insensitive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Direction

# Activity types, by a word their type cell contains.
KINDS = (
    ("voicemail", "voicemail"), ("voice mail", "voicemail"),
    ("call", "call"), ("phone", "call"),
    ("email", "email"), ("e-mail", "email"), ("mail", "email"),
    ("meeting", "meeting"), ("event", "meeting"), ("appointment", "meeting"), ("lunch", "meeting"),
    ("task", "task"), ("to-do", "task"), ("todo", "task"), ("to do", "task"), ("follow", "task"), ("deadline", "task"),
    ("note", "note"), ("comment", "note"),
    ("sms", "message"), ("text", "message"), ("whatsapp", "message"), ("chat", "message"), ("linkedin", "message"),
)
# Call outcomes: a message left for the customer, or nothing reached them at all.
VOICEMAIL = ("voicemail", "voice mail", "left message", "left live message", "left_live_message", "vm")
NOT_REACHED = ("no answer", "no_answer", "noanswer", "busy", "wrong number", "wrong_number", "not reached",
               "no response", "unreachable", "failed", "canceled", "cancelled", "disconnected", "missed",
               "not connected", "invalid number", "hung up")
# "left a VM", "Left another voicemail", "2nd VM", "voicemail left", "LVM", "VM: calling about...".
LEFT_MESSAGE_RE = re.compile(
    r"\b(?:left (?:a |an |another )?(?:voice ?mail|vm|message|msg)|(?:\d(?:st|nd|rd|th)|second|third|another) "
    r"(?:voice ?mail|vm)|(?:voice ?mail|vm|message) left|lvm)\b|\bvm:", re.I)
# Where a sentence of a note opens: its start, after a full stop, or a new line.
OPENS = r"(?:^|[.!?;]\s{1,5}|\n\s{0,20})"
# A call's note that opens by saying it reached nobody, where the export has no outcome ("No
# answer. VM: calling about the quote", "Straight to voicemail. Asked for a decision").
NOT_REACHED_NOTE_RE = re.compile(
    r"^\s{0,20}(?:no answer|no reply|no pick ?up|didn't pick up|did not pick up|not picked up|unanswered|rang out|"
    r"(?:went |straight )to (?:voice ?mail|vm|answerphone)|engaged|busy)\b", re.I)
# A note that logs a call: the customer's when it opens with a name, a title or "customer"
# ringing ("Mrs Pennington called, upset: ...", "Customer rang re the invoice"); ours when one
# of its sentences opens with the verb ("Called Mrs Pennington to explain", "Spoke w/ Rosa").
CALL_NOTE_OURS_RE = re.compile(OPENS + r"(?:called|rang|phoned|spoke (?:with|to|w/)|talked (?:with|to))\b", re.I)
# ... and a note or done task that logs our email or text ("Emailed Ruth: the trolley is 72cm wide",
# "Replied: the charge is in clause 9").
MAIL_NOTE_OURS_RE = re.compile(
    OPENS + r"(?:(?i:e-?mailed|texted|messaged|replied)\b|(?i:sent) (?:(?i:him|her|them)\b|[A-Z][a-z]{1,30}\b))")
# ... and one that logs a voicemail we left ("LVM for Mr Ferrante", "Third VM: touching base").
VOICEMAIL_NOTE_RE = re.compile(
    r"(?:(?:first|second|third|fourth|another|\d(?:st|nd|rd|th))\s+)?(?:lvm|vm|left (?:a |an |another )?(?:vm|voice ?mail|message))\b", re.I)
# ... and one that logs a call of ours by its name ("Courtesy call to Mr Ogunleye", "Call with Jo").
CALL_TO_RE = re.compile(
    OPENS + r"(?:[A-Za-z]+[ -]){0,2}(?i:call) (?i:to|with) (?:(?i:mr|mrs|ms|miss|dr)\b|[A-Z])")
# A logged email, message or call that is the customer's ("Email from Mrs Quinn confirming...",
# "Call from Mr Ogunleye").
MAIL_THEIRS_RE = re.compile(r"(?i:e-?mail|reply|message|text|sms|letter|note) (?i:from) (?!us\b|our\b|me\b)")
CALL_FROM_RE = re.compile(r"(?i:(?:phone |inbound )?call) (?i:from) (?!us\b|our\b|me\b)")
# ... and one that logs the customer's call, email or text by its verb ("Mrs Brandon rang
# complaining", "Mrs Jarvis emailed complaining").
CALL_NOTE_THEIRS_RE = re.compile(
    r"(?:(?:mr|mrs|ms|miss|dr)\.? )?(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}|(?i:the )?(?i:customer|client|cust))"
    r" (?:(?P<call>called|rang|phoned)|e-?mailed|texted|messaged|wrote)(?: (?:in|us|me|back))?\b")
# HubSpot stores the standard call outcomes as fixed ids.
HUBSPOT_OUTCOMES = {
    "f240bbac-87c9-4f6e-bf70-924b57d47db7": "connected",
    "73a0d17f-1163-4015-bdd5-ec830791da20": "no answer",
    "b2cf5968-551e-4856-9783-52b3da59a7d0": "left voicemail",
    "a4c4c377-d246-4b32-a13b-75a56a4cd0ff": "left live message",
    "9d9162e7-6cf3-4944-bf63-4dff82258764": "busy",
    "17b47fee-58de-441e-a44c-c6300d46f273": "wrong number",
}


@dataclass(slots=True)
class Activity:
    kind: str  # call, voicemail, attempt, email, meeting, task, note, message
    direction: Direction
    done: bool | None = None  # for tasks


def kind_of(type_cell: str, default: str = "note") -> str:
    text = type_cell.strip().lower().replace("_", " ")
    for word, kind in KINDS:
        if word in text:
            return kind
    return default


def direction_of(cell: str, column: str = "") -> Direction | None:
    text = cell.strip().lower().replace("_", " ")
    if not text:
        return None
    if column.lower() == "incoming":  # Salesforce EmailMessage: Incoming true/false
        return Direction.INBOUND if text in ("true", "1", "yes") else Direction.OUTBOUND
    words = set(text.split())
    if words & {"inbound", "incoming", "received", "in"} or text.startswith("incoming"):
        return Direction.INBOUND
    if words & {"outbound", "outgoing", "sent", "out", "email", "forwarded"}:
        return Direction.OUTBOUND
    if "missed" in words:
        return Direction.INBOUND
    return None


def missed(direction_cell: str) -> bool:
    """A missed call (Zoho's call type): the customer rang and nobody answered."""
    return "missed" in direction_cell.lower()


def outcome_of(cell: str) -> str:
    """"voicemail", "not reached" or "" (reached, or nothing said)."""
    text = HUBSPOT_OUTCOMES.get(cell.strip().lower(), cell).strip().lower().replace("_", " ")
    if not text:
        return ""
    padded = f" {text} "
    if any(f" {w} " in padded or (len(w) > 3 and w in text) for w in VOICEMAIL):
        return "voicemail"
    if any(w.replace("_", " ") in text for w in NOT_REACHED):
        return "not reached"
    return ""


def reached_nobody(note: str) -> bool:
    """Does the rep's note of a call open by saying nobody answered?"""
    return NOT_REACHED_NOTE_RE.match(note) is not None


def left_voicemail(note: str) -> bool:
    """The rep's note says a message was left ("No answer, left a VM asking her to call back",
    "Left another voicemail")."""
    return LEFT_MESSAGE_RE.search(note) is not None


def said_in_note(kind: str, done: bool | None, note: str) -> tuple[str, Direction | None]:
    """What a record the export gives no direction says of itself in its note, as (kind,
    direction): a note or done task that logs a call or a message ("Called Mrs P to explain",
    "Emailed Ruth: it fits", "LVM for Mr F") is that contact; an email or a call the customer
    made says so ("Email from Mrs Quinn...", "Mrs Brandon rang complaining..."). The direction
    stays None when the note says nothing of it."""
    text = note.lstrip()
    theirs = CALL_NOTE_THEIRS_RE.match(text)
    if kind == "note" or (kind == "task" and done):
        if theirs:
            return ("call" if theirs.group("call") else "email"), Direction.INBOUND
        if CALL_FROM_RE.match(text):
            return "call", Direction.INBOUND
        if CALL_TO_RE.search(text):  # "Courtesy call to Mr O - ... Left message.": what it reached
            return ("voicemail" if LEFT_MESSAGE_RE.search(text) else "call"), Direction.OUTBOUND
        if CALL_NOTE_OURS_RE.search(text):
            return "call", Direction.OUTBOUND
        if MAIL_NOTE_OURS_RE.search(text):
            return "email", Direction.OUTBOUND
        if VOICEMAIL_NOTE_RE.match(text):
            return "voicemail", Direction.OUTBOUND
    elif theirs and (kind == "call") == bool(theirs.group("call")) and kind in ("call", "email", "message"):
        return kind, Direction.INBOUND  # "Mrs Brandon rang...", "Dana emailed: please ignore..."
    elif kind in ("email", "message") and MAIL_THEIRS_RE.match(text):
        return kind, Direction.INBOUND
    return kind, None


def classify(kind: str, direction: Direction | None, outcome: str, done: bool | None, scheduled: bool) -> Activity:
    """Where the activity sits in the conversation.

    A call that reached the customer, an email, a meeting or a message is a touch in its
    direction (ours when the export does not say). A voicemail reached them as our message.
    A call that reached nobody, a note and an open task are our own records (internal):
    the customer heard nothing. A completed task is a record of work done, also internal.
    A call or meeting not yet done but scheduled is an open task to make it.
    """
    if kind == "task" or (done is False and scheduled and kind != "note"):
        return Activity("task", Direction.INTERNAL, done if done is not None else False)
    if kind == "note":
        return Activity("note", Direction.INTERNAL)
    if kind in ("call", "voicemail"):
        if outcome == "not reached":  # a customer's missed call still says they tried to reach us
            return Activity("attempt", Direction.INBOUND if direction is Direction.INBOUND else Direction.INTERNAL)
        if outcome == "voicemail" or kind == "voicemail":
            return Activity("voicemail", direction or Direction.OUTBOUND)
    return Activity(kind, direction or Direction.OUTBOUND)
