//! The real loop with a feed list of three local agency feeds (the main one and two section
//! feeds that overlap it): «Усі новини» merged by time with each page once and its feed named,
//! the pane's counts, choosing a section, one read state across feeds, and a feed that fails
//! while the others are shown. No network, no terminal.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::path::Path;

use ratatui::backend::TestBackend;

use chmon::config::{FeedSpec, Settings};
use chmon::i18n::Lang;
use chmon::runtime::Browser;
use tui_support::running::Running;

fn copy(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/feeds")
            .join(name),
        &path,
    )
    .unwrap();
    path.display().to_string()
}

fn spec(url: String, name: &str, section: Option<&str>) -> FeedSpec {
    let mut spec = FeedSpec::new(url);
    spec.name = Some(name.into());
    spec.section = section.map(Into::into);
    spec
}

fn settings(dir: &Path) -> Settings {
    let feeds = vec![
        spec(copy(dir, "main.xml"), "Головна", None),
        spec(copy(dir, "politics.xml"), "Політика", Some("Агенція")),
        spec(copy(dir, "monitoring.xml"), "Моніторинг", Some("Агенція")),
        spec(
            dir.join("missing.xml").display().to_string(),
            "Зникла",
            None,
        ),
    ];
    let mut settings = Settings::with_feeds(feeds, dir);
    settings.lang = Lang::Uk;
    settings.zone = chmon::timefmt::Zone::kyiv();
    // The fixtures link to real sites: no article page is fetched.
    tui_support::fetching(&mut settings, chmon::config::FullText::Never);
    settings
}

fn no_browser() -> Browser {
    Browser::from_value(Some("/nonexistent/browser".into()))
}

#[test]
fn all_news_once_each_with_the_pane_and_one_read_state() {
    let dir = tempfile::tempdir().unwrap();
    let run = Running::start(
        settings(dir.path()),
        true,
        TestBackend::new(110, 24),
        no_browser(),
    );
    let screen = run.wait_for("the refresh of every feed", |s| {
        // The status line comes with the refresh's result; the counts and rows with the
        // reload after it: wait for both.
        s.contains("не вдалося оновити: Зникла: ")
            && s.contains("6 нов")
            && s.contains("6 непрочитаних")
            && s.contains("Суд у Ніжині")
    });
    assert!(screen.contains("chmon · Усі новини"), "{screen}");
    assert!(screen.contains("6 непрочитаних"), "{screen}");
    assert_eq!(
        screen
            .matches("У Чернігові відновили рух тролейбусів")
            .count(),
        1,
        "a page of three feeds is shown once:\n{screen}"
    );
    assert!(screen.contains("›Усі новини"), "{screen}");
    assert!(screen.contains("▾ Агенція"), "{screen}");
    assert!(
        screen.contains("!Зникла"),
        "the failed feed is marked:\n{screen}"
    );
    assert!(screen.contains("Суд у Ніжині"), "{screen}");
    assert!(screen.contains("Політика"), "the feed of a row:\n{screen}");
    // Choose the section: only its pages (2, 3, 6).
    run.keys(&["Tab", "j", "j", "Enter"]);
    let screen = run.wait_for("the section", |s| {
        s.contains("chmon · Агенція") && s.contains("1/3")
    });
    assert!(!screen.contains("Обласна рада"), "{screen}");
    // Read the newest of the section (news 6) and go back to All: read there too.
    run.keys(&["Enter"]);
    run.wait_for("the article", |s| s.contains("Лід новини 6"));
    run.keys(&["Esc"]);
    run.wait_for("2 unread in the section", |s| s.contains("2 непрочитані"));
    run.keys(&["Tab", "g", "Enter"]);
    let screen = run.wait_for("All again", |s| {
        s.contains("chmon · Усі новини") && s.contains("5 непрочитаних")
    });
    let line = screen
        .lines()
        .find(|l| l.contains("Суд у Ніжині"))
        .unwrap()
        .to_string();
    assert!(!line.contains('●'), "read in All: {line}");
    run.keys(&["q"]);
    run.join().unwrap();
}

#[test]
fn at_40_columns_the_pane_hides_and_tab_brings_it_over_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let run = Running::start(
        settings(dir.path()),
        true,
        TestBackend::new(40, 16),
        no_browser(),
    );
    let screen = run.wait_for("the list", |s| s.contains("1/6") && s.contains("Зникла"));
    assert!(
        !screen.contains("▾ Агенція"),
        "no pane at 40 columns:\n{screen}"
    );
    run.keys(&["Tab"]);
    let screen = run.wait_for("the pane", |s| s.contains("▾ Агенція"));
    assert!(
        !screen.contains("Суд у Ніжині"),
        "the pane takes the body:\n{screen}"
    );
    run.keys(&["G", "k", "Enter"]);
    run.wait_for("Моніторинг", |s| {
        s.contains("Моніторинг") && s.contains("1/2")
    });
    run.keys(&["q"]);
    run.join().unwrap();
}
