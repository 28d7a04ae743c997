//! Getting through a backlog in the app (`update` with the fake cache): next / previous unread
//! in the list and the article view (also beyond the loaded window, across days), next article
//! regardless, mark all read and its undo with the counts of the title bar and the feed pane,
//! the unread-only toggle, stars and the starred view, link numbers (digits, `f`, a pause,
//! Enter, Esc, http/https only), the link list popup, copying with OSC 52, saving, and the
//! status line's «оновлено 5 хв тому» from the clock that comes in actions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chrono::TimeDelta;

use chmon::action::{Action, Effect, Intent, StoreJob};
use chmon::app::App;
use chmon::i18n::Lang;
use chmon::keymap::{Key, KeyPress};
use chmon::model::{Article, FeedState, Headline, Scope};
use tui_support::{Fake, article, headlines, now, screen, started};

fn press(app: &mut App, fake: &mut Fake, name: &str) {
    fake.send(app, Action::Key(KeyPress::press(Key::parse(name).unwrap())));
}

fn selected_id(app: &App) -> Option<i64> {
    app.list.selected_row().map(|h| h.id)
}

fn pane_unread(app: &App) -> usize {
    app.feeds
        .counts
        .get(&Scope::Feed(1))
        .map_or(usize::MAX, |c| c.unread)
}

/// `n` rows, all read but the given ids.
fn rows_unread_only_at(n: usize, unread: &[i64]) -> Vec<Headline> {
    let mut rows = headlines(n);
    for h in &mut rows {
        h.read = !unread.contains(&h.id);
    }
    rows
}

#[test]
fn n_and_p_step_to_the_unread_headlines_in_the_list() {
    // ids 3, 6, 9 … are read.
    let (mut app, mut fake) = started(Lang::Uk, headlines(12), 80, 24);
    assert_eq!(selected_id(&app), Some(1));
    let ids: Vec<Option<i64>> = (0..4)
        .map(|_| {
            fake.key(&mut app, Intent::NextUnread);
            selected_id(&app)
        })
        .collect();
    assert_eq!(ids, [Some(2), Some(4), Some(5), Some(7)]);
    fake.key(&mut app, Intent::PreviousUnread);
    assert_eq!(selected_id(&app), Some(5));
    assert!(app.reader.is_none(), "the list stays the list");
    // J / K: the next headline whatever it is.
    fake.key(&mut app, Intent::Next);
    assert_eq!(selected_id(&app), Some(6));
    fake.key(&mut app, Intent::Previous);
    assert_eq!(selected_id(&app), Some(5));
}

#[test]
fn next_unread_beyond_the_loaded_window_is_found_by_the_cache_and_opened() {
    let (mut app, mut fake) = started(Lang::Uk, rows_unread_only_at(400, &[1, 390]), 80, 24);
    let loaded_end = app.list.offset + app.list.rows.len();
    assert!(loaded_end < 389, "row 389 is not loaded: {loaded_end}");
    fake.key(&mut app, Intent::Open);
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(1));
    assert_eq!(app.list.counts.unread, 1);
    fake.key(&mut app, Intent::NextUnread);
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(390), "opened");
    assert_eq!(app.list.selected, 389);
    assert_eq!(selected_id(&app), Some(390));
    assert!(fake.rows[389].read, "marked read as opening does");
    assert_eq!(app.list.counts.unread, 0);
    fake.key(&mut app, Intent::NextUnread);
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(390));
    assert_eq!(
        app.status,
        chmon::app::Status::Info("більше немає непрочитаних".into())
    );
    // Back up: K opens the article before, read or not.
    fake.key(&mut app, Intent::Previous);
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(389));
}

