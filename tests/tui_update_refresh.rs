//! `app::update` at the end of a refresh, in the orders the real loop can see them: the list
//! loaded while the refresh was writing (a newer article then comes above the first row), and the
//! pane's failure mark with the status that says it, before the pane is loaded again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Effect, FeedRefreshed, Intent};
use chmon::app::update;
use chmon::i18n::Lang;
use chmon::model::FeedState;
use tui_support::{headlines, now, started};

/// The list was loaded (its first article selected) before the refresh stored a newer one:
/// after the refresh the newer one is on screen, above the article still selected. (It was
/// kept «at the same place on screen», i.e. scrolled off above the top: the flake of
/// tui_runtime_feeds' `all_news_once_each…`, «Суд у Ніжині» missing with «2/6».)
#[test]
fn a_newer_article_above_the_first_row_is_shown_after_the_refresh() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    assert_eq!((app.list.selected, app.list.top), (0, 0));
    let first = app.list.selected_row().map(|h| h.id);
    fake.key(&mut app, Intent::Refresh);
    let mut newer = headlines(1);
    newer[0].id = 100;
    newer[0].time = now();
    newer.append(&mut fake.rows);
    fake.rows = newer;
    fake.send(&mut app, tui_support::refreshed(1));
    assert!(!app.refreshing);
    assert_eq!(app.list.counts.total, 6);
    assert_eq!(app.list.selected_row().map(|h| h.id), first, "same article");
    assert_eq!(app.list.selected, 1);
    assert_eq!(app.list.top, 0, "the newer article is in sight");
    assert_eq!(app.list.row(0).map(|h| h.id), Some(100));
}

/// Further down, the selected article keeps its line on screen (as before).
#[test]
fn below_the_first_row_the_selection_keeps_its_line() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Refresh);
    let mut newer = headlines(1);
    newer[0].id = 100;
    newer[0].time = now();
    newer.append(&mut fake.rows);
    fake.rows = newer;
    fake.send(&mut app, tui_support::refreshed(1));
    assert_eq!((app.list.selected, app.list.top), (2, 1));
}

/// The failed feed's `!` comes with the status line that names it (the pane's reload, asked
/// for at the same time, comes later).
#[test]
fn a_failed_feed_is_marked_in_the_pane_with_the_status() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    fake.key(&mut app, Intent::Refresh);
    assert!(fake.effects.contains(&Effect::Refresh(vec![1])));
    let error = "missing.xml: No such file or directory".to_string();
    let done = FeedRefreshed {
        feed_id: 1,
        now: now(),
        new: 0,
        title: None,
        error: Some(error.clone()),
        held: None,
        state: FeedState {
            last_attempt: Some(now()),
            last_error: Some(error),
            failures: 1,
            ..FeedState::default()
        },
    };
    // Straight through `update`: its effects (the pane's reload among them) are not answered.
    let effects = update(&mut app, Action::FeedRefreshed(Box::new(done)));
    assert!(!app.refreshing, "{effects:?}");
    assert!(matches!(app.status, chmon::app::Status::Error(_)));
    let feed = app.feeds.feeds.iter().find(|f| f.id == 1).unwrap();
    assert!(feed.state.last_error.is_some(), "{feed:?}");
}
