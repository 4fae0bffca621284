"""followlint-dealership: what car-dealership follow-ups say, taught to followlint (see README.md)."""

__version__ = "0.1.0"
