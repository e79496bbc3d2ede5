"""A time budget for one page's extraction: pages are written by strangers."""

import signal
import threading
from contextlib import contextmanager


class ExtractionTooSlow(Exception):
    """A page's extraction ran past its time budget (:func:`time_budget`)."""


@contextmanager
def time_budget(seconds: float | None):
    """Interrupt the block with :class:`ExtractionTooSlow` after ``seconds`` (None or 0: never).

    Pages are written by strangers; a few are built, by accident or not, to make parsers and
    extractors run for minutes. A timer signal interrupts the Python code between two steps,
    so it works in the extraction workers and in any process's main thread; elsewhere (signals
    reach the main thread only) the block runs without a budget.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise ExtractionTooSlow(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
