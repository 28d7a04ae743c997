//! The reader's search through `app::update` and the real keymap, with the fake store (no IO):
//! `/` opens the line, typed keys edit it (not the key table) and every change asks for a new
//! window, Enter keeps the results, Esc goes back, `=` switches the order, paste is text, the
//! scope is kept, the index catching up asks again; and snapshots of the search line with the
//! words found highlighted (dark and mono), in the list and in the article.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Effect, Intent, StoreJob};
use chmon::app::App;
use chmon::i18n::Lang;
use chmon::key::{Key, KeyPress};
use tui_support::{Fake, headlines, screen as draw, started, started_with};

fn press(fake: &mut Fake, app: &mut App, name: &str) {
    fake.send(app, Action::Key(KeyPress::press(Key::parse(name).unwrap())));
}

fn type_text(fake: &mut Fake, app: &mut App, text: &str) {
    for c in text.chars() {
        let name = if c == ' ' {
            "Space".to_string()
        } else {
            c.to_string()
        };
        press(fake, app, &name);
    }
}

fn titles(app: &App) -> Vec<String> {
    app.list.rows.iter().map(|h| h.title.clone()).collect()
}

fn search_text(app: &App) -> Option<String> {
    app.list.query.search.as_ref().map(|s| s.text.clone())
}

#[test]
fn slash_opens_the_line_and_typed_keys_edit_it() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    press(&mut fake, &mut app, "/");
    assert!(app.search.as_ref().unwrap().editing);
    assert_eq!(app.list.counts.total, 16, "nothing typed: the whole list");
    // `q`, `j` and `r` are letters here, not quit, down and refresh.
    type_text(&mut fake, &mut app, "qjr");
    assert!(!app.quit);
    assert_eq!(app.list.selected, 0);
    assert!(
        fake.effects
            .iter()
            .all(|e| !matches!(e, Effect::Refresh(_)))
    );
    for _ in 0..3 {
        press(&mut fake, &mut app, "Backspace");
    }
    type_text(&mut fake, &mut app, "Черніг");
    assert_eq!(search_text(&app).as_deref(), Some("Черніг"));
    assert!(app.list.query.search.as_ref().unwrap().prefix);
    // Still typing: the last word is a prefix («Чернігові» and «Чернігівщини»).
    assert_eq!(titles(&app).len(), 4, "{:?}", titles(&app));
    // «Чернігов»: on the way to «Чернігові» (stem «черніг»), no longer «Чернігівщини».
    type_text(&mut fake, &mut app, "ов");
    let found = titles(&app);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|t| t.contains("Чернігові")), "{found:?}");
    // A space ends the word: «Чернігові» as a whole word, any form of «Чернігів».
    type_text(&mut fake, &mut app, "і ");
    assert_eq!(titles(&app).len(), 2);
    assert!(!app.list.query.search.as_ref().unwrap().text.is_empty());
    // Arrows still move over the results while typing.
    press(&mut fake, &mut app, "↓");
    assert_eq!(app.list.selected, 1);
    assert!(app.search.as_ref().unwrap().editing);
}

#[test]
fn every_key_asks_for_a_fresh_window_and_only_the_latest_counts() {
    let (mut app, _) = started(Lang::Uk, headlines(16), 80, 24);
    let key = |app: &mut App, name: &str| {
        chmon::app::update(app, Action::Key(KeyPress::press(Key::parse(name).unwrap())))
    };
    let _ = key(&mut app, "/");
    let first = key(&mut app, "р");
    let second = key(&mut app, "а");
    let seq = |effects: &[Effect]| match effects {
        [Effect::Store(StoreJob::LoadHeadlines { seq, query, .. })] => {
            (*seq, query.search.clone().unwrap().text)
        }
        other => panic!("{other:?}"),
    };
    let (a, text_a) = seq(&first);
    let (b, text_b) = seq(&second);
    assert!(b > a);
    assert_eq!((text_a.as_str(), text_b.as_str()), ("р", "ра"));
    // The answer to the first key comes late: it is dropped.
    let stale = chmon::action::HeadlineWindow {
        seq: a,
        offset: 0,
        rows: headlines(3),
        counts: chmon::model::Counts {
            total: 3,
            unread: 3,
        },
    };
    let _ = chmon::app::update(&mut app, Action::HeadlinesLoaded(stale));
    assert!(!app.list.loaded);
}

