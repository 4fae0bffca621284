from ..hookspecs import hookimpl
from ..model import UsageError
from ..sources.crm.reader import CrmReader
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
    try:
        CrmReader().configure(_crm["layout"], columns)
    except ValueError as exc:
        raise UsageError(f"{'--crm' if settings.crm else where}: {exc}") from None


@hookimpl
def followlint_add_readers():
    crm = CrmReader()
    crm.configure(_crm["layout"], _crm["columns"])
    return [DraftReader(), EmlReader(), MboxReader(), MaildirReader(), crm]
