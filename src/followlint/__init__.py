"""followlint: a linter for sales and customer-care follow-ups."""
from .hookspecs import hookimpl

__version__ = "0.1.0"
__all__ = ["hookimpl", "__version__"]
