"""Which files the CRM reader claims, apart from the code that reads them: a run with no export
among its inputs does not import that code (see ``followlint.builtin.readers``)."""
from ..base import Reader


class CrmClaim(Reader):
    name = "crm"
    suffixes = (".csv", ".tsv", ".json", ".jsonl", ".ndjson")
    directed = True
    sniff_when_walking = True
