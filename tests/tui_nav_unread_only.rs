//! The unread-only list while articles in it are read (`update` with the fake cache): the read
//! ones stay in the loaded window but leave the cache's list, so a later window, a next unread
//! found by the cache and a refresh's relocation count positions without them. Every jump must
//! still land on the right article: the selection, the article opened and the title bar's
//! unread count are checked at each step, through windows loaded on the way and past the first.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Effect, HeadlineWindow, Intent, StoreJob};
use chmon::app::{App, update};
use chmon::i18n::Lang;
use chmon::model::Headline;
use tui_support::{Fake, headlines, started};

fn selected_id(app: &App) -> Option<i64> {
    app.list.selected_row().map(|h| h.id)
}

/// 400 rows, the first 100 and id 300 unread (101 in the unread-only list: more than the
/// first window holds).
fn backlog() -> Vec<Headline> {
    let mut rows = headlines(400);
    for h in &mut rows {
        h.read = !(h.id <= 100 || h.id == 300);
    }
    rows
}

fn unread_only() -> (App, Fake) {
    let (mut app, mut fake) = started(Lang::Uk, backlog(), 80, 24);
    fake.key(&mut app, Intent::ToggleUnreadOnly);
    assert_eq!(app.list.counts.total, 101);
    assert!(
        app.list.offset + app.list.rows.len() < 101,
        "not all loaded"
    );
    (app, fake)
}

/// The ids the unread-only list goes through, in order.
fn expected() -> Vec<i64> {
    (1..=100).chain([300]).collect()
}

#[test]
fn n_in_the_article_view_opens_each_unread_in_turn() {
    let (mut app, mut fake) = unread_only();
    fake.key(&mut app, Intent::Open);
    let mut opened = vec![app.reader.as_ref().unwrap().id];
    for _ in 0..100 {
        fake.key(&mut app, Intent::NextUnread);
        let id = app.reader.as_ref().unwrap().id;
        // The selection follows (onto the next row once a window without it has come).
        let loaded = app.list.rows.iter().any(|h| h.id == id);
        assert!(
            selected_id(&app) == Some(id) || !loaded,
            "{id}: {:?}",
            selected_id(&app)
        );
        opened.push(id);
        // The title bar's count is the cache's at every step (the read mark goes before the
        // window that brings the counts).
        let cache = fake.counts_of(&app.list.query).unread;
        assert_eq!(app.list.counts.unread, cache, "{id}: the title bar's count");
    }
    assert_eq!(opened, expected());
    assert!(
        fake.rows.iter().all(|h| h.read),
        "each opened one was marked read"
    );
    assert_eq!(app.list.counts.unread, 0);
}

#[test]
fn n_in_the_list_after_reading_selects_each_unread_in_turn() {
    let (mut app, mut fake) = unread_only();
    let mut seen = vec![selected_id(&app).unwrap()];
    for _ in 0..100 {
        // Read it (open and back), then the next unread.
        fake.key(&mut app, Intent::Open);
        fake.key(&mut app, Intent::Back);
        fake.key(&mut app, Intent::NextUnread);
        seen.push(selected_id(&app).unwrap());
    }
    assert_eq!(seen, expected());
}

/// The fake cache's window for a `LoadHeadlines` effect (answered by hand, to look between).
fn window(fake: &Fake, effect: &Effect) -> Option<Action> {
    let Effect::Store(StoreJob::LoadHeadlines {
        seq,
        query,
        offset,
        limit,
    }) = effect
    else {
        return None;
    };
    let all = fake.rows_of(query);
    let end = (offset + limit).min(all.len());
    Some(Action::HeadlinesLoaded(HeadlineWindow {
        seq: *seq,
        offset: *offset,
        rows: all[(*offset).min(end)..end].to_vec(),
        counts: fake.counts_of(query),
    }))
}

#[test]
fn a_refresh_keeps_the_selected_article_after_reads() {
    let (mut app, mut fake) = unread_only();
    // Read the first ten (they stay on screen), then stay on the tenth.
    for _ in 0..10 {
        fake.key(&mut app, Intent::Open);
        fake.key(&mut app, Intent::Back);
        fake.key(&mut app, Intent::Down);
    }
    fake.key(&mut app, Intent::Up);
    assert_eq!(selected_id(&app), Some(10));
    // A refresh: the list is located again in the cache (which has dropped the read ones).
    let effects = update(&mut app, tui_support::refreshed(0));
    let (query, article_id) = effects
        .iter()
        .find_map(|e| match e {
            Effect::Store(StoreJob::Locate { query, article_id }) => {
                Some((query.clone(), *article_id))
            }
            _ => None,
        })
        .expect("the refresh relocates");
    let position = fake.rows_of(&query).iter().position(|h| h.id == article_id);
    let located = Action::Located {
        counts: fake.counts_of(&query),
        query,
        article_id,
        position,
    };
    let effects = update(&mut app, located);
    // Before the window comes: the tenth, or nothing loaded there; never another article.
    assert!(
        selected_id(&app).is_none_or(|id| id == 10),
        "{:?}",
        selected_id(&app)
    );
    for effect in &effects {
        if let Some(answer) = window(&fake, effect) {
            let _ = update(&mut app, answer);
        }
    }
    // The tenth was read, so the cache's unread-only list no longer has it: the selection is
    // where it was, on the next one.
    assert_eq!(selected_id(&app), Some(11));
}

/// Rows that come read in the unread-only list (marks the cache keeps while the file is locked
/// are shown on the rows before they are written) are still in the cache's list: they shift no
/// position, and a window that brings them is taken as it is, not asked for again and again.
#[test]
fn rows_that_come_read_shift_nothing() {
    let (mut app, fake) = unread_only();
    let mut rows = fake.rows_of(&app.list.query);
    rows.iter_mut().for_each(|h| h.read = true);
    // The cache's answer, every row read (as kept marks show them).
    let answer = |effect: &Effect| -> Option<Action> {
        let Effect::Store(StoreJob::LoadHeadlines {
            seq, offset, limit, ..
        }) = effect
        else {
            return None;
        };
        let end = (offset + limit).min(rows.len());
        Some(Action::HeadlinesLoaded(HeadlineWindow {
            seq: *seq,
            offset: *offset,
            rows: rows[*offset..end].to_vec(),
            counts: chmon::model::Counts {
                total: rows.len(),
                unread: 0,
            },
        }))
    };
    let mut asked = 0;
    let mut before = app.list.selected;
    for _ in 0..4 {
        let mut effects = update(&mut app, Action::Intent(Intent::PageDown));
        let mut rounds = 0;
        while let Some(window) = effects.iter().find_map(answer) {
            asked += 1;
            rounds += 1;
            assert!(rounds < 3, "the same window asked for again and again");
            effects = update(&mut app, window);
        }
        let sel = app.list.selected;
        assert!(sel > before, "a page down went back from {before} to {sel}");
        assert_eq!(selected_id(&app), Some(rows[sel].id), "row {sel}");
        before = sel;
    }
    assert!(asked >= 2, "windows were asked for: {asked}");
}
