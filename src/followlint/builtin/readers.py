from ..hookspecs import hookimpl
from ..sources.drafts import DraftReader
from ..sources.mail import EmlReader, MaildirReader, MboxReader


@hookimpl
def followlint_add_readers():
    return [DraftReader(), EmlReader(), MboxReader(), MaildirReader()]
