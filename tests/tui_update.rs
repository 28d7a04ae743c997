//! `app::update` for every key in both views, the refresh flow and windowing, driven through a
//! fake in-process store (no terminal, no IO).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Effect, Intent, Mouse, StoreJob};
use chmon::app::{App, Status};
use chmon::i18n::Lang;
use tui_support::{Fake, headlines, now, started};

fn list_app(n: usize) -> (App, Fake) {
    started(Lang::Uk, headlines(n), 80, 24)
}

#[test]
fn start_loads_a_window_not_the_whole_cache() {
    let mut app = App::new(
        tui_support::settings(Lang::Uk),
        now(),
        vec![tui_support::agency_feed()],
    );
    let _ = chmon::app::update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let effects = chmon::app::update(
        &mut app,
        Action::Start {
            now: now(),
            refresh: true,
            notice: None,
        },
    );
    assert!(
        matches!(effects[0], Effect::Store(StoreJob::LoadHeadlines { offset: 0, limit, .. }) if limit <= 100)
    );
    assert!(
        effects.contains(&Effect::Refresh(vec![1])),
        "never fetched: due at once: {effects:?}"
    );
    assert!(app.refreshing);
}

#[test]
fn movement_keys_in_the_list() {
    let (mut app, mut fake) = list_app(50);
    assert_eq!(app.list.selected, 0);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Down);
    assert_eq!(app.list.selected, 2);
    fake.key(&mut app, Intent::Up);
    assert_eq!(app.list.selected, 1);
    fake.key(&mut app, Intent::PageDown);
    let page = app.body_height() - 2;
    assert_eq!(app.list.selected, 1 + page);
    fake.key(&mut app, Intent::PageUp);
    assert_eq!(app.list.selected, 1);
    fake.key(&mut app, Intent::Bottom);
    assert_eq!(app.list.selected, 49);
    fake.key(&mut app, Intent::Down);
    assert_eq!(app.list.selected, 49, "no step past the end");
    fake.key(&mut app, Intent::Top);
    assert_eq!(app.list.selected, 0);
    fake.key(&mut app, Intent::Up);
    assert_eq!(app.list.selected, 0, "no step before the start");
    assert!(fake.effects.is_empty(), "{:?}", fake.effects);
}

#[test]
fn the_selection_stays_on_screen_with_day_headers() {
    let (mut app, mut fake) = list_app(60);
    for _ in 0..40 {
        fake.key(&mut app, Intent::Down);
        let lines = app.list_lines();
        assert!(lines.len() <= app.body_height());
        assert!(
            lines.contains(&chmon::app::list::ListLine::Row(app.list.selected)),
            "selected row {} off screen",
            app.list.selected
        );
    }
}

#[test]
fn a_long_list_is_loaded_window_by_window() {
    let (mut app, mut fake) = list_app(5000);
    assert!(app.list.rows.len() < 200, "loaded {}", app.list.rows.len());
    fake.key(&mut app, Intent::Bottom);
    assert_eq!(app.list.selected, 4999);
    let row = app.list.selected_row().expect("the last row is loaded");
    assert_eq!(row.id, 5000);
    assert!(app.list.rows.len() < 200);
    fake.key(&mut app, Intent::Top);
    assert_eq!(app.list.selected_row().map(|h| h.id), Some(1));
}

#[test]
fn enter_opens_the_article_and_marks_it_read() {
    let (mut app, mut fake) = list_app(10);
    let unread = app.list.counts.unread;
    fake.key(&mut app, Intent::Open);
    let reader = app.reader.as_ref().expect("article view");
    assert_eq!(reader.id, 1);
    assert!(reader.article.is_some());
    assert_eq!(
        fake.effects,
        vec![Effect::Store(StoreJob::SetRead { id: 1, read: true })]
    );
    assert!(app.list.row(0).is_some_and(|h| h.read));
    assert_eq!(app.list.counts.unread, unread - 1);
}

#[test]
fn u_toggles_read_and_keeps_the_count() {
    let (mut app, mut fake) = list_app(10);
    let unread = app.list.counts.unread;
    fake.key(&mut app, Intent::ToggleRead);
    assert_eq!(app.list.counts.unread, unread - 1);
    fake.key(&mut app, Intent::ToggleRead);
    assert_eq!(app.list.counts.unread, unread);
    assert_eq!(
        fake.effects,
        vec![
            Effect::Store(StoreJob::SetRead { id: 1, read: true }),
            Effect::Store(StoreJob::SetRead { id: 1, read: false })
        ]
    );
}

