"""What a live RAM capture of a process finds: every readable mapping, searched for bytes.

Reading another process's memory through ``/proc/PID/mem`` needs ptrace rights over it;
Hushnote clears its dumpable flag, so only root (CAP_SYS_PTRACE) can read it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CHUNK = 32 * 1024 * 1024
# Kernel-provided pages that fail or mislead when read through /proc/PID/mem.
SKIPPED = {"[vvar]", "[vvar_vclock]", "[vsyscall]"}


@dataclass
class Scan:
    """Hits per pattern name, and how much memory was actually read."""

    hits: dict[str, int]
    bytes_read: int

    def found(self) -> dict[str, int]:
        return {name: count for name, count in self.hits.items() if count}


def readable_regions(pid: int) -> list[tuple[int, int]]:
    """(start, end) of every readable mapping of ``pid``."""
    regions = []
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        fields = line.split(maxsplit=5)
        start, end = (int(part, 16) for part in fields[0].split("-"))
        name = fields[5].strip() if len(fields) > 5 else ""
        if fields[1].startswith("r") and name not in SKIPPED:
            regions.append((start, end))
    return regions


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (children, grandchildren, …)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        # The command name is in parentheses and may hold spaces: split after it.
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def scan_memory(pid: int, patterns: Mapping[str, bytes]) -> Scan:
    """Count every occurrence of each pattern in the readable memory of ``pid``."""
    hits = dict.fromkeys(patterns, 0)
    overlap = max(len(pattern) for pattern in patterns.values()) - 1
    total = 0
    fd = os.open(f"/proc/{pid}/mem", os.O_RDONLY)
    try:
        for start, end in readable_regions(pid):
            for offset in range(start, end, CHUNK):
                size = min(CHUNK, end - offset)
                try:
                    data = os.pread(fd, size + min(overlap, end - offset - size), offset)
                except OSError:
                    break  # an unreadable region (a guard page, say): skip the rest of it
                total += min(len(data), size)
                for name, pattern in patterns.items():
                    # Count matches that start inside this chunk; the overlap is the next's.
                    position = data.find(pattern)
                    while 0 <= position < size:
                        hits[name] += 1
                        position = data.find(pattern, position + 1)
    finally:
        os.close(fd)
    return Scan(hits, total)


def scan_tree(pid: int, patterns: Mapping[str, bytes]) -> Scan:
    """``scan_memory`` over ``pid`` and every process below it, summed."""
    combined = scan_memory(pid, patterns)  # the app itself must be there to be read
    for child in descendants(pid):
        try:
            scan = scan_memory(child, patterns)
        except FileNotFoundError:
            continue  # a child that exited meanwhile holds nothing any more
        combined.bytes_read += scan.bytes_read
        for name, count in scan.hits.items():
            combined.hits[name] += count
    return combined
