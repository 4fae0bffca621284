"""Mail and CRM words: subject prefixes, sign-offs, role mailboxes, the call words of CRM tasks."""

WORDS: dict[str, list[str]] = {
    # Mail clients write these in their user's language, so an English mailbox receives them
    # all: German AW/WG, Scandinavian SV, Finnish VS, Italian RIF, Dutch Antw, French TR.
    "subject_prefix/reply": ["re", "aw", "sv", "vs", "rif", "antw"],
    "subject_prefix/forward": ["fw", "fwd", "wg", "tr"],
    "subject_separator": [":"],
    "signoff": [
        "thanks", "thank you", "thanks again", "many thanks", "thanks so much", "thank you so much",
        "best", "best regards", "kind regards", "warm regards", "warmest regards", "regards",
        "cheers", "sincerely", "talk soon", "speak soon", "all the best", "best wishes", "warmly",
        "thx", "ta", "yours", "yours truly", "yours sincerely", "with thanks", "take care",
        "respectfully", "many thanks again", "have a great day", "have a good day", "br", "rgds",
        "drive safely", "stay safe", "safe travels", "happy travels", "happy learning", "see you soon",
        "have a great week", "have a good week", "have a great weekend", "have a good weekend",
        "have a lovely day", "until next time", "fair winds", "enjoy",
        # Informal closings of small businesses that write like friends ("xx Jade").
        "x", "xx", "xxx", "xo", "xoxo", "love", "lots of love", "with love", "hugs",
    ],
    "not_a_name": [
        "yes", "no", "ok", "okay", "sure", "thanks", "hi", "hello", "hey", "great", "perfect", "done",
        "agreed", "noted", "cheers", "best", "regards", "nope", "yep", "yeah", "fine", "good", "cool",
    ],
    "role_mailbox": [
        "support", "info", "sales", "frontdesk", "front", "desk", "office", "help", "service",
        "billing", "accounts", "hello", "team", "admin", "contact", "noreply", "reply", "mail",
    ],
    # Mail clients name folders in their user's language, so an English mailbox holds them all.
    "mail_folder/sent": [
        "sent", "sent items", "sent mail", "sent messages", "sent email", "outgoing", "gesendet",
        "gesendete elemente", "gesendete objekte", "envoyés", "éléments envoyés", "enviados",
        "elementos enviados", "posta inviata", "verzonden items", "skickat",
    ],
    "mail_folder/other": [
        "inbox", "drafts", "outbox", "trash", "deleted items", "deleted messages", "junk", "junk email",
        "junk e mail", "spam", "archive", "all mail", "all documents", "notes inbox", "discussion threads",
    ],
    "automated_sender": ["mailerdaemon", "postmaster", "noreply", "donotreply", "bounce"],
    "freemail_domain": [
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
        "icloud.com", "aol.com", "gmx.com", "gmx.de", "proton.me", "protonmail.com", "mail.com",
    ],
    "crm_call_activity": ["call", "phone"],
    "crm_call_verb": ["call", "ring", "phone", "callback"],
}
