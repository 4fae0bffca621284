"""The cyclic garbage collector: paused while objects that live as long as the process are made,
and off while linting, which allocates millions of objects and few reference cycles."""
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


_starting = False  # paused by ``start_up`` until the command begins


@contextlib.contextmanager
def start_up():
    """The process's own start-up (importing the command line and Typer, Typer reading the
    arguments, pydantic imported on the way): paused as in ``paused``, until the command begins
    (``begun``) or the block ends. Some 60 collections walked these modules' objects for nothing
    (8-10 ms of a one-draft check)."""
    global _starting
    if _starting or not gc.isenabled():
        yield
        return
    gc.disable()
    _starting = True
    try:
        yield
    finally:
        begun()


def begun() -> None:
    """A command begins: what start-up made is frozen out of the collector's walks, and it runs
    again as before (no-op unless ``start_up`` paused it)."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def quiet():
    """Linting (``check``, an audit) with the automatic collector off (``quieten``), switched
    back on after if it was on."""
    enabled = gc.isenabled()
    quieten()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def quieten() -> None:
    """The automatic cyclic collector walked linting's objects again and again (a fifth of the
    signal stage, and more the bigger a message; 0.15-0.2 s of a 10,000-message audit). It is
    switched off, what the process holds (rules, the phrase index when preloaded, what a forked
    worker copied) is frozen out of its walks, and the cycles readers leave are freed once per
    batch or unit (``free_cycles``). Also a worker pool's initializer."""
    gc.freeze()
    gc.disable()


FULL_EVERY = 8  # free_cycles: one pass in so many walks all that outlived the ones before
_young_passes = 0


def free_cycles(generation: int = 2) -> None:
    """Free the reference cycles readers leave (the email parser, one per message) when the
    automatic collector is off. They are among what was made since the call before, which a
    pass of the two young generations walks; only one call in FULL_EVERY walks everything
    since start-up as well (the results so far, caches), for a cycle that outlived a pass
    (the 31 full passes of a --jobs 1 check of enron-8k took 0.33 s and freed nothing)."""
    global _young_passes
    if gc.isenabled():
        return
    if generation == 2:
        _young_passes += 1
        if _young_passes < FULL_EVERY:
            generation = 1
        else:
            _young_passes = 0
    gc.collect(generation)
