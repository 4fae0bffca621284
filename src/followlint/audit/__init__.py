"""``followlint audit``: the nightly audit of IMAP mailboxes.

accounts (who to read, and their password sources) -> imap (a read-only session) ->
state (what was read before, in SQLite) -> run (fetch what is new, lint, remember).
"""
