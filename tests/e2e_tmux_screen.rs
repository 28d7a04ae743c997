//! End to end in a real terminal (tmux), the screen side: no half flag stays on screen (tmux
//! keeps each regional indicator in its own column), and `NO_COLOR` keeps the selection and
//! unread headlines visible without colour.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tmux_support;

use std::path::{Path, PathBuf};

use tmux_support::{agency_feed, available, exited_cleanly, reader};

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
