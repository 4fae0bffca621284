from ..hookspecs import hookimpl
from ..reporters.github import GithubReporter
from ..reporters.html import HtmlReporter
from ..reporters.json import JsonReporter
from ..reporters.junit import JunitReporter
from ..reporters.sarif import SarifReporter
from ..reporters.text import TextReporter


@hookimpl
def followlint_add_reporters():
    return [TextReporter(), JsonReporter(), SarifReporter(), GithubReporter(), JunitReporter(), HtmlReporter()]
