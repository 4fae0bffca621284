"""What a reporter is: a ``--format`` name and a function from a Report to text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO


@dataclass
class RenderOptions:
    color: bool = False
    statistics: bool = False
    quiet: bool = False


class Reporter:
    name = "reporter"
    description = ""

    def render(self, report, out: TextIO, options: RenderOptions) -> None:
        raise NotImplementedError