#[test]
fn o_in_the_list_opens_the_link_of_the_selected_article() {
    let (mut app, mut fake) = list_app(10);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::OpenLink);
    assert_eq!(
        fake.effects,
        vec![Effect::OpenUrl("http://monitor.cn.ua/ua/news/2".into())]
    );
    assert!(app.reader.is_none(), "o does not open the article view");
}

#[test]
fn only_http_links_are_opened() {
    let (mut app, _) = list_app(3);
    let mut bad = tui_support::article(1);
    bad.link = Some("javascript:alert(1)".into());
    let _ = chmon::app::update(&mut app, Action::Intent(Intent::OpenLink));
    let effects = chmon::app::update(
        &mut app,
        Action::ArticleLoaded {
            id: 1,
            article: Some(Box::new(bad)),
            page: None,
            feeds: vec![1],
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(&app.status, Status::Error(m) if m.contains("http")));
    let _ = chmon::app::update(
        &mut app,
        Action::OpenLinkFailed("xdg-open: \u{1b}[2Jnot found".into()),
    );
    assert!(
        matches!(&app.status, Status::Error(m) if m.contains("not found") && !m.contains('\u{1b}'))
    );
}

#[test]
fn r_refreshes_once_and_q_quits() {
    let (mut app, mut fake) = list_app(3);
    fake.key(&mut app, Intent::Refresh);
    fake.key(&mut app, Intent::Refresh);
    assert!(app.refreshing);
    fake.key(&mut app, Intent::Quit);
    assert_eq!(fake.effects, vec![Effect::Refresh(vec![1]), Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let (mut app, mut fake) = list_app(3);
    fake.key(&mut app, Intent::Help);
    assert!(app.help);
    fake.key(&mut app, Intent::Down);
    assert!(app.help, "a movement key scrolls the help");
    assert_eq!(app.list.selected, 0);
    fake.key(&mut app, Intent::Refresh);
    assert!(!app.help);
    assert!(fake.effects.is_empty(), "the closing key does nothing else");
}

#[test]
fn a_help_taller_than_the_screen_scrolls_and_stops_at_its_end() {
    let (mut app, mut fake) = list_app(3);
    fake.key(&mut app, Intent::Help);
    for _ in 0..100 {
        fake.key(&mut app, Intent::Down);
    }
    let max = app.help_rows() - 24;
    assert_eq!(app.help_scroll, max);
    fake.key(&mut app, Intent::Up);
    assert_eq!(app.help_scroll, max - 1);
    fake.key(&mut app, Intent::Help);
    fake.key(&mut app, Intent::Help);
    assert_eq!(app.help_scroll, 0, "it opens at the top");
}

#[test]
fn a_refresh_keeps_the_selected_article() {
    let (mut app, mut fake) = list_app(30);
    for _ in 0..5 {
        fake.key(&mut app, Intent::Down);
    }
    let id = app.list.selected_row().map(|h| h.id);
    let on_screen = app.list.selected - app.list.top;
    // Three new articles arrive on top.
    let mut fresh = headlines(3);
    for h in &mut fresh {
        h.id += 1000;
    }
    fresh.append(&mut fake.rows);
    fake.rows = fresh;
    fake.send(&mut app, tui_support::refreshed(3));
    assert_eq!(app.list.selected, 8);
    assert_eq!(app.list.selected_row().map(|h| h.id), id);
    assert_eq!(app.list.selected - app.list.top, on_screen);
    assert_eq!(app.list.counts.total, 33);
    assert_eq!(app.status, Status::Info("3 нові".into()));
    assert!(!app.refreshing);
}

#[test]
fn a_failed_refresh_keeps_the_headlines_and_says_why() {
    let (mut app, mut fake) = list_app(5);
    fake.key(&mut app, Intent::Refresh);
    let error = "http://monitor.cn.ua/news.xml: connection refused".to_string();
    fake.send(&mut app, Action::RefreshFailed { now: now(), error });
    assert_eq!(app.list.rows.len(), 5);
    assert!(matches!(&app.status, Status::Error(m) if m.contains("connection refused")));
    assert!(!app.refreshing);
}

#[test]
fn keys_in_the_article_view() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(10), 80, 8);
    fake.key(&mut app, Intent::Open);
    let scroll = |app: &App| app.reader.as_ref().map(|r| r.scroll);
    let max = app.reader.as_ref().map(|r| r.max_scroll(app.body_height()));
    assert!(
        max.is_some_and(|m| m > 2),
        "the article is longer than 5 lines"
    );
    fake.key(&mut app, Intent::Down);
    assert_eq!(scroll(&app), Some(1));
    fake.key(&mut app, Intent::Up);
    assert_eq!(scroll(&app), Some(0));
    fake.key(&mut app, Intent::Bottom);
    assert_eq!(scroll(&app), max);
    fake.key(&mut app, Intent::Down);
    assert_eq!(scroll(&app), max, "no scroll past the end");
    fake.key(&mut app, Intent::Top);
    fake.key(&mut app, Intent::PageDown);
    assert_eq!(scroll(&app), Some(4.min(max.unwrap_or(0))));
    fake.key(&mut app, Intent::PageUp);
    assert_eq!(scroll(&app), Some(0));
    fake.effects.clear();
    fake.key(&mut app, Intent::OpenLink);
    assert_eq!(
        fake.effects,
        vec![Effect::OpenUrl("http://monitor.cn.ua/ua/news/1".into())]
    );
    fake.key(&mut app, Intent::Next);
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(2));
    assert_eq!(app.list.selected, 1);
    fake.key(&mut app, Intent::Previous);
    fake.key(&mut app, Intent::Previous);
    assert_eq!(
        app.reader.as_ref().map(|r| r.id),
        Some(1),
        "no step before the first"
    );
    fake.key(&mut app, Intent::Help);
    assert!(app.help);
    fake.key(&mut app, Intent::Back);
    assert!(!app.help && app.reader.is_some());
    fake.key(&mut app, Intent::Back);
    assert!(app.reader.is_none());
    assert_eq!(app.list.selected, 0);
}