#[test]
fn mark_all_read_and_its_undo_keep_every_count_right() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(12), 80, 24);
    let before: Vec<bool> = fake.rows.iter().map(|h| h.read).collect();
    assert_eq!(app.list.counts.unread, 8);
    fake.key(&mut app, Intent::MarkAllRead);
    assert!(fake.rows.iter().all(|h| h.read));
    assert_eq!(app.list.counts.unread, 0);
    assert_eq!(pane_unread(&app), 0);
    assert!(app.list.rows.iter().all(|h| h.read));
    assert!(screen::text(&screen::draw(&app)).contains("0 непрочитаних"));
    assert_eq!(
        app.status,
        chmon::app::Status::Info("позначено прочитаними: 8".into())
    );
    fake.key(&mut app, Intent::UndoMarkAll);
    let after: Vec<bool> = fake.rows.iter().map(|h| h.read).collect();
    assert_eq!(after, before, "exactly the rows it changed");
    assert_eq!(app.list.counts.unread, 8);
    assert_eq!(pane_unread(&app), 8);
    let shown: Vec<bool> = app.list.rows.iter().map(|h| h.read).collect();
    assert_eq!(shown, before);
    // One undo only.
    fake.key(&mut app, Intent::UndoMarkAll);
    assert_eq!(
        app.status,
        chmon::app::Status::Info("немає чого скасовувати".into())
    );
    let writes: Vec<&Effect> = fake
        .effects
        .iter()
        .filter(|e| {
            matches!(
                e,
                Effect::Store(StoreJob::MarkAllRead { .. } | StoreJob::SetReadMany { .. })
            )
        })
        .collect();
    assert_eq!(writes.len(), 2, "one job each: {writes:?}");
}

#[test]
fn unread_only_shows_the_unread_and_says_so() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(12), 80, 24);
    fake.key(&mut app, Intent::ToggleUnreadOnly);
    assert!(app.list.query.unread_only);
    assert_eq!(app.list.counts.total, 8);
    assert!(app.list.rows.iter().all(|h| !h.read));
    assert!(app.title().ends_with("· непрочитані"), "{}", app.title());
    // Opening one keeps it on screen (read) until the list is loaded again.
    fake.key(&mut app, Intent::Open);
    fake.key(&mut app, Intent::Back);
    assert_eq!(app.list.counts.unread, 7);
    fake.key(&mut app, Intent::ToggleUnreadOnly);
    assert!(!app.list.query.unread_only);
    assert_eq!(app.list.counts.total, 12);
    assert_eq!(app.list.counts.unread, 7);
}

#[test]
fn stars_and_the_starred_view() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(12), 80, 24);
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::ToggleStar);
    assert!(app.list.selected_row().unwrap().starred);
    assert!(fake.rows[1].starred);
    assert!(fake.effects.contains(&Effect::Store(StoreJob::SetStarred {
        id: 2,
        starred: true
    })));
    assert!(screen::text(&screen::draw(&app)).contains("★"));
    // In the article view too.
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Open);
    fake.key(&mut app, Intent::ToggleStar);
    assert!(fake.rows[2].starred);
    fake.key(&mut app, Intent::Back);
    fake.key(&mut app, Intent::StarredView);
    assert!(app.list.query.starred);
    let ids: Vec<i64> = app.list.rows.iter().map(|h| h.id).collect();
    assert_eq!(ids, [2, 3]);
    assert!(app.title().contains("Обране"));
    // Unstarred in the starred view: gone once the cache has it.
    fake.key(&mut app, Intent::ToggleStar);
    let ids: Vec<i64> = app.list.rows.iter().map(|h| h.id).collect();
    assert_eq!(ids, [3]);
    fake.key(&mut app, Intent::StarredView);
    assert!(!app.list.query.starred);
    assert_eq!(app.list.counts.total, 12);
}

/// An article with 13 links: twelve http ones and a `javascript:` one.
fn many_links(id: i64) -> Article {
    let mut body = String::from("<p>Посилання:</p>");
    for n in 1..=12 {
        body.push_str(&format!(
            "<p><a href=\"https://x.ua/{n}\">Текст \u{1b}[31m{n}</a></p>"
        ));
    }
    body.push_str("<p><a href=\"javascript:alert(1)\">погане</a></p>");
    Article {
        body: Some(body),
        lead: None,
        ..article(id)
    }
}

