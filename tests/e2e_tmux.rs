//! End to end in a real terminal: the debug binary runs under tmux against a loopback HTTP
//! server serving a windows-1251 agency-style feed; keys are sent and the screen is read back.
//! Skipped (with a note) when tmux is missing, except under CI=true where that is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{Route, TestServer, fixture};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("run tmux")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn format(&self, fmt: &str) -> String {
        let out = self
            .cmd(&["display-message", "-p", "-t", "e2e", fmt])
            .stdout;
        String::from_utf8_lossy(&out).trim().to_string()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success(), "send-keys {keys:?}");
    }

    /// Polls the screen until `check` holds, or fails with the last screen.
    fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
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
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn reader_in_a_real_terminal() {
    if !tmux_available() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is required under CI"
        );
        eprintln!("note: tmux not found, end-to-end test skipped");
        return;
    }
    // No charset in the header: the XML declaration names windows-1251.
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        Route::ok(fixture("tui/agency-1251.xml")).header("Content-Type", "application/rss+xml"),
    );
    let hits = || server.requests().len();
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let tmux = Tmux {
        socket: format!("chmon-test-{}", std::process::id()),
    };
    let url = server.url("/feed.xml");
    let started = Command::new("tmux")
        .args([
            "-L",
            &tmux.socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
        ])
        .args(["-x", "100", "-y", "30"])
        // A test-only wrapper prints chmon's exit status on the restored screen (arguments are
        // passed as positional parameters, never interpolated into the script).
        .args([
            "sh",
            "-c",
            "\"$0\" \"$@\"; echo \"chmon exited: $?\"; sleep 60",
        ])
        .arg(env!("CARGO_BIN_EXE_chmon"))
        .args(["--feed", &url, "--data-dir"])
        .arg(&data)
        .args(["--lang", "uk"])
        .env("LC_ALL", "C.UTF-8")
        .env("TZ", "Europe/Kyiv")
        .env("XDG_CONFIG_HOME", dir.path())
        .env("HOME", dir.path())
        .env_remove("BROWSER")
        .status()
        .expect("start tmux");
    assert!(started.success());
    tmux.cmd(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);

    let screen = tmux.wait_for("headlines", |s| {
        s.contains("Обласна рада затвердила бюджет")
    });
    assert!(screen.contains("Чернігівський монітор"), "{screen}");
    assert!(screen.contains("Вівторок, 23 грудня 2025"), "{screen}");
    assert!(screen.contains("16:33"), "times in Kyiv time: {screen}");
    let screen = tmux.wait_for("refresh result", |s| s.contains("4 нові"));
    assert!(screen.contains("1/4"), "{screen}");
    assert_eq!(tmux.format("#{alternate_on}"), "1");

    tmux.keys(&["j"]);
    tmux.wait_for("second row selected", |s| s.contains("2/4"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("article body", |s| s.contains("Тролейбуси маршрутів"));
    assert!(
        screen.contains("http://monitor.cn.ua/ua/news/102"),
        "{screen}"
    );
    assert!(screen.contains("Рубрика: Стиль"), "{screen}");
    tmux.keys(&["n"]);
    let screen = tmux.wait_for("next article", |s| s.contains("Передача відбулася"));
    assert!(!screen.contains("Тролейбуси маршрутів"), "{screen}");
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("back to the list", |s| {
        s.contains("3/4") && s.contains("j/k рух")
    });
    assert!(
        screen.contains("2 непрочитані"),
        "two articles were read: {screen}"
    );

    let before = hits();
    tmux.keys(&["r"]);
    tmux.wait_for("refresh without news", |s| s.contains("немає нових"));
    assert!(hits() > before, "r fetched the feed again");

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("chmon to exit", |s| s.contains("chmon exited:"));
    assert!(
        screen.contains("chmon exited: 0"),
        "exit status 0:\n{screen}"
    );
    assert_eq!(tmux.format("#{alternate_on}"), "0", "alternate screen left");
    assert!(
        !tmux.screen().contains("Обласна рада"),
        "the TUI is gone from the screen"
    );
}