#[test]
fn enter_keeps_the_results_then_opens_and_esc_goes_back() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    press(&mut fake, &mut app, "/");
    type_text(&mut fake, &mut app, "рада");
    press(&mut fake, &mut app, "Enter");
    let line = app.search.clone().unwrap();
    assert!(!line.editing);
    assert_eq!(app.list.counts.total, 2);
    assert!(app.reader.is_none(), "the first Enter only leaves the line");
    press(&mut fake, &mut app, "Enter");
    assert!(app.reader.is_some(), "the second opens the match");
    assert_eq!(app.reader.as_ref().unwrap().id, app.list.rows[0].id);
    press(&mut fake, &mut app, "Esc");
    assert!(app.reader.is_none());
    assert_eq!(app.list.counts.total, 2, "back to the results");
    press(&mut fake, &mut app, "Esc");
    assert!(app.search.is_none());
    assert_eq!(app.list.query.search, None);
    assert_eq!(app.list.counts.total, 16, "the full list again");
    // Esc with no search does nothing.
    press(&mut fake, &mut app, "Esc");
    assert_eq!(app.list.counts.total, 16);
}

#[test]
fn esc_in_the_line_and_slash_again_edits_the_same_query() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    press(&mut fake, &mut app, "/");
    type_text(&mut fake, &mut app, "суд");
    press(&mut fake, &mut app, "Enter");
    press(&mut fake, &mut app, "/");
    assert!(app.search.as_ref().unwrap().editing);
    type_text(&mut fake, &mut app, " ніжин");
    assert_eq!(search_text(&app).as_deref(), Some("суд ніжин"));
    assert_eq!(app.list.counts.total, 2);
    press(&mut fake, &mut app, "Esc");
    assert!(app.search.is_none());
    assert_eq!(app.list.counts.total, 16);
}

#[test]
fn equals_switches_newest_and_best_first() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    fake.key(&mut app, Intent::SearchOrder);
    assert!(app.search.is_none(), "= means nothing without a search");
    press(&mut fake, &mut app, "/");
    type_text(&mut fake, &mut app, "рада");
    press(&mut fake, &mut app, "Enter");
    press(&mut fake, &mut app, "=");
    let search = app.list.query.search.clone().unwrap();
    assert!(search.relevance);
    assert_eq!(search.text, "рада");
    press(&mut fake, &mut app, "=");
    assert!(!app.list.query.search.as_ref().unwrap().relevance);
}

#[test]
fn paste_into_the_line_is_text_and_elsewhere_nothing() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    fake.send(&mut app, Action::Paste("qqq".into()));
    assert!(!app.quit && app.search.is_none());
    press(&mut fake, &mut app, "/");
    fake.send(&mut app, Action::Paste("бюд\u{1b}жет\nдругий рядок".into()));
    assert_eq!(search_text(&app).as_deref(), Some("бюджет"));
    assert_eq!(app.list.counts.total, 2);
}

#[test]
fn the_search_keeps_to_the_scope_and_follows_a_new_one() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 100, 24);
    let scope = app.list.query.scope.clone();
    app.pane_focus = true;
    press(&mut fake, &mut app, "/");
    assert!(
        !app.pane_focus,
        "from the feed pane, / gives the keys to the list"
    );
    type_text(&mut fake, &mut app, "рада");
    assert_eq!(
        app.list.query.scope, scope,
        "the search is within the list shown"
    );
    press(&mut fake, &mut app, "Enter");
    // Choosing another list in the pane keeps the search.
    app.pane_focus = true;
    let last = app.feeds.lines().len() - 1;
    app.feeds.select(last);
    fake.key(&mut app, Intent::ChooseFeed);
    assert_eq!(search_text(&app).as_deref(), Some("рада"));
    assert_eq!(app.search.as_ref().map(|s| s.text.as_str()), Some("рада"));
}

