//! End to end in a real terminal (tmux) for what only a terminal shows: bracketed paste is
//! never taken as keys, `$BROWSER` with arguments, every stop signal (SIGQUIT too) restores the
//! terminal, no half flag stays on screen, and `NO_COLOR` keeps the selection visible.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tmux_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use tmux_support::{Tmux, available};

fn agency_feed(dir: &Path) -> PathBuf {
    let path = dir.join("feed.xml");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tui/agency-1251.xml"
    );
    std::fs::copy(fixture, &path).unwrap();
    path
}

fn reader(name: &str, size: (u16, u16), feed: &Path, dir: &Path, env: &[(&str, &str)]) -> Tmux {
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

fn exited_cleanly(tmux: &Tmux, status: &str) {
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

#[test]
fn pasted_text_is_never_keys_and_browser_takes_arguments() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.log");
    let script = dir.path().join("browser.sh");
    let body = format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display());
    std::fs::write(&script, body).unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .unwrap();
    let browser = format!("{} --new-tab --url=%s", script.display());
    let feed = agency_feed(dir.path());
    let tmux = reader(
        "paste",
        (100, 30),
        &feed,
        dir.path(),
        &[("BROWSER", &browser)],
    );
    tmux.wait_for("the refresh", |s| s.contains("4 нові") && s.contains("1/4"));
    tmux.paste(&"o".repeat(300));
    for text in ["q", "r", "u", "j", "\r"] {
        tmux.paste(text);
    }
    tmux.keys(&["j"]);
    let screen = tmux.wait_for("the key after the pastes", |s| {
        s.contains("2/4") || s.contains("exited")
    });
    assert!(
        !screen.contains("chmon exited"),
        "a pasted q does not quit:\n{screen}"
    );
    assert!(
        screen.contains("4 непрочитані"),
        "a pasted u marks nothing:\n{screen}"
    );
    assert!(
        screen.contains("j/k рух"),
        "a pasted Enter opens nothing:\n{screen}"
    );
    assert!(!log.exists(), "a pasted o opens nothing");
    tmux.keys(&["o"]);
    tmux.wait_for("the browser", |s| s.contains("відкрито в браузері"));
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(opened, "--new-tab --url=http://monitor.cn.ua/ua/news/102\n");
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}

#[test]
fn every_stop_signal_restores_the_terminal() {
    if !available() {
        return;
    }
    for signal in ["QUIT", "TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let feed = agency_feed(dir.path());
        let tmux = reader(&format!("sig{signal}"), (100, 30), &feed, dir.path(), &[]);
        tmux.wait_for("headlines", |s| s.contains("Обласна рада"));
        assert_eq!(tmux.format("#{alternate_on}"), "1");
        let pid = tmux.chmon_pid();
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
        exited_cleanly(&tmux, "0");
    }
}

fn flag_feed(dir: &Path) -> PathBuf {
    let filler: String = (1..=12).map(|n| format!("<p>Абзац {n}.</p>")).collect();
    let feed = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Прапори</title><link>http://x.test/</link>
<item><title>Коротко</title><link>http://x.test/2</link>
<pubDate>Tue, 23 Dec 2025 16:33:00 +0200</pubDate><description>Ні.</description></item>
<item><title>🇺🇦 Прапор над Черніговом</title><link>http://x.test/1</link>
<pubDate>Tue, 23 Dec 2025 10:00:00 +0200</pubDate>
<description><![CDATA[<p>Синьо-жовтий прапор над містом 🇺🇦</p>{filler}]]></description></item>
</channel></rss>"#
    );
    let path = dir.join("flags.xml");
    std::fs::write(&path, feed).unwrap();
    path
}

