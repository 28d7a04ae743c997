"""How each measured program is set up and driven: files, command lines, keys, cache files.
Owns the chmon/newsboat/floor specifics only; the measuring loop lives in rows.py.

Equivalent settings: each program gets a private working directory as HOME and XDG dirs, an
explicit config (chmon: --config with a raised size limit and timeout, the 50k feed is ~87 MB;
newsboat: -C with auto-reload off and the same timeout), an explicit cache, no proxy, and only
the loopback URL. The TUIs never fetch: newsboat has auto-reload off, chmon gets --no-refresh.
"""

import os
import shutil
import subprocess
import time

from procs import TIME

CHMON_CONFIG = 'timezone = "Europe/Kyiv"\ntimeout_secs = 600\nmax_feed_mb = 1024\n'
NEWSBOAT_CONFIG = "auto-reload no\ndownload-timeout 600\nreload-threads 1\n"


def base_env(home):
    """A minimal environment: no proxies, UTF-8 locale, Kyiv time, HOME/XDG inside the work dir."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "Europe/Kyiv",
        "TERM": "xterm-256color",
        "NO_PROXY": "*",
        "no_proxy": "*",
    }
    return env


class Program:
    name = "?"
    quit_keys = ("q",)

    def __init__(self, work, url):
        self.work = work
        self.url = url
        os.makedirs(work, exist_ok=True)
        self.prepare()

    def env(self):
        return base_env(self.work)

    def timed_tui(self, rss_file):
        """argv for tmux: the TUI under GNU time, which writes max RSS (KB) to rss_file."""
        return [TIME, "-f", "%M", "-o", rss_file] + self.tui_argv()

    def snapshot(self):
        """Keeps a copy of the cache so every TUI run starts from the same state (opening an
        article marks it read, and newsboat puts the cursor on the first unread item)."""
        for path in self.cache_paths():
            copy(path, path + ".snap")

    def settle(self):
        """Finishes what the program does in the background once after a big refresh, before
        the TUI rows measure it; returns the seconds it took (None: nothing to finish)."""
        return None

    def restore(self):
        for path in self.cache_paths():
            if os.path.exists(path + ".snap"):
                copy(path + ".snap", path)

    def session_env(self):
        """Variables tmux must set for the pane (TERM is tmux's own)."""
        env = self.env()
        env.pop("TERM")
        return env


class Chmon(Program):
    name = "chmon"
    quit_keys = ("q", "q")

    def __init__(self, work, url, binary):
        self.binary = binary
        super().__init__(work, url)

    def prepare(self):
        with open(os.path.join(self.work, "chmon.toml"), "w") as f:
            f.write(CHMON_CONFIG)

    def common(self):
        return [self.binary, "--config", os.path.join(self.work, "chmon.toml"),
                "--data-dir", os.path.join(self.work, "data"), "--feed", self.url]

    def refresh_argv(self):
        return self.common() + ["refresh"]

    def tui_argv(self):
        return self.common() + ["--no-refresh"]

    def settle(self):
        """The reader indexes new articles for search when idle (64 at a time) after a big
        import; `chmon search` first indexes all that is pending. Without this the idle-CPU
        row would measure that one-time catch-up."""
        start = time.perf_counter()
        subprocess.run(self.common() + ["search", "zzqx-no-such-word"], env=self.env(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - start

    def open_steps(self, meta):
        """(keys, text) steps from launch: the first headline; then Enter opens the article."""
        return [(None, meta["title"][:40])], [("Enter", meta["marker"])]

    def cache_paths(self):
        return [os.path.join(self.work, "data")]

    def cache_bytes(self):
        return dir_total(os.path.join(self.work, "data"), suffixes=(".sqlite3", "-wal", "-shm"))


class Newsboat(Program):
    name = "newsboat"
    quit_keys = ("Q",)

    def prepare(self):
        with open(os.path.join(self.work, "urls"), "w") as f:
            f.write(self.url + "\n")
        with open(os.path.join(self.work, "config"), "w") as f:
            f.write(NEWSBOAT_CONFIG)

    def common(self):
        w = self.work
        return ["newsboat", "-u", os.path.join(w, "urls"), "-C", os.path.join(w, "config"),
                "-c", os.path.join(w, "cache.db")]

    def refresh_argv(self):
        return self.common() + ["-x", "reload"]

    def tui_argv(self):
        return self.common()

    def open_steps(self, meta):
        """newsboat opens on its feed list: the harness presses Enter as soon as the feed shows,
        and the first headline counts from launch; then Enter opens the article."""
        return [(None, "Чернігівський монітор"), ("Enter", meta["title"][:40])], [("Enter", meta["marker"])]

    def cache_paths(self):
        return [os.path.join(self.work, "cache.db")]

    def cache_bytes(self):
        return dir_total(self.work, suffixes=("cache.db", "cache.db-journal", "cache.db-wal"))


class Floor(Program):
    """The harness floor: a shell prints the same headline, waits for Enter, prints the marker."""
    name = "floor"
    quit_keys = ("C-c",)

    def __init__(self, work, meta):
        self.meta = meta
        super().__init__(work, "")

    def prepare(self):
        pass

    def cache_paths(self):
        return []

    def tui_argv(self):
        script = 'printf "%s\\n" "$1"; read -r _; printf "%s\\n" "$2"; exec sleep 600'
        return ["sh", "-c", script, "sh", self.meta["title"], self.meta["marker"]]

    def open_steps(self, meta):
        return [(None, meta["title"][:40])], [("Enter", meta["marker"])]


def copy(src, dst):
    """Replaces dst (file or directory) by a copy of src."""
    if os.path.isdir(dst):
        shutil.rmtree(dst)
    elif os.path.exists(dst):
        os.remove(dst)
    if os.path.isdir(src):
        shutil.copytree(src, dst)
    else:
        shutil.copy2(src, dst)


def dir_total(path, suffixes):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            if name.endswith(suffixes):
                total += os.path.getsize(os.path.join(root, name))
    return total