#[test]
fn the_index_catching_up_asks_again_only_for_a_search() {
    let (mut app, _) = started(Lang::Uk, headlines(16), 80, 24);
    assert!(chmon::app::update(&mut app, Action::SearchIndexed).is_empty());
    let _ = chmon::app::update(&mut app, Action::Intent(Intent::Search));
    let _ = chmon::app::update(
        &mut app,
        Action::Key(KeyPress::press(Key::parse("р").unwrap())),
    );
    let effects = chmon::app::update(&mut app, Action::SearchIndexed);
    assert!(matches!(
        effects[..],
        [Effect::Store(StoreJob::LoadHeadlines { .. })]
    ));
}

#[test]
fn start_and_the_end_of_a_refresh_ask_for_indexing() {
    let mut app = App::new(
        tui_support::settings(Lang::Uk),
        tui_support::now(),
        vec![tui_support::agency_feed()],
    );
    let effects = chmon::app::update(
        &mut app,
        Action::Start {
            now: tui_support::now(),
            refresh: true,
            notice: None,
        },
    );
    assert!(effects.contains(&Effect::Store(StoreJob::IndexSearch)));
    let effects = chmon::app::update(&mut app, tui_support::refreshed(3));
    assert!(effects.contains(&Effect::Store(StoreJob::IndexSearch)));
}

#[test]
fn the_new_keys_are_in_the_table() {
    let keymap = chmon::keymap::Keymap::default();
    let intent =
        |view, name: &str| keymap.intent(view, &KeyPress::press(Key::parse(name).unwrap()));
    use chmon::action::View;
    assert_eq!(intent(View::List, "/"), Some(Intent::Search));
    assert_eq!(intent(View::Feeds, "/"), Some(Intent::Search));
    assert_eq!(intent(View::Article, "/"), None);
    assert_eq!(intent(View::List, "Esc"), Some(Intent::ClearSearch));
    assert_eq!(intent(View::Article, "Esc"), Some(Intent::Back));
    assert_eq!(intent(View::List, "="), Some(Intent::SearchOrder));
}

fn searched(settings: chmon::config::Settings) -> App {
    let (mut app, mut fake) = started_with(settings, headlines(16), 80, 24);
    press(&mut fake, &mut app, "/");
    type_text(&mut fake, &mut app, "чернігів рада");
    app
}

#[test]
fn snapshot_of_the_search_line_with_highlighting() {
    let app = searched(tui_support::settings(Lang::Uk));
    let text = draw::text(&draw::draw(&app));
    assert!(text.contains(" /чернігів рада"), "{text}");
    assert!(text.contains("0 знайдено · новіші спершу"), "{text}");
    insta::assert_snapshot!("search_line_typing", draw::styled(&draw::draw(&app)));

    let (mut app, mut fake) = started(Lang::Uk, headlines(16), 80, 24);
    press(&mut fake, &mut app, "/");
    type_text(&mut fake, &mut app, "Чернігові");
    press(&mut fake, &mut app, "Enter");
    insta::assert_snapshot!("search_results_uk", draw::styled(&draw::draw(&app)));
    press(&mut fake, &mut app, "Enter");
    let text = draw::text(&draw::draw(&app));
    assert!(text.contains("тролейбусів"), "{text}");
    insta::assert_snapshot!("search_article_uk", draw::styled(&draw::draw(&app)));
}

#[test]
fn snapshot_of_the_results_in_mono() {
    let mut settings = tui_support::settings(Lang::En);
    settings.theme = settings.theme.without_colour();
    let (mut app, mut fake) = started_with(settings, headlines(16), 80, 24);
    press(&mut fake, &mut app, "/");
    type_text(&mut fake, &mut app, "обласна");
    insta::assert_snapshot!("search_results_mono", draw::styled(&draw::draw(&app)));
}
