"""Peak memory of the running process, for the benchmark workers.

`ru_maxrss` is inherited across fork and kept across exec (getrusage(2)): a worker started by a driver that had
already loaded torch reports the driver's peak, not its own. The kernel's VmHWM (high-water mark of resident
memory) starts afresh at exec, so it is read instead where /proc exists.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
