"""The cyclic garbage collector, paused while objects that live as long as the process are made."""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def paused():
    """Start-up (the pipeline's modules, the plugins, the phrase index) makes tens of thousands
    of objects that hold no garbage: the collector would walk them again and again for nothing.
    It is paused while the block runs, then what the process holds is frozen out of its walks
    (``gc.freeze``) and it runs again as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
