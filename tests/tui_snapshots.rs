//! Screens drawn on a `TestBackend` at 80×24 (and tiny sizes), compared with reviewed insta
//! snapshots of the text and the style of every cell: the list with day headers, the help
//! overlay, the status bar while refreshing and after an error, the empty first run, an
//! article, the smallest sizes, the themes (mono for `NO_COLOR`, light, the user's colours) and
//! remapped keys in the help and the hint bar.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chrono::{TimeZone, Utc};

use chmon::action::{Action, Intent};
use chmon::app::App;
use chmon::i18n::Lang;
use tui_support::{Fake, headlines, now, screen as draw, started};

/// The text only (for `contains` checks).
fn screen(app: &App) -> String {
    draw::text(&draw::draw(app))
}

/// Text and styles (for the snapshots).
fn styled(app: &App) -> String {
    draw::styled(&draw::draw(app))
}

/// Twelve headlines over several days, the last two from the previous year.
fn rows_with_old_year() -> Vec<chmon::model::Headline> {
    let mut rows = headlines(12);
    let old = Utc.with_ymd_and_hms(2024, 12, 30, 9, 5, 0).unwrap();
    rows[10].time = old;
    rows[11].time = old - chrono::Duration::hours(3);
    rows
}

fn list(lang: Lang) -> (App, Fake) {
    started(lang, rows_with_old_year(), 80, 24)
}

#[test]
fn list_with_day_headers() {
    let (mut app, mut fake) = list(Lang::Uk);
    fake.key(&mut app, Intent::Down);
    let text = screen(&app);
    assert!(text.contains("Сьогодні") && text.contains("Вчора") && text.contains("2024"));
    insta::assert_snapshot!("list_uk", styled(&app));
}

#[test]
fn list_in_english() {
    let (app, _) = list(Lang::En);
    let text = screen(&app);
    assert!(text.contains("Today") && text.contains("unread"));
    insta::assert_snapshot!("list_en", styled(&app));
}

#[test]
fn help_overlay() {
    let (mut app, mut fake) = list(Lang::Uk);
    fake.key(&mut app, Intent::Help);
    insta::assert_snapshot!("help_uk", styled(&app));
}

#[test]
fn status_bar_while_refreshing() {
    let (mut app, mut fake) = list(Lang::Uk);
    fake.key(&mut app, Intent::Refresh);
    let text = screen(&app);
    assert!(text.contains("оновлення…"));
    insta::assert_snapshot!("refreshing", styled(&app));
}

#[test]
fn status_bar_after_an_error() {
    let (mut app, mut fake) = list(Lang::Uk);
    fake.key(&mut app, Intent::Refresh);
    let error = "http://monitor.cn.ua/news.xml: connection refused".to_string();
    fake.send(&mut app, Action::RefreshFailed { now: now(), error });
    let text = screen(&app);
    assert!(text.contains("connection refused") && text.contains("Сьогодні"));
    insta::assert_snapshot!("refresh_error", styled(&app));
}

#[test]
fn after_a_refresh_with_news() {
    let (mut app, mut fake) = list(Lang::Uk);
    fake.send(&mut app, tui_support::refreshed(5));
    assert!(screen(&app).contains("5 нових"));
}

#[test]
fn empty_first_run_without_network() {
    let (mut app, mut fake) = started(Lang::Uk, Vec::new(), 80, 24);
    fake.key(&mut app, Intent::Refresh);
    let waiting = screen(&app);
    assert!(waiting.contains("Кеш порожній"), "{waiting}");
    let error = "http://monitor.cn.ua/news.xml: dns error: failed to lookup address".to_string();
    fake.send(&mut app, Action::RefreshFailed { now: now(), error });
    let text = screen(&app);
    assert!(text.contains("dns error") && text.contains("--demo") && text.contains(" r"));
    insta::assert_snapshot!("empty_first_run", styled(&app));
}

#[test]
fn article_view() {
    let (mut app, mut fake) = list(Lang::Uk);
    fake.key(&mut app, Intent::Open);
    let text = screen(&app);
    assert!(text.contains("Агенцiя") && text.contains("Вівторок, 23 грудня, 16:33"));
    insta::assert_snapshot!("article_uk", styled(&app));
}

#[test]
fn tiny_20x5() {
    let (mut app, mut fake) = started(Lang::Uk, rows_with_old_year(), 80, 24);
    fake.send(
        &mut app,
        Action::Resize {
            width: 20,
            height: 5,
        },
    );
    insta::assert_snapshot!("list_20x5", styled(&app));
    fake.key(&mut app, Intent::Open);
    insta::assert_snapshot!("article_20x5", styled(&app));
    fake.key(&mut app, Intent::Help);
    insta::assert_snapshot!("help_20x5", styled(&app));
}

#[test]
fn every_small_size_draws_without_panic() {
    let (mut app, mut fake) = started(Lang::Uk, rows_with_old_year(), 80, 24);
    for (w, h) in [(1, 1), (1, 30), (100, 1), (19, 5), (20, 4), (2, 2), (21, 6)] {
        fake.send(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let text = screen(&app);
        if (w, h) == (19, 5) {
            assert!(text.contains("Вікно"), "{text}");
        }
        fake.key(&mut app, Intent::Open);
        fake.key(&mut app, Intent::Help);
        let _ = screen(&app);
        fake.key(&mut app, Intent::Help);
        fake.key(&mut app, Intent::Back);
        let _ = screen(&app);
    }
}

/// The hint bar's row of an app at 80 columns.
fn hint_row(app: &App) -> String {
    let last = screen(app).lines().last().unwrap().to_string();
    last.trim_matches('"').trim_end().to_string()
}

/// An app over three feeds (the pane's `Tab` is hinted too).
fn three_feeds(lang: Lang) -> (App, Fake) {
    let specs = (1..=3)
        .map(|n| chmon::config::FeedSpec::new(format!("https://f{n}.example/rss")))
        .collect();
    let mut settings = chmon::config::Settings::with_feeds(specs, "/nonexistent");
    settings.lang = lang;
    settings.zone = chmon::timefmt::Zone::kyiv();
    let feeds = (1..=3)
        .map(|id| chmon::model::FeedSummary {
            id,
            source: format!("https://f{id}.example/rss"),
            ..tui_support::agency_feed()
        })
        .collect();
    let mut app = App::new(settings, now(), feeds);
    let mut fake = Fake::new(headlines(16));
    fake.send(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let start = Action::Start {
        now: now(),
        refresh: false,
        notice: None,
    };
    fake.send(&mut app, start);
    (app, fake)
}

#[test]
fn the_hint_bar_at_80_columns_has_the_search() {
    let mut rows = Vec::new();
    for lang in [Lang::Uk, Lang::En] {
        let (app, _) = list(lang);
        rows.push(hint_row(&app));
        let (mut app, mut fake) = three_feeds(lang);
        rows.push(hint_row(&app));
        fake.key(&mut app, Intent::SwitchPane);
        assert!(app.pane_focus);
        rows.push(hint_row(&app));
    }
    for row in &rows {
        assert!(row.contains("/ пошук") || row.contains("/ search"), "{row}");
        assert!(row.ends_with("вихід") || row.ends_with("quit"), "{row}");
    }
    insta::assert_snapshot!("hint_bar_80", rows.join("\n"));
}
