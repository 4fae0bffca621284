"""followlint-phrasebook: team phrase rules from YAML files (see README.md)."""

__version__ = "0.1.0"
