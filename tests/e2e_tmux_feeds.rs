//! Several feeds in a real terminal: the debug binary under tmux with a config of four feeds
//! from the loopback server (the agency's main feed, two overlapping section feeds, one whose
//! server answers 503 with Retry-After). «Усі новини» with the feed pane, each page once, the
//! status naming the waiting feed, Tab into the pane, a section chosen, `r` honouring the wait.
//! Skipped (with a note) when tmux is missing, except under CI=true where that is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;
mod tmux_support;

use common::{Route, TestServer, fixture};
use tmux_support::{Tmux, available};

fn feed(name: &str) -> Route {
    Route::ok(fixture(&format!("feeds/{name}"))).header("Content-Type", "application/rss+xml")
}

#[test]
fn several_feeds_in_a_real_terminal() {
    if !available() {
        return;
    }
    let server = TestServer::start();
    server.route("/news.xml", feed("main.xml"));
    server.route("/news_politics.xml", feed("politics.xml"));
    server.route("/news_monitoring.xml", feed("monitoring.xml"));
    server.route(
        "/busy.xml",
        Route::status(503).header("Retry-After", "1800"),
    );
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("chmon");
    std::fs::create_dir_all(&config_dir).unwrap();
    let mut config = String::from("lang = \"uk\"\n");
    for (path, name, section) in [
        ("/news.xml", "Головна", None),
        ("/news_politics.xml", "Політика", Some("Агенція")),
        ("/news_monitoring.xml", "Моніторинг", Some("Агенція")),
        ("/busy.xml", "Зайнята", None),
    ] {
        config.push_str(&format!(
            "\n[[feed]]\nurl = \"{}\"\nname = \"{name}\"\n",
            server.url(path)
        ));
        if let Some(section) = section {
            config.push_str(&format!("section = \"{section}\"\n"));
        }
    }
    std::fs::write(config_dir.join("config.toml"), config).unwrap();
    let data = dir.path().join("data");
    let args = ["--data-dir", data.to_str().unwrap()];
    let tmux = Tmux::start("feeds", (110, 24), &args, &[], dir.path());

    let screen = tmux.wait_for("every feed refreshed", |s| {
        s.contains("6 нових · Зайнята: сервер просить зачекати 30 хв") && s.contains("Суд у Ніжині")
    });
    assert!(screen.contains("Усі новини"), "{screen}");
    assert!(screen.contains("▾ Агенція"), "{screen}");
    assert!(screen.contains("!Зайнята"), "{screen}");
    assert_eq!(
        screen.matches("Прикордонники отримали нові дрони").count(),
        1,
        "a page of three feeds is shown once:\n{screen}"
    );
    let busy_hits = || {
        server
            .requests()
            .iter()
            .filter(|r| r.path == "/busy.xml")
            .count()
    };
    assert_eq!(busy_hits(), 1);

    tmux.keys(&["Tab", "j", "j", "Enter"]);
    let screen = tmux.wait_for("the section", |s| s.contains("chmon · Агенція"));
    assert!(
        !screen.contains("Обласна рада"),
        "only the section's pages:\n{screen}"
    );
    assert!(screen.contains("1/3"), "{screen}");

    tmux.keys(&["r"]);
    tmux.wait_for("r says the wait", |s| {
        s.contains("немає нових · Зайнята: сервер просить зачекати")
    });
    assert_eq!(
        busy_hits(),
        1,
        "r does not ask a feed whose server asked to wait"
    );

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("chmon to exit", |s| s.contains("chmon exited:"));
    assert!(screen.contains("chmon exited: 0"), "{screen}");
}
