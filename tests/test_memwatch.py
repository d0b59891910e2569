"""The bench's peak memory is measured over the whole process tree at once (tertial/memwatch.py): a parent
and a worker holding memory at the same time are both counted, once each."""

import multiprocessing
import os
import time

from tertial.memwatch import TreePeak, tree_rss

MB = 2**20
WORKER_START = 60  # a spawned Python worker's own memory, generously


def _hold(mb: int, seconds: float) -> None:
    block = bytearray(mb * MB)
    for i in range(0, len(block), 4096):  # touch every page, so it is resident
        block[i] = 1
    time.sleep(seconds)


def _base() -> float:
    return tree_rss(os.getpid()) / MB


def test_parent_and_worker_at_once_are_summed():
    base = _base()
    with TreePeak(interval=0.05) as peak:
        block = bytearray(150 * MB)
        for i in range(0, len(block), 4096):
            block[i] = 1
        worker = multiprocessing.get_context("spawn").Process(target=_hold, args=(200, 1.0))
        worker.start()
        worker.join()
        del block
    assert peak.mb is not None
    assert base + 150 + 200 <= peak.mb < base + 150 + 200 + WORKER_START  # both at once, the watcher left out


def test_memory_freed_before_a_worker_starts_is_not_counted_twice():
    base = _base()
    with TreePeak(interval=0.05) as peak:
        _hold(150, 0.3)
        worker = multiprocessing.get_context("spawn").Process(target=_hold, args=(150, 1.0))
        worker.start()
        worker.join()
    assert peak.mb is not None and base + 150 <= peak.mb < base + 150 + WORKER_START
