"""The built-in reporters. A run writes one format, so each is imported when it first renders."""
from importlib import import_module

from ..hookspecs import hookimpl
from ..reporters.base import Reporter

# --format name -> its class, in the module of the same name under followlint.reporters
CLASSES = {"text": "TextReporter", "json": "JsonReporter", "sarif": "SarifReporter", "github": "GithubReporter",
           "junit": "JunitReporter", "html": "HtmlReporter"}


class LazyReporter(Reporter):
    def __init__(self, name: str):
        self.name = name
        self._reporter = None

    def reporter(self) -> Reporter:
        if self._reporter is None:
            module = import_module(f"followlint.reporters.{self.name}")
            self._reporter = getattr(module, CLASSES[self.name])()
        return self._reporter

    def render(self, report, out, options) -> None:
        self.reporter().render(report, out, options)

    @property
    def description(self) -> str:
        return self.reporter().description


@hookimpl
def followlint_add_reporters():
    return [LazyReporter(name) for name in CLASSES]
