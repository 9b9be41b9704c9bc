"""`genechem.memory.resident_bytes`: the process's own resident memory, fresh at every reading
(it keeps /proc/self/statm open between readings, so a stale or foreign reading would be a bug)."""

from __future__ import annotations

import os
import sys

import pytest

from genechem.memory import resident_bytes

MB = 2**20
pytestmark = pytest.mark.skipif(
    not os.path.exists("/proc/self/statm"), reason="needs /proc (Linux)"
)


def touched(size: int) -> bytearray:
    """`size` bytes really resident: one byte written on every page."""
    block = bytearray(size)
    block[:: os.sysconf("SC_PAGE_SIZE")] = b"\1" * len(range(0, size, os.sysconf("SC_PAGE_SIZE")))
    return block


def test_each_reading_sees_memory_taken_since_the_last() -> None:
    before = resident_bytes()
    block = touched(64 * MB)
    after = resident_bytes()
    assert before is not None
    assert after is not None
    assert after - before >= 48 * MB
    del block


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux", reason="needs fork")
def test_a_forked_child_reads_its_own_memory_not_its_parents() -> None:
    assert resident_bytes() is not None  # the parent's descriptor is open before the fork
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its growth, as its readings see it
        try:
            before = resident_bytes() or 0
            block = touched(64 * MB)
            grown = (resident_bytes() or 0) - before
            os.write(write_end, str(grown).encode())
            del block
        finally:
            os._exit(0)
    os.close(write_end)
    grown = int(os.read(read_end, 64) or b"0")
    os.close(read_end)
    os.waitpid(pid, 0)
    assert grown >= 48 * MB
