from ..hookspecs import hookimpl
from ..rules.fl101_no_value_reason import NoValueReason


@hookimpl
def followlint_add_rules():
    return [NoValueReason]
