"""Timeline state of one annotated conversation, read by the conversation rules.

In time order: the customer's issues and requests (opened, addressed by a later outbound touch
that refers to their subject, resolved by the customer), our commitments and the agreed times
for the next contact, with due dates resolved against the promising touch's own date.

``state`` holds the data, ``topics`` matches subjects, ``replies`` classifies our replies and
``build`` makes a timeline of a conversation.
"""
from .build import ITEM_READS, build, owned_promises
from .replies import addresses, goes_back_to, reports_back
from .state import Agreement, Item, Timeline, plain, reportable, sent_by_us
from .topics import on_topic, shared, span_topic

__all__ = [
    "Agreement", "ITEM_READS", "Item", "Timeline", "addresses", "build", "goes_back_to", "on_topic", "owned_promises", "plain",
    "reportable", "reports_back", "sent_by_us", "shared", "span_topic",
]
