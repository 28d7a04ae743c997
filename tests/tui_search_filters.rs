//! The reader's search keeps the list's filters, through `app::update` and the real keymap with
//! the fake store: with `t` on it finds only unread articles, in the starred view only starred
//! ones; `t` and `S` while searching keep the search; Esc leaves the filters on; the title bar
//! names the filter over the results; `A` over the results asks to mark only them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Effect, StoreJob};
use chmon::app::App;
use chmon::i18n::Lang;
use chmon::key::{Key, KeyPress};
use tui_support::{Fake, headlines, screen as draw, started};

fn press(fake: &mut Fake, app: &mut App, name: &str) {
    fake.send(app, Action::Key(KeyPress::press(Key::parse(name).unwrap())));
}

fn search(fake: &mut Fake, app: &mut App, text: &str) {
    press(fake, app, "/");
    for c in text.chars() {
        press(fake, app, &c.to_string());
    }
    press(fake, app, "Enter");
}

fn ids(app: &App) -> Vec<i64> {
    app.list.rows.iter().map(|h| h.id).collect()
}

fn title_bar(app: &App) -> String {
    let text = draw::text(&draw::draw(app));
    text.lines().next().unwrap().to_string()
}

/// «рада» is in rows 6 (read: every third row is) and 14 (unread) of the 16.
#[test]
fn with_unread_only_the_search_finds_only_unread() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    search(&mut fake, &mut app, "рада");
    assert_eq!(ids(&app), vec![6, 14], "both, read or not");
    press(&mut fake, &mut app, "t");
    assert!(app.list.query.unread_only && app.list.query.search.is_some());
    assert_eq!(ids(&app), vec![14], "t over the results keeps the search");
    assert!(
        title_bar(&app).contains("· непрочитані"),
        "{}",
        title_bar(&app)
    );
    assert!(
        title_bar(&app).contains("1 непрочитан"),
        "{}",
        title_bar(&app)
    );
    // Esc: the unread-only list, no search.
    press(&mut fake, &mut app, "Esc");
    assert!(app.list.query.unread_only && app.list.query.search.is_none());
    assert_eq!(app.list.counts.total, 11);
    // A new search from the unread-only list is within it.
    search(&mut fake, &mut app, "рада");
    assert_eq!(ids(&app), vec![14]);
    press(&mut fake, &mut app, "t");
    assert_eq!(ids(&app), vec![6, 14]);
    assert!(!title_bar(&app).contains("непрочитані"));
}

#[test]
fn in_the_starred_view_the_search_finds_only_starred() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    fake.rows[13].starred = true;
    fake.rows[0].starred = true;
    press(&mut fake, &mut app, "S");
    assert_eq!(ids(&app), vec![1, 14]);
    search(&mut fake, &mut app, "рада");
    assert!(app.list.query.starred);
    assert_eq!(ids(&app), vec![14], "the starred that match");
    assert!(title_bar(&app).contains("★ Обране"), "{}", title_bar(&app));
    // S again: the list before, with the search.
    press(&mut fake, &mut app, "S");
    assert!(!app.list.query.starred);
    assert_eq!(ids(&app), vec![6, 14]);
    press(&mut fake, &mut app, "S");
    assert_eq!(ids(&app), vec![14]);
    // Esc: the starred view, no search.
    press(&mut fake, &mut app, "Esc");
    assert!(app.list.query.starred && app.list.query.search.is_none());
    assert_eq!(ids(&app), vec![1, 14]);
}

#[test]
fn mark_all_over_the_results_asks_for_the_results_only() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    search(&mut fake, &mut app, "рада");
    press(&mut fake, &mut app, "A");
    let asked = fake.effects.iter().find_map(|e| match e {
        Effect::Store(StoreJob::MarkAllRead { query }) => Some(query.clone()),
        _ => None,
    });
    assert_eq!(asked, Some(app.list.query.clone()));
    assert_eq!(app.list.counts.unread, 0);
    assert_eq!(
        fake.counts().unread,
        10,
        "only row 14 of the 11 unread was marked"
    );
}
