"""Issue 7, item 8: big article bodies. One local feed file with two items whose bodies are
5 MB and 20 MB of agency-style paragraphs; measures (1) `chmon show` of each (wall, peak RSS)
and (2) the reader: Enter on the 5 MB article until its first words are on screen, and the
session's peak RSS. Owns this measurement only (tmux driving is tmuxctl's).

Usage: python3 bench/big_article.py BINARY [RUNS]
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tmuxctl  # noqa: E402
from programs import base_env  # noqa: E402

PARA = ("<p>Чернігівська міська рада ухвалила програму відновлення пошкодженого житла, "
        "яка передбачає допомогу мешканцям. Депутати підтримали кошторис після довгого "
        "обговорення.</p>\n")


def body(mb, marker):
    n = mb * 1024 * 1024 // len(PARA.encode())
    return "<p>%s початок статті.</p>\n" % marker + PARA * n


def write_feed(path):
    items = []
    for i, (mb, marker) in enumerate([(20, "ВЕЛИКА20"), (5, "ВЕЛИКА5")]):
        items.append(
            "<item><title>Стаття %d МБ</title><link>https://x.ua/big/%d</link>"
            "<guid>https://x.ua/big/%d</guid><pubDate>Mon, 30 Nov 2026 1%d:00:00 +0200</pubDate>"
            "<content:encoded><![CDATA[%s]]></content:encoded></item>" % (mb, i, i, i, body(mb, marker)))
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title>'
                + "".join(items) + "</channel></rss>")


def timed(argv, env):
    """(wall ms, peak RSS MB) of one run under GNU time."""
    out = tempfile.mktemp()
    t0 = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out] + argv, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = (time.perf_counter() - t0) * 1000
    with open(out) as f:
        rss = int(f.read().strip().splitlines()[-1]) / 1024
    os.unlink(out)
    return wall, rss


def reader_once(tmux, binary, work, env, feed, n):
    rss_file = os.path.join(work, "rss%d" % n)
    argv = ["/usr/bin/time", "-f", "%M", "-o", rss_file, binary, "--data-dir", work + "/data",
            "--config", work + "/config.toml", "--feed", feed, "--no-refresh"]
    name = "big%d" % n
    t0 = tmux.start(name, argv, env, work)
    tmux.wait_for(name, "Стаття 5 МБ", t0)
    # The 5 MB article is the newer one: first in the list.
    t1 = tmux.keys(name, "Enter")
    ms = tmux.wait_for(name, "ВЕЛИКА5", t1) * 1000
    tmux.finish(name, ("q", "q"))
    time.sleep(0.2)
    with open(rss_file) as f:
        rss = int(f.read().strip().splitlines()[-1]) / 1024
    return ms, rss


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def main():
    binary = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    work = tempfile.mkdtemp(prefix="chmon-big-")
    try:
        env = base_env(work)
        feed = os.path.join(work, "big.xml")
        write_feed(feed)
        with open(work + "/config.toml", "w") as f:
            f.write('timezone = "Europe/Kyiv"\nmax_feed_mb = 100\n')
        common = [binary, "--data-dir", work + "/data", "--config", work + "/config.toml",
                  "--feed", feed]
        subprocess.run(common + ["refresh"], env=env, check=True, stdout=subprocess.DEVNULL)
        rows = []
        for pos, label in [("2", "show, 20 MB body"), ("1", "show, 5 MB body")]:
            res = [timed(common + ["show", pos], env) for _ in range(runs)]
            rows.append((label, [r[0] for r in res], [r[1] for r in res]))
        tmux = tmuxctl.Tmux("chmon-big-%d" % os.getpid(), env)
        try:
            res = [reader_once(tmux, binary, work, env, feed, n) for n in range(runs)]
        finally:
            tmux.close()
        rows.append(("reader: Enter → 5 MB article on screen", [r[0] for r in res],
                     [r[1] for r in res]))
        print("| What | wall ms, median (min–max) | peak RSS MB, median (min–max) |")
        print("|---|---|---|")
        for label, walls, rsss in rows:
            print("| %s | %.0f (%.0f–%.0f) | %.1f (%.1f–%.1f) |" % (
                label, median(walls), min(walls), max(walls), median(rsss), min(rsss), max(rsss)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
