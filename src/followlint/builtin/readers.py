from ..hookspecs import hookimpl
from ..model import UsageError
from ..sources.crm.claim import CrmClaim
from ..sources.drafts import DraftReader
from ..sources.mail import EmlReader, MaildirReader, MboxReader

_crm = {"layout": "", "columns": None}


@hookimpl
def followlint_configure(settings):
    """``--crm NAME`` and the ``[tool.followlint.crm]`` table: ``layout`` and ``columns``."""
    table = settings.plugin_table("crm")
    unknown = set(table) - {"layout", "columns"}
    where = f"{settings.config_file}: [crm]"
    if unknown:
        raise UsageError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: layout, columns)")
    columns = table.get("columns")
    if columns is not None and not isinstance(columns, dict):
        raise UsageError(f"{where}: 'columns' must be a table of field = \"column name\"")
    _crm["layout"] = settings.crm or str(table.get("layout", ""))
    _crm["columns"] = columns
    if _crm["layout"] or columns is not None:  # else nothing to check, and nothing to import yet
        try:
            LazyCrmReader(_crm["layout"], columns).reader()
        except ValueError as exc:
            raise UsageError(f"{'--crm' if settings.crm else where}: {exc}") from None


class LazyCrmReader(CrmClaim):
    """The CRM reader, imported and configured when a file is first offered to it."""

    def __init__(self, layout: str, columns: dict | None):
        self._settings = (layout, columns)
        self._reader = None

    def reader(self):
        if self._reader is None:
            from ..sources.crm.reader import CrmReader

            reader = CrmReader()
            reader.configure(*self._settings)
            self._reader = reader
        return self._reader

    def sniff(self, path, head):
        return self.reader().sniff(path, head)

    def read(self, unit, ctx):
        return self.reader().read(unit, ctx)

    def groups(self, unit, ctx):
        return self.reader().groups(unit, ctx)


@hookimpl
def followlint_add_readers():
    return [DraftReader(), EmlReader(), MboxReader(), MaildirReader(), LazyCrmReader(_crm["layout"], _crm["columns"])]
