//! End to end in a real terminal: the debug binary runs under tmux against a loopback HTTP
//! server serving a windows-1251 agency-style feed; keys are sent and the screen is read back.
//! Skipped (with a note) when tmux is missing, except under CI=true where that is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;
mod tmux_support;

use common::{Route, TestServer, fixture};
use tmux_support::{Tmux, available};

#[test]
fn reader_in_a_real_terminal() {
    if !available() {
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
    let url = server.url("/feed.xml");
    let args = [
        "--feed",
        &url,
        "--data-dir",
        data.to_str().unwrap(),
        "--lang",
        "uk",
    ];
    let tmux = Tmux::start("e2e", (100, 30), &args, &[], dir.path());

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
    let screen = tmux.wait_for("second row selected", |s| s.contains("2/4"));
    assert!(
        !screen.contains("4 нові"),
        "a key clears the status message:\n{screen}"
    );
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
        s.contains("3/4") && s.contains("Enter читати")
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
