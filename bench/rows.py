"""The measured rows (a)-(g) for one feed size. Owns the measuring loops and their order only:
program specifics are in programs.py, statistics and the table in report.py.

Runs alternate the two programs (chmon first on even runs, newsboat first on odd ones).
"""

import os
import shutil
import time
import urllib.request

import procs
from programs import Chmon, Floor, Newsboat
from tmuxctl import TmuxError

IDLE_SECONDS = 10


class Context:
    """What every row needs: settings, the server, tmux, and where results and notes go."""

    def __init__(self, args, base_url, tmux, tmp):
        self.args = args
        self.base_url = base_url
        self.tmux = tmux
        self.tmp = tmp
        self.results = {}
        self.notes = []

    def add(self, row, size, prog, value):
        if value is not None:
            self.results.setdefault((row, size, prog), []).append(value)

    def note(self, text):
        print("  note: " + text, flush=True)
        self.notes.append(text)

    def server(self, path):
        with urllib.request.urlopen(self.base_url + path, timeout=10) as resp:
            return resp.read().decode()

    def make(self, name, size, work):
        url = "%s/feed-%d.xml" % (self.base_url, size)
        if name == "chmon":
            return Chmon(work, url, self.args.chmon)
        return Newsboat(work, url)


def order(run, programs):
    return programs if run % 2 == 0 else list(reversed(programs))


def refresh(ctx, prog, row, size, tag):
    """One timed non-interactive refresh; None (with a note) if it failed."""
    m = procs.run_measured(prog.refresh_argv(), prog.env(), prog.work, os.path.join(prog.work, tag))
    if m.rc != 0:
        err = procs.tail(os.path.join(prog.work, tag + ".err"))
        ctx.note("%s %s at %d items: exit %d: %s" % (prog.name, row, size, m.rc, err))
        return None
    return m


def row_fetch(ctx, size, runs, names):
    """(a) fetch + parse + store into a fresh cache, and (g) the cache size. Keeps the last caches."""
    kept = {}
    for run in range(runs):
        for name in order(run, names):
            work = os.path.join(ctx.tmp, "%s-%d-%d" % (name, size, run))
            prog = ctx.make(name, size, work)
            m = refresh(ctx, prog, "a", size, "fetch")
            if m is not None:
                ctx.add("a_wall", size, name, m.wall_s * 1000)
                ctx.add("a_cpu", size, name, None if m.cpu_s is None else m.cpu_s * 1000)
                ctx.add("a_rss", size, name, _mb(m.maxrss_kb))
                ctx.add("g", size, name, prog.cache_bytes() / 2**20)
            if name in kept:
                shutil.rmtree(kept[name].work, ignore_errors=True)
            kept[name] = prog
        print("  a run %d/%d done" % (run + 1, runs), flush=True)
    return kept


def row_refresh_again(ctx, size, runs, kept):
    """(b) refresh a warm cache when the server answers 304, then 200 with the same body."""
    ctx.server("/_mode/etag")
    for prog in kept.values():  # newsboat stores validators only from its second fetch
        refresh(ctx, prog, "b-prime", size, "prime")
    for mode, row, want in (("etag", "b304", 304), ("plain", "b200", 200)):
        ctx.server("/_mode/" + mode)
        wrong = {}
        for run in range(runs):
            for name in order(run, list(kept)):
                ctx.server("/_log/clear")
                m = refresh(ctx, kept[name], row, size, row)
                statuses = ctx.server("/_log").split()[0::2]
                if statuses != [str(want)]:
                    wrong[name] = wrong.get(name, []) + statuses
                if m is not None:
                    ctx.add(row, size, name, m.wall_s * 1000)
                    ctx.add(row + "_rss", size, name, _mb(m.maxrss_kb))
        for name, got in wrong.items():
            ctx.note("%s %s at %d items: expected one %d per run, server saw %s" % (name, row, size, want, got))
    ctx.server("/_mode/etag")


def tui_session(ctx, prog, meta, size, run, idle):
    """One TUI session: launch → first headline (c), [idle CPU (f)], Enter → article (d), quit → RSS (e)."""
    tmux, name = ctx.tmux, "%s%d_%d" % (prog.name, size, run)
    rss_file = os.path.join(prog.work, "tui-rss-%d" % run)
    first, second = prog.open_steps(meta)
    prog.restore()
    t0 = tmux.start(name, prog.timed_tui(rss_file), prog.session_env(), prog.work)
    try:
        for i, (keys, text) in enumerate(first):
            if keys:
                tmux.keys(name, keys)
            took = tmux.wait_for(name, text, t0)
            if i < len(first) - 1:
                ctx.add("c_first_screen", size, prog.name, took * 1000)
        ctx.add("c", size, prog.name, took * 1000)
        if idle:
            time.sleep(1.0)
            pids = procs.children(int(tmux.pane(name, "#{pane_pid}")))
            if pids:
                ctx.add("f", size, prog.name, procs.idle_cpu_percent(pids[0], IDLE_SECONDS))
        for keys, text in second:
            t1 = tmux.keys(name, keys)
            ctx.add("d", size, prog.name, tmux.wait_for(name, text, t1) * 1000)
    except TmuxError as e:
        ctx.note("%s TUI at %d items, run %d: %s" % (prog.name, size, run, " ".join(str(e).split())[:300]))
        tmux.finish(name, prog.quit_keys, timeout=2)
        return
    if tmux.finish(name, prog.quit_keys):
        ctx.add("e", size, prog.name, _mb(procs.read_int(rss_file)))
    elif prog.name != "floor":
        ctx.note("%s did not quit on %s at %d items: no RSS (e) for run %d" % (prog.name, prog.quit_keys, size, run))


def _mb(kb):
    return None if kb is None else kb / 1024


def row_tui(ctx, size, runs, kept, meta):
    """(c) cold start to the first headline, (d) Enter to article, (e) TUI peak RSS, (f) idle CPU
    (first run only), each with the warm cache from (a); plus the harness floor each run."""
    floor = Floor(os.path.join(ctx.tmp, "floor-%d" % size), meta)
    for prog in kept.values():
        took = prog.settle()
        if took is not None:
            ctx.note("%s at %d items: its one-time background work after the refresh (search "
                     "indexing) finished first, in %.1f s, so the TUI rows start from a settled "
                     "cache" % (prog.name, size, took))
        prog.snapshot()
    for run in range(runs):
        tui_session(ctx, floor, meta, size, run, idle=False)
        for name in order(run, list(kept)):
            tui_session(ctx, kept[name], meta, size, run, idle=(run == 0))
        print("  TUI run %d/%d done" % (run + 1, runs), flush=True)
