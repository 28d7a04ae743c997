//! Running the debug binary under tmux for the end-to-end tests: a private tmux server per
//! test (its own socket), keys, bracketed paste (`load-buffer` + `paste-buffer -p`), the screen
//! with or without attributes, the pid of chmon; a local copy of the agency feed, a recording
//! browser, and the check that chmon left the terminal as it found it. Skips (with a note) when
//! tmux is missing, except under CI=true, where that is a failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

/// The binary under test: this build's, or `CHMON_E2E_BIN` (to check that a test fails on an
/// older build).
pub fn binary() -> String {
    std::env::var("CHMON_E2E_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_chmon").to_string())
}

pub fn available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is required under CI"
        );
        eprintln!("note: tmux not found, end-to-end test skipped");
    }
    found
}

impl Tmux {
    /// Starts chmon with `args` in a `width`×`height` pane. A test-only wrapper prints chmon's
    /// exit status and whether the tty is back in canonical mode on the restored screen
    /// (arguments are positional parameters, never interpolated into the script).
    pub fn start(
        name: &str,
        size: (u16, u16),
        args: &[&str],
        env: &[(&str, &str)],
        home: &Path,
    ) -> Tmux {
        let tmux = Tmux {
            socket: format!("chmon-{name}-{}", std::process::id()),
        };
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &tmux.socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e"])
            .args(["-x", &size.0.to_string(), "-y", &size.1.to_string()])
            .args([
                "sh",
                "-c",
                "\"$0\" \"$@\"; echo \"chmon exited: $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*icanon'; sleep 60",
            ])
            .arg(binary())
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .env("TZ", "Europe/Kyiv")
            .env("XDG_CONFIG_HOME", home)
            .env("HOME", home)
            .env_remove("BROWSER")
            .env_remove("NO_COLOR");
        // The fixtures' articles are teasers linking to real sites, and the reader fetches
        // their pages: every request but the loopback test server's goes to a dead loopback
        // proxy, so nothing ever reaches the internet.
        for key in [
            "http_proxy",
            "https_proxy",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
        ] {
            cmd.env(key, "http://127.0.0.1:9");
        }
        cmd.env("no_proxy", "127.0.0.1,localhost")
            .env("NO_PROXY", "127.0.0.1,localhost");
        for (key, value) in env {
            cmd.env(key, value);
        }
        assert!(cmd.status().expect("start tmux").success());
        tmux.cmd(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        tmux
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("run tmux")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// The screen with its attributes as escape sequences (`capture-pane -e`).
    pub fn screen_with_attributes(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout;
        String::from_utf8_lossy(&out).into_owned()
    }

    pub fn format(&self, fmt: &str) -> String {
        let out = self
            .cmd(&["display-message", "-p", "-t", "e2e", fmt])
            .stdout;
        String::from_utf8_lossy(&out).trim().to_string()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success(), "send-keys {keys:?}");
    }

    /// Pastes `text` as a terminal would: bracketed when the program asked for it.
    pub fn paste(&self, text: &str) {
        assert!(
            self.cmd(&["set-buffer", "-b", "t", "--", text])
                .status
                .success()
        );
        assert!(
            self.cmd(&["paste-buffer", "-p", "-d", "-b", "t", "-t", "e2e"])
                .status
                .success()
        );
    }

    /// chmon's pid: the wrapper shell's only child.
    pub fn chmon_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .expect("the wrapper's children");
        children
            .split_whitespace()
            .next()
            .expect("chmon runs")
            .to_string()
    }

    /// Polls the screen until `check` holds, or fails with the last screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

pub fn agency_feed(dir: &Path) -> PathBuf {
    let path = dir.join("feed.xml");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tui/agency-1251.xml"
    );
    std::fs::copy(fixture, &path).unwrap();
    path
}

pub fn reader(name: &str, size: (u16, u16), feed: &Path, dir: &Path, env: &[(&str, &str)]) -> Tmux {
    let data = dir.join("data");
    let args = [
        "--feed",
        feed.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "--lang",
        "uk",
    ];
    Tmux::start(name, size, &args, env, dir)
}

pub fn exited_cleanly(tmux: &Tmux, status: &str) {
    let screen = tmux.wait_for("chmon to exit", |s| s.contains("chmon exited:"));
    assert!(
        screen.contains(&format!("chmon exited: {status}")),
        "{screen}"
    );
    let screen = tmux.wait_for("the tty mode", |s| {
        s.lines().any(|l| l.trim().ends_with("icanon"))
    });
    assert!(
        screen.lines().any(|l| l.trim() == "icanon"),
        "the terminal is back in canonical mode:\n{screen}"
    );
    assert_eq!(tmux.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(tmux.format("#{mouse_any_flag}"), "0", "mouse reporting off");
    assert!(
        !screen.contains("Обласна рада"),
        "the TUI is gone:\n{screen}"
    );
}

/// A browser script that appends its arguments to `opened.log`, as `$BROWSER` with arguments.
pub fn recording_browser(dir: &Path) -> (String, PathBuf) {
    let log = dir.join("opened.log");
    let script = dir.join("browser.sh");
    let body = format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display());
    std::fs::write(&script, body).unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    (format!("{} --new-tab --url=%s", script.display()), log)
}
