//! Full text in a real terminal: the debug binary under tmux against a loopback server whose
//! feed has a teaser and whose article page answers after 1.5 s. Enter shows the teaser and the
//! status line at once, a key moves while the page downloads, then the story replaces the
//! teaser; with the server gone a second run shows it again. Skipped (with a note) when tmux is
//! missing, except under CI=true where that is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;
mod tmux_support;

use std::time::Duration;

use common::{Route, TestServer, fixture};
use tmux_support::{Tmux, available, exited_cleanly};

const FROM_PAGE: &str = "Після обстрілів 2022 року";

#[test]
fn a_teaser_then_its_page_in_a_real_terminal() {
    if !available() {
        return;
    }
    let server = TestServer::start();
    let link = server.url("/news/1");
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Кінотеатр відновлюють</title><link>{link}</link><guid>{link}</guid>\
         <description>Будівля колишнього кінотеатру… Читати далі</description></item>\
         </channel></rss>"
    );
    server.route("/feed.xml", Route::ok(feed));
    server.route(
        "/news/1",
        Route::ok(fixture("extract/pages/agency_long.html"))
            .header("Content-Type", "text/html; charset=utf-8")
            .delay(Duration::from_millis(1500)),
    );
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
    let tmux = Tmux::start("pages", (100, 30), &args, &[], dir.path());
    tmux.wait_for("the refresh", |s| s.contains("1 нова"));
    tmux.keys(&["Enter"]);
    // The teaser and the status line together: one frame, but tmux may be caught with only
    // its top half drawn (the status line is the frame's last row), so both are waited for;
    // the indicator lasts only while the page downloads (1.5 s), then the teaser goes.
    let screen = tmux.wait_for("the teaser while its page downloads", |s| {
        s.contains("Читати далі") && s.contains("завантажую повний текст…")
    });
    assert!(!screen.contains(FROM_PAGE), "{screen}");
    tmux.keys(&["?"]);
    tmux.wait_for("the help while the page downloads", |s| {
        s.contains("Клавіші")
    });
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("the full text", |s| s.contains(FROM_PAGE));
    assert!(!screen.contains("Читати далі"), "{screen}");
    tmux.keys(&["q"]);
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
    drop(tmux);
    drop(server);

    let tmux = Tmux::start("pages2", (100, 30), &args, &[], dir.path());
    tmux.wait_for("the cached headline", |s| s.contains("Кінотеатр"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the stored full text", |s| s.contains(FROM_PAGE));
    assert!(!screen.contains("завантажую"), "{screen}");
    tmux.keys(&["q"]);
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}

#[test]
fn the_offline_demo_fetches_no_page() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let tmux = Tmux::start(
        "demo",
        (100, 30),
        &["--demo", "--lang", "uk"],
        &[],
        dir.path(),
    );
    tmux.wait_for("the demo's headlines", |s| s.contains("1/"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("an article", |s| s.contains("Esc назад"));
    std::thread::sleep(Duration::from_millis(500));
    let screen = tmux.screen();
    assert!(!screen.contains("повний текст"), "{screen}");
    tmux.keys(&["q"]);
    tmux.keys(&["q"]);
    exited_cleanly(&tmux, "0");
}
