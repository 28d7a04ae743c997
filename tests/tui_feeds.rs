//! `app::update` with several feeds, on a fake clock (no sleeps): the feed pane (shown, hidden,
//! full screen at 40 columns, folding, choosing what the list shows), the timer (each feed when
//! it is due, never twice at once), `r` and `Retry-After` (the status says how long), and a
//! batch where one feed fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use std::time::Duration;

use chrono::TimeDelta;

use chmon::action::{Action, Effect, FeedRefreshed, Intent, StoreJob, View};
use chmon::app::{App, Status, update};
use chmon::config::{FeedSpec, Settings};
use chmon::i18n::Lang;
use chmon::model::{FeedState, FeedSummary, ListQuery, Scope};
use tui_support::now;

fn feed(id: i64, name: &str, section: Option<&str>, state: FeedState) -> FeedSummary {
    FeedSummary {
        id,
        source: format!("https://f{id}.example/rss"),
        name: Some(name.into()),
        section: section.map(Into::into),
        state,
        ..FeedSummary::default()
    }
}

/// Fetched just now, fine.
fn fresh() -> FeedState {
    FeedState {
        last_attempt: Some(now()),
        last_success: Some(now()),
        ..FeedState::default()
    }
}

/// Three feeds (two in «Агенція»), every 30 min (feed 3 every 10), all fetched just now.
fn app(width: u16) -> App {
    let mut specs: Vec<FeedSpec> = (1..=3)
        .map(|n| FeedSpec::new(format!("https://f{n}.example/rss")))
        .collect();
    specs[2].refresh = Duration::from_secs(600);
    let mut settings = Settings::with_feeds(specs, "/nonexistent");
    settings.lang = Lang::Uk;
    let feeds = vec![
        feed(1, "Головна", None, fresh()),
        feed(2, "Політика", Some("Агенція"), fresh()),
        feed(3, "Моніторинг", Some("Агенція"), fresh()),
    ];
    let mut app = App::new(settings, now(), feeds);
    let _ = update(&mut app, Action::Resize { width, height: 24 });
    let effects = update(
        &mut app,
        Action::Start {
            now: now(),
            refresh: true,
            notice: None,
        },
    );
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Refresh(_))),
        "nothing is due yet: {effects:?}"
    );
    loaded(&mut app, &effects);
    app
}

/// Answers the headline loads among `effects` with an empty window.
fn loaded(app: &mut App, effects: &[Effect]) {
    for effect in effects {
        if let Effect::Store(StoreJob::LoadHeadlines { seq, offset, .. }) = effect {
            let window = chmon::action::HeadlineWindow {
                seq: *seq,
                offset: *offset,
                rows: Vec::new(),
                counts: chmon::model::Counts::default(),
            };
            let _ = update(app, Action::HeadlinesLoaded(window));
        }
    }
}

fn key(app: &mut App, intent: Intent) -> Vec<Effect> {
    update(app, Action::Intent(intent))
}

fn done(id: i64, at: chrono::DateTime<chrono::Utc>, error: Option<&str>) -> Action {
    let state = FeedState {
        last_attempt: Some(at),
        last_success: error.is_none().then_some(at),
        last_error: error.map(Into::into),
        failures: u32::from(error.is_some()),
        ..FeedState::default()
    };
    Action::FeedRefreshed(Box::new(FeedRefreshed {
        feed_id: id,
        now: at,
        new: 2,
        title: None,
        error: error.map(Into::into),
        held: None,
        state,
    }))
}

