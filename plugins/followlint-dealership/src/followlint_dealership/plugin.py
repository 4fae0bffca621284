"""The followlint hooks: the dealership vocabulary, its two new signal kinds and rule DL201."""
from __future__ import annotations

import followlint


@followlint.hookimpl
def followlint_add_vocabulary():
    from .vocabulary import VOCABULARY

    return VOCABULARY


@followlint.hookimpl
def followlint_add_kinds():
    from .vocabulary import KINDS

    return KINDS


@followlint.hookimpl
def followlint_add_rules():
    from .recall_sales_pitch import RecallSalesPitch

    return [RecallSalesPitch]
