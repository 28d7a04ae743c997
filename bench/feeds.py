#!/usr/bin/env python3
"""Issue 12's two rows: many feeds at once.

  (h) refresh of 100 small feeds (20 items each) from a local server that answers each request
      after 100 ms, into a fresh cache: wall time of `chmon refresh` (target <= 2 s). The feeds
      are spread over ten loopback addresses (127.0.0.1-10, one server, one port), ten feeds on
      each, as a list of many sites would be: chmon asks at most 2 at a time per host, 8 in all.
  (i) cold start to the first headline in tmux (120x40) with 100 feeds and 50,000 cached
      articles (500 per feed, none shared), against the single-feed start of a baseline binary
      (the build before issue 12) with one 50,000-item feed cached; runs alternate; target:
      <= 1.3 x the baseline's median.

Usage: bench/feeds.py --chmon target/release/chmon --baseline /path/to/old/chmon [--runs 7]
Prints a markdown table. Needs tmux and python3 only; everything lives in a temporary directory.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import genfeed  # noqa: E402
from programs import base_env  # noqa: E402
from tmuxctl import Tmux, TmuxError  # noqa: E402

HOSTS = ["127.0.0.%d" % n for n in range(1, 11)]


def make_feed(count, seed, tag):
    """A feed whose links are its own (tag), so no article is shared with another feed."""
    text, meta = genfeed.build(count, seed, "utf-8")
    text = text.replace("http://monitor.cn.ua/ua/", "http://monitor.cn.ua/ua/%s-" % tag)
    return text.encode("utf-8"), meta


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = self.server.files.get(self.path)
        time.sleep(self.server.delay)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(files, delay):
    """One threaded server per loopback address, all on one port; returns (servers, port)."""
    servers, port = [], 0
    for host in HOSTS:
        server = ThreadingHTTPServer((host, port), Handler)
        server.daemon_threads = True
        server.files, server.delay = files, delay
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers, port


def config(path, urls):
    with open(path, "w") as f:
        f.write('timezone = "Europe/Kyiv"\ntimeout_secs = 600\nmax_feed_mb = 1024\n')
        for url in urls:
            f.write('\n[[feed]]\nurl = "%s"\n' % url)


def run(argv, env):
    t0 = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, done


def row_h(a, tmp):
    files = {}
    for n in range(100):
        files["/small-%d.xml" % n] = make_feed(20, 2000 + n, "s%d" % n)[0]
    servers, port = serve(files, 0.1)
    urls = ["http://%s:%d/small-%d.xml" % (HOSTS[n % len(HOSTS)], port, n) for n in range(100)]
    cfg = os.path.join(tmp, "h.toml")
    config(cfg, urls)
    times = []
    for r in range(a.runs):
        data = os.path.join(tmp, "h-%d" % r)
        env = base_env(os.path.join(tmp, "home-h"))
        took, done = run([a.chmon, "--config", cfg, "--data-dir", data, "refresh"], env)
        ok = done.returncode == 0 and done.stdout.count(" new, ") == 100
        if not ok:
            print("h run %d failed: %s %s" % (r, done.stdout[-300:], done.stderr[-300:]))
            continue
        times.append(took * 1000)
        shutil.rmtree(data, ignore_errors=True)
    for s in servers:
        s.shutdown()
    return times


def first_paint(tmux, name, argv, env, cwd, titles):
    t0 = tmux.start(name, argv, env, cwd)
    deadline = t0 + 60
    try:
        while True:
            screen = tmux.screen(name)
            t = time.perf_counter()
            if any(title[:40] in screen for title in titles):
                return (t - t0) * 1000
            if t > deadline:
                raise TmuxError("no headline; screen:\n" + screen)
            time.sleep(0.002)
    finally:
        tmux.finish(name, ("q",), timeout=10)


def row_i(a, tmp):
    # The baseline's cache: one 50,000-item feed.
    big, big_meta = make_feed(50000, 1251, "big")
    many, titles = {}, []
    for n in range(100):
        body, meta = make_feed(500, 3000 + n, "m%d" % n)
        many["/many-%d.xml" % n] = body
        titles.append(meta["title"])
    files = dict(many)
    files["/big.xml"] = big
    servers, port = serve(files, 0.0)
    env = base_env(os.path.join(tmp, "home-i"))
    base_data, new_data = os.path.join(tmp, "i-base"), os.path.join(tmp, "i-new")
    cfg_one = os.path.join(tmp, "i-one.toml")
    with open(cfg_one, "w") as f:
        f.write('timezone = "Europe/Kyiv"\ntimeout_secs = 600\nmax_feed_mb = 1024\n')
    big_url = "http://127.0.0.1:%d/big.xml" % port
    _, done = run([a.baseline, "--config", cfg_one, "--data-dir", base_data, "--feed", big_url, "refresh"], env)
    print("baseline cache: %s" % done.stdout.strip(), flush=True)
    cfg_many = os.path.join(tmp, "i-many.toml")
    config(cfg_many, ["http://%s:%d/many-%d.xml" % (HOSTS[n % len(HOSTS)], port, n) for n in range(100)])
    took, done = run([a.chmon, "--config", cfg_many, "--data-dir", new_data, "refresh"], env)
    print("100-feed cache: %d lines, %.1f s" % (done.stdout.count("\n"), took), flush=True)
    for s in servers:
        s.shutdown()
    tmux = Tmux("chmon-feeds-bench-%d" % os.getpid(), env)
    base, new = [], []
    try:
        for r in range(a.runs):
            pair = [("base", base), ("new", new)]
            for which, out in (pair if r % 2 == 0 else pair[::-1]):
                if which == "base":
                    argv = [a.baseline, "--config", cfg_one, "--data-dir", base_data, "--feed", big_url,
                            "--no-refresh"]
                    want = [big_meta["title"]]
                else:
                    argv = [a.chmon, "--config", cfg_many, "--data-dir", new_data, "--no-refresh"]
                    want = titles
                out.append(first_paint(tmux, "%s%d" % (which, r), argv, env, tmp, want))
    finally:
        tmux.close()
    return base, new


def cell(values):
    if not values:
        return "—"
    return "%.0f ms (%.0f–%.0f)" % (statistics.median(values), min(values), max(values))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chmon", required=True)
    ap.add_argument("--baseline", required=True)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="chmon-feeds-bench-")
    try:
        h = row_h(a, tmp)
        base, new = row_i(a, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n| row | median (min–max) | target | |")
    print("|---|---|---|---|")
    hm = statistics.median(h) if h else float("inf")
    print("| (h) refresh 100 feeds, 100 ms each | %s | ≤ 2000 ms | %s |"
          % (cell(h), "met" if hm <= 2000 else "missed"))
    print("| (i) start, baseline: 1 feed, 50k cached | %s | | |" % cell(base))
    ratio = statistics.median(new) / statistics.median(base) if base and new else float("inf")
    print("| (i) start, 100 feeds, 50k cached | %s | ≤ 1.3 × baseline | %.2f × — %s |"
          % (cell(new), ratio, "met" if ratio <= 1.3 else "missed"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