#[test]
fn the_pane_lists_all_sections_and_feeds_and_chooses_what_the_list_shows() {
    let mut app = app(100);
    assert!(app.feeds.shown, "several feeds: the pane is shown");
    assert_eq!(app.pane_width(), 25);
    assert_eq!(app.list.query, ListQuery::new(Scope::All));
    assert_eq!(app.title(), "Усі новини");
    assert!(app.shows_feed_names());
    assert_eq!(key(&mut app, Intent::SwitchPane), vec![]);
    assert_eq!(app.view(), View::Feeds);
    key(&mut app, Intent::Down);
    key(&mut app, Intent::Down);
    let effects = key(&mut app, Intent::ChooseFeed);
    assert_eq!(
        app.list.query,
        ListQuery::new(Scope::Section("Агенція".into()))
    );
    assert!(
        matches!(&effects[..], [Effect::Store(StoreJob::LoadHeadlines { query, offset: 0, .. })]
            if *query == app.list.query),
        "{effects:?}"
    );
    assert_eq!(app.view(), View::List, "the list has the keys again");
    assert_eq!(app.title(), "Агенція");
    // Fold the section: its feeds leave the pane; the cursor stays on it.
    key(&mut app, Intent::SwitchPane);
    key(&mut app, Intent::Fold);
    assert_eq!(app.feeds.lines().len(), 3, "All, Головна, ▸ Агенція");
    key(&mut app, Intent::Fold);
    key(&mut app, Intent::Bottom);
    key(&mut app, Intent::ChooseFeed);
    assert_eq!(app.list.query, ListQuery::new(Scope::Feed(3)));
    assert_eq!(app.title(), "Моніторинг");
    assert!(!app.shows_feed_names(), "one feed: no feed names");
    // `f` hides the pane and gives the keys to the list.
    key(&mut app, Intent::SwitchPane);
    key(&mut app, Intent::ToggleFeeds);
    assert_eq!((app.pane_width(), app.view()), (0, View::List));
}

#[test]
fn at_40_columns_the_pane_hides_and_takes_the_screen_when_asked() {
    let mut app = app(40);
    assert_eq!(app.pane_width(), 0, "no room beside the list");
    assert!(!app.pane_fills_screen());
    key(&mut app, Intent::SwitchPane);
    assert!(app.pane_fills_screen());
    assert_eq!(app.view(), View::Feeds);
    key(&mut app, Intent::Down);
    key(&mut app, Intent::ChooseFeed);
    assert!(!app.pane_fills_screen(), "choosing goes back to the list");
    assert_eq!(app.list.query, ListQuery::new(Scope::Feed(1)));
    key(&mut app, Intent::ToggleFeeds);
    assert!(app.pane_fills_screen());
    key(&mut app, Intent::ToggleFeeds);
    assert!(!app.pane_fills_screen());
}

#[test]
fn the_timer_refreshes_each_feed_when_it_is_due_and_never_twice_at_once() {
    let mut app = app(100);
    // The next due time is feed 3's (10 min, plus at most 5 % jitter).
    let wait = app.timer_wait().unwrap();
    assert!(
        wait >= Duration::from_secs(600) && wait <= Duration::from_secs(630),
        "{wait:?}"
    );
    // The clock comes sooner for the status line's «оновлено щойно» → «1 хв».
    assert_eq!(app.tick_interval(), Some(Duration::from_secs(60)));
    let at = |minutes| now() + TimeDelta::minutes(minutes);
    assert!(update(&mut app, Action::Tick { now: at(9) }).is_empty());
    let effects = update(&mut app, Action::Tick { now: at(11) });
    assert_eq!(effects, vec![Effect::Refresh(vec![3])]);
    assert!(app.refreshing);
    // Still in flight at 32 min: feeds 1 and 2 are due, 3 is not asked again.
    let effects = update(&mut app, Action::Tick { now: at(32) });
    assert_eq!(effects, vec![Effect::Refresh(vec![1, 2])]);
    let effects = key(&mut app, Intent::Refresh);
    assert!(
        effects.is_empty(),
        "r asks nothing that is being fetched: {effects:?}"
    );
    // Results come back; the batch is over after the last one.
    update(&mut app, done(3, at(32), None));
    update(&mut app, done(1, at(32), None));
    assert!(app.refreshing);
    let effects = update(
        &mut app,
        done(2, at(32), Some("https://f2.example/rss: HTTP 500")),
    );
    assert!(!app.refreshing);
    assert!(
        effects.contains(&Effect::Store(StoreJob::LoadFeeds)),
        "{effects:?}"
    );
    let Status::Error(message) = &app.status else {
        panic!("{:?}", app.status);
    };
    assert!(
        message.contains("Політика: https://f2.example/rss: HTTP 500"),
        "{message}"
    );
    assert!(
        message.contains("6 нових"),
        "the others' news still counts: {message}"
    );
    // Feed 2 failed once: it backs off to twice its interval.
    let due2 = update(&mut app, Action::Tick { now: at(32 + 59) });
    assert!(
        !due2
            .iter()
            .any(|e| matches!(e, Effect::Refresh(ids) if ids.contains(&2)))
    );
    let due2 = update(&mut app, Action::Tick { now: at(32 + 64) });
    assert!(
        due2.iter()
            .any(|e| matches!(e, Effect::Refresh(ids) if ids.contains(&2))),
        "{due2:?}"
    );
}

