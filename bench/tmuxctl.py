"""A private tmux server driven through one control-mode client. Owns tmux only: no measuring policy.

Each poll is one line written to the control client's stdin and one %begin/%end block read back,
so polling forks no process (a fork per poll would compete with the program under test for the
two cores). An idle "_keeper" session keeps the server up, so server start-up is never measured.
"""

import subprocess
import time

COLS, ROWS = 120, 40


class TmuxError(Exception):
    pass


def quote(word):
    """tmux command-language quoting (single quotes, no escapes inside)."""
    if "'" in word or "\n" in word:
        raise TmuxError("cannot quote %r for tmux" % word)
    return "'%s'" % word


class Tmux:
    def __init__(self, socket, env):
        self.socket = socket
        argv = ["tmux", "-L", socket, "-f", "/dev/null", "-C", "new-session", "-s", "_keeper",
                "-x", str(COLS), "-y", str(ROWS), "exec sleep 2147483647"]
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                     text=True, encoding="utf-8", errors="replace", bufsize=1)
        self._block()  # the reply to the client's own new-session
        self.cmd("set-option", "-g", "remain-on-exit", "on")
        self.cmd("set-option", "-g", "status", "off")

    def _block(self):
        """Reads up to the next %end/%error; returns (ok, lines). Notifications are skipped."""
        lines, inside = [], False
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise TmuxError("tmux control client exited")
            line = line.rstrip("\n")
            if not inside:
                inside = line.startswith("%begin")
                continue
            if line.startswith("%end") or line.startswith("%error"):
                return line.startswith("%end"), lines
            lines.append(line)

    def cmd(self, *words):
        self.proc.stdin.write(" ".join(quote(w) for w in words) + "\n")
        self.proc.stdin.flush()
        ok, lines = self._block()
        if not ok:
            raise TmuxError("tmux %s: %s" % (words[0], " ".join(lines)))
        return lines

    def start(self, name, argv, env, cwd):
        """A new detached session running argv (no shell) with env added; returns the time just before."""
        words = ["new-session", "-d", "-s", name, "-x", str(COLS), "-y", str(ROWS), "-c", cwd]
        for key, value in env.items():
            words += ["-e", "%s=%s" % (key, value)]
        t0 = time.perf_counter()
        self.cmd(*words, "--", *argv)
        return t0

    def screen(self, name):
        return "\n".join(self.cmd("capture-pane", "-p", "-t", name))

    def pane(self, name, fmt):
        return self.cmd("display-message", "-p", "-t", name, fmt)[0]

    def wait_for(self, name, text, t0, timeout=60.0, poll=0.002):
        """Polls until `text` is on screen; seconds since t0 (taken after the capture that saw it)."""
        deadline = t0 + timeout
        n = 0
        while True:
            screen = self.screen(name)
            t = time.perf_counter()
            if text in screen:
                return t - t0
            n += 1
            if n % 50 == 0 and self.pane(name, "#{pane_dead}") == "1":
                raise TmuxError("%s exited before %r appeared; screen:\n%s" % (name, text, screen))
            if t > deadline:
                raise TmuxError("timeout waiting for %r; screen:\n%s" % (text, screen))
            time.sleep(poll)

    def keys(self, name, *keys):
        t0 = time.perf_counter()
        self.cmd("send-keys", "-t", name, *keys)
        return t0

    def finish(self, name, quit_keys, timeout=30.0):
        """Sends the quit keys, waits for the pane to die, kills the session; True if it quit by itself."""
        self.keys(name, *quit_keys)
        deadline = time.perf_counter() + timeout
        quit_ok = False
        while time.perf_counter() < deadline:
            if self.pane(name, "#{pane_dead}") == "1":
                quit_ok = True
                break
            time.sleep(0.01)
        self.cmd("kill-session", "-t", name)
        return quit_ok

    def close(self):
        try:
            self.cmd("kill-server")
        except TmuxError:
            pass
        self.proc.wait(timeout=10)
