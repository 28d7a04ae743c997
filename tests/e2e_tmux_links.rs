//! End to end in a real terminal (tmux), links: open an article, follow a link by its number
//! (the browser is a script given as `$BROWSER`; the URL is its argument, no shell), refuse a
//! `javascript:` one, and `y` reaching tmux's clipboard with OSC 52 (`set-clipboard on`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tmux_support;

use std::path::{Path, PathBuf};

use tmux_support::{available, exited_cleanly, reader, recording_browser};

fn links_feed(dir: &Path) -> PathBuf {
    let path = dir.join("feed.xml");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui/links.xml");
    std::fs::copy(fixture, &path).unwrap();
    path
}

#[test]
fn open_an_article_and_follow_a_link_by_its_number() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (browser, log) = recording_browser(dir.path());
    let feed = links_feed(dir.path());
    let tmux = reader(
        "links",
        (100, 30),
        &feed,
        dir.path(),
        &[("BROWSER", &browser)],
    );
    tmux.wait_for("the refresh", |s| s.contains("2 нові") && s.contains("1/2"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the article", |s| s.contains("Посилання:"));
    assert!(screen.contains("рішення[1]"), "{screen}");
    // The teaser's page is fetched behind a dead proxy: let its failure be said first, so that
    // it cannot replace the statuses checked below.
    tmux.wait_for("the page's failure", |s| {
        s.contains("не вдалося завантажити повний текст")
    });
    tmux.keys(&["2"]);
    tmux.wait_for("the browser", |s| s.contains("відкрито в браузері"));
    tmux.keys(&["f", "4"]);
    tmux.wait_for("the refusal", |s| s.contains("лише http та https"));
    // The link list: the third, Enter.
    tmux.keys(&["L"]);
    tmux.wait_for("the link list", |s| {
        s.contains("[3] сайті — http://monitor.cn.ua/ua/map")
    });
    tmux.keys(&["j", "j", "Enter"]);
    tmux.wait_for("the list closed", |s| !s.contains("[3] сайті —"));
    tmux.wait_for("the browser again", |s| s.contains("відкрито в браузері"));
    tmux.keys(&["q"]);
    tmux.wait_for("the list", |s| s.contains("Enter читати"));
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        opened,
        "--new-tab --url=https://t.me/chernigivskaODA\n--new-tab --url=http://monitor.cn.ua/ua/map\n"
    );
}

#[test]
fn y_reaches_the_tmux_clipboard() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let feed = links_feed(dir.path());
    let tmux = reader("copy", (100, 30), &feed, dir.path(), &[]);
    assert!(
        tmux.cmd(&["set", "-g", "set-clipboard", "on"])
            .status
            .success()
    );
    tmux.wait_for("the refresh", |s| s.contains("2 нові") && s.contains("1/2"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the article and its page's failure", |s| {
        s.contains("Посилання:") && s.contains("не вдалося завантажити повний текст")
    });
    tmux.keys(&["y"]);
    tmux.wait_for("the status", |s| {
        s.contains("скопійовано: http://monitor.cn.ua/ua/politics/501")
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let buffer = loop {
        let out = tmux.cmd(&["show-buffer"]);
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        if text.contains("politics/501") || std::time::Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(buffer, "http://monitor.cn.ua/ua/politics/501");
    tmux.keys(&["q"]);
    tmux.wait_for("the list", |s| s.contains("Enter читати"));
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}