#[test]
fn r_honours_retry_after_and_says_how_long_the_server_asked_to_wait() {
    let mut app = app(100);
    let held = FeedState {
        retry_until: Some(now() + TimeDelta::minutes(15)),
        failures: 1,
        last_attempt: Some(now()),
        ..FeedState::default()
    };
    app.refresh.states.insert(2, held.clone());
    let effects = key(&mut app, Intent::Refresh);
    assert_eq!(
        effects,
        vec![Effect::Refresh(vec![1, 3])],
        "feed 2 is not asked"
    );
    update(&mut app, done(1, now(), None));
    update(&mut app, done(3, now(), None));
    assert_eq!(
        app.status,
        Status::Info("4 нові · Політика: сервер просить зачекати 15 хв".into())
    );
    // Nothing else to ask: r says so at once.
    app.refresh.states.insert(1, held.clone());
    app.refresh.states.insert(3, held);
    assert!(key(&mut app, Intent::Refresh).is_empty());
    assert_eq!(
        app.status,
        Status::Info("Моніторинг: сервер просить зачекати 15 хв".into())
    );
    // The timer waits for it too.
    let at = now() + TimeDelta::minutes(14);
    assert!(update(&mut app, Action::Tick { now: at }).is_empty());
}

#[test]
fn no_refresh_means_no_timer() {
    let mut app = app(100);
    let effects = update(
        &mut app,
        Action::Start {
            now: now(),
            refresh: false,
            notice: None,
        },
    );
    loaded(&mut app, &effects);
    assert_eq!(app.timer_wait(), None);
    let later = now() + TimeDelta::hours(5);
    assert!(update(&mut app, Action::Tick { now: later }).is_empty());
    assert_eq!(
        key(&mut app, Intent::Refresh),
        vec![Effect::Refresh(vec![1, 2, 3])]
    );
}

#[test]
fn choosing_a_feed_keeps_unread_only_and_leaves_the_starred_view() {
    let mut app = app(100);
    key(&mut app, Intent::ToggleUnreadOnly);
    key(&mut app, Intent::SwitchPane);
    key(&mut app, Intent::Down);
    key(&mut app, Intent::ChooseFeed);
    let mut want = ListQuery::new(Scope::Feed(1));
    want.unread_only = true;
    assert_eq!(app.list.query, want);
    assert_eq!(app.title(), "Головна · непрочитані");
    // The starred view of "Головна"; choosing the same feed in the pane leaves it.
    key(&mut app, Intent::StarredView);
    assert!(app.list.query.starred);
    assert_eq!(app.title(), "★ Обране");
    key(&mut app, Intent::SwitchPane);
    let effects = key(&mut app, Intent::ChooseFeed);
    assert!(!app.list.query.starred);
    assert!(!effects.is_empty(), "the feed's list is loaded again");
    // S from the starred view goes back to the list before it.
    key(&mut app, Intent::StarredView);
    key(&mut app, Intent::StarredView);
    assert_eq!(app.list.query, ListQuery::new(Scope::Feed(1)));
}
