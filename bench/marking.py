#!/usr/bin/env python3
"""What marking new articles for the search index costs the refresh: one chmon binary, `chmon
refresh` of one feed into a fresh data directory, alternating a cache as chmon makes it with the
same cache whose marking trigger (`search_article_insert`) was dropped before the refresh; N
rounds (order swapped every round); prints median wall and CPU (user + sys) and the ratios.
Owns only this measurement: no build, no server, no files kept.

Usage: marking.py BINARY FEED ROUNDS [CONFIG]
  e.g. marking.py target/release/chmon feed50k.xml 7 big.toml   (max_feed_mb = 500)
"""

import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time


def run(binary, feed, config, marking):
    data = tempfile.mkdtemp(prefix="chmon-marking.")
    base = [binary, "--data-dir", data, *(["--config", config] if config else []), "--feed", feed]
    # `list` makes the cache (every migration) without fetching.
    subprocess.run([*base, "list", "--limit", "1"], check=True, stdout=subprocess.DEVNULL)
    if not marking:
        con = sqlite3.connect(f"{data}/cache.sqlite3")
        con.execute("DROP TRIGGER search_article_insert")
        con.commit()
        con.close()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*base, "refresh"], check=True, stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    con = sqlite3.connect(f"{data}/cache.sqlite3")
    (marked,) = con.execute("SELECT count(*) FROM search_dirty").fetchone()
    con.close()
    shutil.rmtree(data)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu, marked


def main():
    binary, feed, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    config = sys.argv[4] if len(sys.argv) > 4 else None
    times = {True: [], False: []}
    for i in range(rounds):
        for marking in (True, False) if i % 2 == 0 else (False, True):
            times[marking].append(run(binary, feed, config, marking))
    medians = {}
    for marking, samples in times.items():
        wall = [w for w, _, _ in samples]
        cpu = [c for _, c, _ in samples]
        marked = samples[0][2]
        medians[marking] = (statistics.median(wall), statistics.median(cpu))
        name = "marking" if marking else "no marking"
        print(f"{name}: n={len(samples)} wall {medians[marking][0]:.0f} ms "
              f"({min(wall):.0f}-{max(wall):.0f}), cpu {medians[marking][1]:.0f} ms "
              f"({min(cpu):.0f}-{max(cpu):.0f}), {marked} rows in search_dirty")
    print(f"marking/no marking: wall {medians[True][0] / medians[False][0]:.3f}, "
          f"cpu {medians[True][1] / medians[False][1]:.3f}")


if __name__ == "__main__":
    main()
