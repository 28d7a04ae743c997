#!/usr/bin/env python3
"""The benchmark driver: generates feeds, serves them, runs the rows, writes bench/results.md.
Owns orchestration and the machine description; see rows.py for what is measured.

Usage: bench.py [--quick] [--runs N] [--sizes 50,10000,50000] [--chmon PATH] [--programs chmon,newsboat]
                [--out FILE] [--keep]
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

import genfeed
import report
import rows
import tmuxctl
from tmuxctl import Tmux

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def parse_args(argv):
    ap = argparse.ArgumentParser(description="chmon vs newsboat benchmark")
    ap.add_argument("--quick", action="store_true", help="sizes 50 and 10000, 3 runs")
    ap.add_argument("--runs", type=int, help="runs per program and row (default 5; 3 with --quick)")
    ap.add_argument("--sizes", help="comma-separated item counts (default 50,10000,50000)")
    ap.add_argument("--chmon", default=os.path.join(REPO, "target", "release", "chmon"))
    ap.add_argument("--programs", default="chmon,newsboat")
    ap.add_argument("--encoding", default="windows-1251")
    ap.add_argument("--out", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    a = ap.parse_args(argv)
    a.runs = a.runs or (3 if a.quick else 5)
    default_sizes = "50,10000" if a.quick else "50,10000,50000"
    a.sizes = [int(s) for s in (a.sizes or default_sizes).split(",")]
    a.programs = [p for p in a.programs.split(",") if p]
    a.chmon = os.path.abspath(a.chmon)
    return a


def generate(tmp, sizes, encoding):
    feeds = os.path.join(tmp, "feeds")
    os.makedirs(feeds)
    metas = {}
    for size in sizes:
        t0 = time.perf_counter()
        text, meta = genfeed.build(size, 1251, encoding)
        data = text.encode(encoding, errors="xmlcharrefreplace")
        with open(os.path.join(feeds, "feed-%d.xml" % size), "wb") as f:
            f.write(data)
        metas[size] = meta
        print("generated %d items, %.1f MB, in %.1f s" % (size, len(data) / 2**20, time.perf_counter() - t0),
              flush=True)
    return feeds, metas


def start_server(feeds, tmp, encoding):
    port_file = os.path.join(tmp, "port")
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), feeds, "--port-file", port_file,
                             "--charset", encoding])
    for _ in range(500):
        if os.path.exists(port_file):
            with open(port_file) as f:
                return proc, "http://127.0.0.1:%s" % f.read().strip()
        time.sleep(0.01)
    proc.terminate()
    raise SystemExit("the feed server did not start")


def first_line(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unavailable"


def machine(chmon):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return [("Date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
            ("Machine", "nproc %d, CPU %s, kernel %s" % (os.cpu_count(), cpu, platform.release())),
            ("Load average at start", "%.2f %.2f %.2f" % os.getloadavg()),
            ("chmon", "%s (commit %s)" % (first_line([chmon, "--version"]),
                                          first_line(["git", "-C", REPO, "rev-parse", "--short", "HEAD"]))),
            ("newsboat", first_line(["newsboat", "--version"]))]


def settings(a, feeds):
    sizes = ", ".join("%d items = %.1f MB" % (s, os.path.getsize(os.path.join(feeds, "feed-%d.xml" % s)) / 2**20)
                      for s in a.sizes)
    return ["Runs per row and program: %d, alternating the programs; idle CPU (f) once per size" % a.runs,
            "Feeds (%s, agency style, body in content:encoded): %s" % (a.encoding, sizes),
            "Targets marked for 50k are checked at the largest size run (%d)" % max(a.sizes),
            "chmon: --config (max_feed_mb 1024, timeout_secs 600) --data-dir D --feed URL; TUI with "
            "--no-refresh. newsboat 2.21: -u urls -C config (auto-reload no) -c cache.db",
            "TUI rows in tmux %dx%d polled via a control-mode client every ~2 ms; newsboat opens on its "
            "feed list, so the harness presses Enter when the feed shows and (c) counts from launch to "
            "the first headline; RSS (e) from GNU time -f %%M around the TUI" % (tmuxctl.COLS, tmuxctl.ROWS)]


def run_all(a, tmp, base_url, tmux, metas):
    ctx = rows.Context(a, base_url, tmux, tmp)
    for size in a.sizes:
        print("== %d items" % size, flush=True)
        kept = rows.row_fetch(ctx, size, a.runs, a.programs)
        rows.row_refresh_again(ctx, size, a.runs, kept)
        rows.row_tui(ctx, size, a.runs, kept, metas[size])
        for prog in kept.values():
            shutil.rmtree(prog.work, ignore_errors=True)
    return ctx


def main(argv):
    a = parse_args(argv)
    if "chmon" in a.programs and not os.access(a.chmon, os.X_OK):
        raise SystemExit("no chmon binary at %s (build it, or pass --programs newsboat)" % a.chmon)
    tmp = tempfile.mkdtemp(prefix="chmon-bench-")
    server = tmux = None
    try:
        info = machine(a.chmon)
        feeds, metas = generate(tmp, a.sizes, a.encoding)
        with open(os.path.join(tmp, "meta.json"), "w") as f:
            json.dump(metas, f, ensure_ascii=False)
        server, base_url = start_server(feeds, tmp, a.encoding)
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        tmux = Tmux("chmon-bench-%d" % os.getpid(), env)
        ctx = run_all(a, tmp, base_url, tmux, metas)
        doc = report.document(ctx.results, a.sizes, info, settings(a, feeds), ctx.notes)
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(doc)
        print(doc)
    finally:
        if tmux is not None:
            tmux.close()
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if a.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
