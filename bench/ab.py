#!/usr/bin/env python3
"""A/B timing of two chmon binaries on one local feed: `chmon refresh` into a fresh data
directory, the two binaries alternating (the order swapped every round, so a shared machine's
noise falls on both), N rounds; prints the median wall and CPU (user + sys) times and the ratios.
Owns only this measurement: no build, no server, no files kept.

Usage: ab.py OLD_BINARY NEW_BINARY FEED ROUNDS [CONFIG]
  e.g. ab.py /tmp/chmon-old target/release/chmon feed50k.xml 7 big.toml   (max_feed_mb = 500)
"""

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(binary, feed, config):
    data = tempfile.mkdtemp(prefix="chmon-ab.")
    args = [binary, "--data-dir", data, *(["--config", config] if config else []),
            "--feed", feed, "refresh"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(data)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def main():
    old, new, feed, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    config = sys.argv[5] if len(sys.argv) > 5 else None
    times = {"old": [], "new": []}
    for i in range(rounds):
        order = [("old", old), ("new", new)]
        for name, binary in order if i % 2 == 0 else order[::-1]:
            times[name].append(run(binary, feed, config))
    medians = {}
    for name, samples in times.items():
        wall = [w for w, _ in samples]
        cpu = [c for _, c in samples]
        medians[name] = (statistics.median(wall), statistics.median(cpu))
        print(f"{name}: n={len(samples)} wall {medians[name][0]:.1f} ms ({min(wall):.1f}-{max(wall):.1f}), "
              f"cpu {medians[name][1]:.1f} ms ({min(cpu):.1f}-{max(cpu):.1f})")
    print(f"new/old: wall {medians['new'][0] / medians['old'][0]:.3f}, "
          f"cpu {medians['new'][1] / medians['old'][1]:.3f}")


if __name__ == "__main__":
    main()