fn reading(lang: Lang) -> (App, Fake) {
    let (mut app, mut fake) = started(lang, headlines(5), 80, 24);
    fake.key(&mut app, Intent::Open);
    let id = app.reader.as_ref().unwrap().id;
    fake.send(
        &mut app,
        Action::ArticleLoaded {
            id,
            article: Some(Box::new(many_links(id))),
            page: None,
            feeds: vec![1],
        },
    );
    assert_eq!(app.reader.as_ref().unwrap().links.len(), 13);
    fake.effects.clear();
    (app, fake)
}

fn opened(fake: &mut Fake) -> Vec<String> {
    let urls = fake
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::OpenUrl(u) => Some(u.clone()),
            _ => None,
        })
        .collect();
    fake.effects.clear();
    urls
}

#[test]
fn typed_numbers_open_links() {
    let (mut app, mut fake) = reading(Lang::Uk);
    // 1 then 2: no link 120 and up, so 12 opens at once.
    press(&mut app, &mut fake, "1");
    assert!(opened(&mut fake).is_empty(), "1 could go on (10, 11, 12)");
    assert!(screen::text(&screen::draw(&app)).contains("посилання: 1_"));
    press(&mut app, &mut fake, "2");
    assert_eq!(opened(&mut fake), ["https://x.ua/12"]);
    // 1 and Enter.
    press(&mut app, &mut fake, "1");
    press(&mut app, &mut fake, "Enter");
    assert_eq!(opened(&mut fake), ["https://x.ua/1"]);
    assert!(app.reader.is_some(), "Enter was the number's");
    // 1 and a pause: the clock comes in ticks.
    press(&mut app, &mut fake, "1");
    assert!(app.tick_interval().unwrap() <= std::time::Duration::from_millis(250));
    fake.send(&mut app, Action::Tick { now: now() });
    fake.send(
        &mut app,
        Action::Tick {
            now: now() + TimeDelta::milliseconds(500),
        },
    );
    assert!(opened(&mut fake).is_empty());
    fake.send(
        &mut app,
        Action::Tick {
            now: now() + TimeDelta::milliseconds(1100),
        },
    );
    assert_eq!(opened(&mut fake), ["https://x.ua/1"]);
    // f and a number; 9 is unambiguous.
    press(&mut app, &mut fake, "f");
    press(&mut app, &mut fake, "9");
    assert_eq!(opened(&mut fake), ["https://x.ua/9"]);
    // Esc drops the number and only that.
    press(&mut app, &mut fake, "1");
    press(&mut app, &mut fake, "Esc");
    assert!(app.reader.is_some() && app.links.entry.is_none());
    // 13 is javascript: refused; 0 and 14 are no link.
    press(&mut app, &mut fake, "1");
    press(&mut app, &mut fake, "3");
    assert!(opened(&mut fake).is_empty());
    assert_eq!(
        app.status,
        chmon::app::Status::Error("відкриваю лише http та https посилання".into())
    );
    press(&mut app, &mut fake, "f");
    press(&mut app, &mut fake, "1");
    press(&mut app, &mut fake, "4");
    assert!(opened(&mut fake).is_empty());
    assert_eq!(
        app.status,
        chmon::app::Status::Error("немає посилання 14".into())
    );
    // Any other key drops the number and acts.
    press(&mut app, &mut fake, "1");
    press(&mut app, &mut fake, "q");
    assert!(app.reader.is_none());
}

