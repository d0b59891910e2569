"""Worker processes that leave Ctrl-C to the main process.

Ctrl-C in a terminal goes to the whole process group, workers included. The main process handles it once
(tertial.cli rolls the run back); a worker must neither die with a traceback nor break the pool. A spawned
worker is a fresh Python, so an initializer comes too late: a Ctrl-C during its start (importing modules)
is a KeyboardInterrupt in the worker, and the pool breaks with an internal error. So the workers are started
with SIGINT ignored, which a new process keeps (an ignored signal stays ignored across exec, and Python then
leaves it so). Meanwhile the main process holds SIGINT blocked, not lost: on Linux a blocked signal stays
pending even while it is ignored, and it is delivered to the main process's own handler once the workers
have started (tests/test_fault_interrupts.py).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


@contextmanager
def _ctrl_c_held_back():
    if threading.current_thread() is not threading.main_thread():  # only the main thread sets handlers
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _nothing() -> None:
    return None


def process_pool(workers: int, warm=_nothing) -> ProcessPoolExecutor:
    """A pool of `workers` small fresh processes (spawned, not copies of this one), every one started now,
    with Ctrl-C ignored, each running `warm` once."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    with _ctrl_c_held_back():
        for _ in range(workers):  # a submit while no worker is idle starts one
            pool.submit(warm)
    return pool