#[test]
fn the_article_reflows_on_resize_within_the_measure() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(3), 120, 30);
    fake.key(&mut app, Intent::Open);
    let widest = |app: &App| {
        let r = app.reader.as_ref().expect("open");
        r.doc
            .iter()
            // URLs are kept whole by the renderer (so terminals can still open them).
            .filter(|l| !l.text.contains("://"))
            .map(|l| chmon::text::width::width(&l.text))
            .max()
            .unwrap_or(0)
    };
    assert!(widest(&app) <= 80);
    assert!(widest(&app) > 40, "wide screens use the measure");
    fake.send(
        &mut app,
        Action::Resize {
            width: 30,
            height: 10,
        },
    );
    assert!(widest(&app) <= 26, "{}", widest(&app));
    fake.send(
        &mut app,
        Action::Resize {
            width: 1,
            height: 1,
        },
    );
    assert!(app.reader.is_some());
}

#[test]
fn mouse_wheel_scrolls_and_click_selects_then_opens() {
    let (mut app, mut fake) = list_app(20);
    fake.send(&mut app, Action::Mouse(Mouse::ScrollDown));
    assert_eq!(app.list.selected, 3);
    fake.send(&mut app, Action::Mouse(Mouse::ScrollUp));
    assert_eq!(app.list.selected, 0);
    // Screen row 1 is the first day header, row 2 the first headline, row 3 the second.
    fake.send(&mut app, Action::Mouse(Mouse::Click { column: 10, row: 3 }));
    assert_eq!(app.list.selected, 1);
    fake.send(&mut app, Action::Mouse(Mouse::Click { column: 10, row: 1 }));
    assert_eq!(app.list.selected, 1, "a header is not a headline");
    fake.send(&mut app, Action::Mouse(Mouse::Click { column: 10, row: 3 }));
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(2));
}

#[test]
fn the_help_scrolls_exactly_to_its_last_line() {
    let (mut app, mut fake) = list_app(3);
    fake.key(&mut app, Intent::Help);
    fake.key(&mut app, Intent::PageDown);
    fake.key(&mut app, Intent::PageDown);
    let text = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert!(text.contains("Миша"), "the last lines are shown:\n{text}");
    fake.key(&mut app, Intent::Up);
    let up = tui_support::screen::text(&tui_support::screen::draw(&app));
    assert_ne!(up, text, "one line up is visible at once");
}
