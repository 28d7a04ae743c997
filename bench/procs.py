"""Process measurement helpers for the benchmark: wall time + peak RSS of a child, CPU ticks, sizes.
Owns only these primitives (GNU time, Linux /proc); knows nothing about chmon or newsboat.
"""

import os
import subprocess
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
TIME = "/usr/bin/time"


class Measured:
    def __init__(self, wall_s, maxrss_kb, rc, cpu_s=None):
        self.wall_s = wall_s
        self.maxrss_kb = maxrss_kb
        self.rc = rc
        self.cpu_s = cpu_s


def run_measured(argv, env, cwd, log_prefix):
    """Runs argv to completion under GNU time; wall seconds (spawn to reap, measured here), the
    CPU seconds (user + sys, %U + %S: what the program used of all cores, steadier than wall
    time on a busy machine) and the peak RSS in KB that GNU time reports (%M). stdout/stderr go to log_prefix + '.out' / '.err'.
    GNU time is the parent because the kernel charges a child's ru_maxrss with the RSS of the
    process that forked it, up to the exec: from this Python harness that would add its own size."""
    rss_file = log_prefix + ".rss"
    argv = [TIME, "-f", "%U %S %M", "-o", rss_file] + argv
    with open(log_prefix + ".out", "wb") as out, open(log_prefix + ".err", "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.run(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        wall = time.perf_counter() - t0
    return Measured(wall, read_int(rss_file), proc.returncode, read_cpu(rss_file))


def tail(path, limit=400):
    try:
        with open(path, "rb") as f:
            return f.read()[-limit:].decode("utf-8", "replace").strip()
    except OSError:
        return ""


def children(pid):
    """Direct children of pid (from /proc/PID/task/PID/children)."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def cpu_ticks(pid):
    """utime + stime of pid in clock ticks (fields 14 and 15 of /proc/PID/stat)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def idle_cpu_percent(pid, seconds):
    """CPU used by pid over `seconds` of wall time, in percent of one core."""
    t0, c0 = time.perf_counter(), cpu_ticks(pid)
    time.sleep(seconds)
    t1, c1 = time.perf_counter(), cpu_ticks(pid)
    return 100.0 * (c1 - c0) / CLK_TCK / (t1 - t0)


def read_cpu(path):
    """User + system seconds from a GNU time -f "%U %S %M" file, or None."""
    try:
        with open(path) as f:
            words = f.read().split()
        return float(words[-3]) + float(words[-2]) if len(words) >= 3 else None
    except (OSError, ValueError):
        return None


def read_int(path):
    """The last integer in a file (GNU time -o output), or None."""
    try:
        with open(path) as f:
            words = f.read().split()
        return int(words[-1]) if words else None
    except (OSError, ValueError):
        return None