/// Lines with a regional indicator that is not half of a pair (half a flag).
fn half_flags(screen: &str) -> Vec<String> {
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    screen
        .lines()
        .filter(|line| {
            let chars: Vec<char> = line.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if regional(chars[i]) {
                    if !chars.get(i + 1).is_some_and(|&c| regional(c)) {
                        return true;
                    }
                    i += 1;
                }
                i += 1;
            }
            false
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn no_half_flag_stays_on_screen() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = flag_feed(dir.path());
    let tmux = reader("flags", (100, 12), &feed, dir.path(), &[]);
    tmux.wait_for("the flag headline", |s| {
        s.contains("Прапор над") && s.contains("2 нові")
    });
    let none = Vec::<String>::new();
    tmux.keys(&["?"]);
    let screen = tmux.wait_for("the help over the list", |s| s.contains("Клавіші"));
    assert_eq!(half_flags(&screen), none, "help over the list:\n{screen}");
    // Escape then j at once would read as Alt-j: wait for the help to close first.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help to close", |s| !s.contains("Клавіші"));
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the flag article", |s| s.contains("Синьо-жовтий"));
    tmux.keys(&["?"]);
    let screen = tmux.wait_for("the help over the article", |s| s.contains("Клавіші"));
    assert_eq!(
        half_flags(&screen),
        none,
        "help over the article:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("the article again", |s| !s.contains("Клавіші"));
    tmux.keys(&["j"]);
    let screen = tmux.wait_for("one line down", |s| !s.contains("Прапор над"));
    assert_eq!(
        half_flags(&screen),
        none,
        "a shorter line over the title's flag:\n{screen}"
    );
    tmux.keys(&["j", "j", "j", "j"]);
    let screen = tmux.wait_for("the body's flag scrolled away", |s| {
        !s.contains("Синьо-жовтий")
    });
    assert_eq!(
        half_flags(&screen),
        none,
        "shorter lines over the body's flag:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list", |s| s.contains("Коротко"));
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}

/// True when an SGR sequence in `screen` sets a colour (30–37, 40–47, 90–97, 100–107, 38;…,
/// 48;…); 39 and 49 only reset to the default.
fn sets_colour(screen: &str) -> bool {
    screen.split("\u{1b}[").skip(1).any(|seq| {
        let params = &seq[..seq.find('m').unwrap_or(0)];
        params.split(';').any(|p| {
            matches!(
                p.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        })
    })
}

/// The characters of `line` (a `capture-pane -e` line) shown in reverse video.
fn reverse_text(line: &str) -> String {
    let mut out = String::new();
    let mut reverse = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if let Some(tail) = rest.strip_prefix("\u{1b}[") {
            let end = tail.find('m').unwrap_or(tail.len());
            for param in tail[..end].split(';') {
                match param {
                    "7" => reverse = true,
                    "0" | "" | "27" => reverse = false,
                    _ => {}
                }
            }
            rest = tail.get(end + 1..).unwrap_or("");
            continue;
        }
        if reverse {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[test]
fn no_color_keeps_the_selection_and_unread_visible() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = agency_feed(dir.path());
    let tmux = reader(
        "nocolor",
        (100, 30),
        &feed,
        dir.path(),
        &[("NO_COLOR", "1")],
    );
    tmux.wait_for("the refresh", |s| s.contains("4 нові") && s.contains("1/4"));
    tmux.keys(&["j"]);
    tmux.wait_for("the second row", |s| s.contains("2/4"));
    let screen = tmux.screen_with_attributes();
    assert!(!sets_colour(&screen), "no colours:\n{screen:?}");
    let line = |text: &str| {
        screen
            .lines()
            .find(|l| l.contains(text))
            .unwrap()
            .to_string()
    };
    let selected = reverse_text(&line("У Чернігові відновили рух"));
    assert!(
        selected.contains("У Чернігові відновили рух тролейбусів"),
        "the selection is reverse video: {selected:?}"
    );
    assert_eq!(
        reverse_text(&line("Обласна рада")),
        "",
        "other rows are not"
    );
    let unread = line("Обласна рада");
    assert!(
        unread.contains('●') && unread.contains("\u{1b}[1m"),
        "unread: bold and marked: {unread:?}"
    );
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}

fn read_flags(data: &Path) -> Vec<bool> {
    let conn = rusqlite::Connection::open(data.join("cache.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT read FROM articles ORDER BY link")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Another process holds the cache's write lock (as a long refresh does): marks made meanwhile
/// are kept and land once it is released, and reading goes on without waiting for them.
#[test]
fn read_marks_survive_a_locked_cache() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = agency_feed(dir.path());
    let tmux = reader("locked", (100, 30), &feed, dir.path(), &[]);
    tmux.wait_for("the refresh", |s| s.contains("4 нові"));
    let data = dir.path().join("data");
    let lock = rusqlite::Connection::open(data.join("cache.sqlite3")).unwrap();
    lock.execute_batch("BEGIN IMMEDIATE; UPDATE feeds SET title = title;")
        .unwrap();
    tmux.keys(&["Enter"]);
    tmux.wait_for("the first article", |s| s.contains("Бюджет-2026"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list", |s| s.contains("j/k рух"));
    let started = std::time::Instant::now();
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the second article", |s| s.contains("Тролейбуси маршрутів"));
    let waited = started.elapsed();
    assert!(
        waited < std::time::Duration::from_secs(2),
        "reading waited {waited:?} for the lock"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("the list", |s| s.contains("2 непрочитані"));
    std::thread::sleep(std::time::Duration::from_secs(6));
    assert_eq!(
        read_flags(&data),
        [false; 4],
        "still locked: nothing written yet"
    );
    lock.execute_batch("COMMIT").unwrap();
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
    assert_eq!(read_flags(&data), [true, true, false, false]);
}
