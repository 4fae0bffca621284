"""An inline suppression for one finding, written in its file type's comment syntax, so the
directive stays out of the message the customer receives (sources/templates.py reads them)."""
from __future__ import annotations

import os

from ..sources.drafts import TEMPLATE_SUFFIXES

REASON_PLACEHOLDER = "TODO: say why this is fine"
# suffix -> (opener, closer); a plain text draft takes the bare directive on a line of its own.
COMMENT_SYNTAX = {
    ".html": ("<!-- ", " -->"),
    ".htm": ("<!-- ", " -->"),
    ".md": ("<!-- ", " -->"),
    ".markdown": ("<!-- ", " -->"),
    ".j2": ("{# ", " #}"),
    ".jinja": ("{# ", " #}"),
    ".jinja2": ("{# ", " #}"),
    ".hbs": ("{{! ", " }}"),
    ".mustache": ("{{! ", " }}"),
    ".liquid": ("{% comment %} ", " {% endcomment %}"),
    ".tmpl": ("{{/* ", " */}}"),
}


def comment_syntax(name: str) -> tuple[str, str]:
    suffix = os.path.splitext(name)[1].lower()
    if suffix in COMMENT_SYNTAX:
        return COMMENT_SYNTAX[suffix]
    if suffix in TEMPLATE_SUFFIXES:
        return "{# ", " #}"
    return "", ""


def suppression_line(name: str, code: str, indent: str = "", reason: str = REASON_PLACEHOLDER) -> str:
    """The line to put above a finding's line: ``disable-next-line`` covers that line only."""
    opener, closer = comment_syntax(name)
    return f"{indent}{opener}followlint: disable-next-line={code} -- {reason}{closer}\n"