#[test]
fn the_link_list_chooses_opens_and_copies() {
    let (mut app, mut fake) = reading(Lang::Uk);
    fake.key(&mut app, Intent::LinkList);
    assert_eq!(app.view(), chmon::action::View::Links);
    assert_eq!(
        app.reader.as_ref().unwrap().link_texts[0],
        "Текст 1",
        "escapes gone"
    );
    press(&mut app, &mut fake, "j");
    press(&mut app, &mut fake, "j");
    assert_eq!(app.links.popup, Some(2));
    assert_eq!(
        app.reader.as_ref().unwrap().scroll,
        0,
        "j moves the choice, not the text"
    );
    press(&mut app, &mut fake, "Enter");
    assert_eq!(opened(&mut fake), ["https://x.ua/3"]);
    assert_eq!(app.links.popup, None);
    // Y copies the chosen one.
    press(&mut app, &mut fake, "L");
    press(&mut app, &mut fake, "G");
    press(&mut app, &mut fake, "k");
    press(&mut app, &mut fake, "Y");
    assert!(
        fake.effects
            .contains(&Effect::Copy("https://x.ua/12".into()))
    );
    assert_eq!(
        app.status,
        chmon::app::Status::Info("скопійовано: https://x.ua/12".into())
    );
    // Esc closes the list, not the article.
    press(&mut app, &mut fake, "L");
    press(&mut app, &mut fake, "Esc");
    assert!(app.reader.is_some() && app.links.popup.is_none());
}

#[test]
fn y_copies_the_article_url_and_y_with_a_number_a_link() {
    let (mut app, mut fake) = reading(Lang::En);
    press(&mut app, &mut fake, "y");
    let link = app
        .reader
        .as_ref()
        .unwrap()
        .article
        .as_ref()
        .unwrap()
        .link
        .clone()
        .unwrap();
    assert_eq!(fake.effects, [Effect::Copy(link.clone())]);
    assert_eq!(
        app.status,
        chmon::app::Status::Info(format!("copied: {link}"))
    );
    fake.effects.clear();
    press(&mut app, &mut fake, "Y");
    press(&mut app, &mut fake, "5");
    assert_eq!(fake.effects, [Effect::Copy("https://x.ua/5".into())]);
    assert!(opened(&mut fake).is_empty(), "copied, not opened");
}

#[test]
fn w_asks_to_save_the_article_as_text() {
    let (mut app, mut fake) = reading(Lang::Uk);
    press(&mut app, &mut fake, "w");
    let [Effect::Save(request)] = &fake.effects[..] else {
        panic!("{:?}", fake.effects);
    };
    assert_eq!(
        request.title,
        "У Чернігові відновили рух тролейбусів після обстрілу"
    );
    let text = &request.text;
    assert!(
        text.starts_with("У Чернігові відновили рух тролейбусів після обстрілу\n"),
        "{text}"
    );
    assert!(text.contains("23 грудня, 16:33"), "{text}");
    assert!(text.contains("http://monitor.cn.ua/ua/news/1\n"), "{text}");
    assert!(text.contains("Посилання:\n[1] https://x.ua/1\n"), "{text}");
    assert!(!text.contains('\u{1b}'), "sanitised");
    let saved = "/home/u/Downloads/У Чернігові.txt";
    fake.send(&mut app, Action::Saved(saved.into()));
    assert_eq!(
        app.status,
        chmon::app::Status::Info(format!("збережено: {saved}"))
    );
}

#[test]
fn the_status_line_says_when_the_feed_was_refreshed_from_the_clock_it_is_given() {
    let (mut app, mut fake) = started(Lang::Uk, headlines(5), 80, 24);
    assert!(status_line(&app).contains("ще не оновлювалося"));
    let state = FeedState {
        last_attempt: Some(now()),
        last_success: Some(now()),
        ..FeedState::default()
    };
    app.refresh.states.insert(1, state.clone());
    fake.send(
        &mut app,
        Action::Tick {
            now: now() + TimeDelta::minutes(5),
        },
    );
    assert!(
        status_line(&app).contains("оновлено 5 хв тому"),
        "{}",
        status_line(&app)
    );
    fake.send(
        &mut app,
        Action::Tick {
            now: now() + TimeDelta::days(2),
        },
    );
    assert!(status_line(&app).contains("оновлено 2 дні тому"));
    let failed = FeedState {
        last_error: Some("HTTP 500".into()),
        ..state
    };
    app.refresh.states.insert(1, failed);
    assert!(status_line(&app).contains("оновлено 2 дні тому · з помилкою"));
}

fn status_line(app: &App) -> String {
    let text = screen::text(&screen::draw(app));
    text.lines().nth(22).unwrap().to_string()
}
