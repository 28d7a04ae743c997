//! The key table: every documented key in each view, press-only semantics, and keys arriving
//! as `Action::Key` through `update`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use chmon::action::{Action, Intent, View};
use chmon::i18n::Lang;
use chmon::keymap::{Key, KeyKind, KeyPress, Keymap};

fn press(name: &str) -> KeyPress {
    KeyPress::press(Key::parse(name).unwrap())
}

fn intent(view: View, name: &str) -> Option<Intent> {
    Keymap::default().intent(view, &press(name))
}

#[test]
fn the_table() {
    use Intent as I;
    let list: &[(&str, I)] = &[
        ("j", I::Down),
        ("↓", I::Down),
        ("k", I::Up),
        ("↑", I::Up),
        ("PgDn", I::PageDown),
        ("Space", I::PageDown),
        ("PgUp", I::PageUp),
        ("g", I::Top),
        ("Home", I::Top),
        ("G", I::Bottom),
        ("End", I::Bottom),
        ("Enter", I::Open),
        ("l", I::Open),
        ("→", I::Open),
        ("r", I::Refresh),
        ("o", I::OpenLink),
        ("u", I::ToggleRead),
        ("q", I::Quit),
        ("?", I::Help),
        ("n", I::NextUnread),
        ("p", I::PreviousUnread),
        ("J", I::Next),
        ("K", I::Previous),
        ("A", I::MarkAllRead),
        ("U", I::UndoMarkAll),
        ("t", I::ToggleUnreadOnly),
        ("s", I::ToggleStar),
        ("S", I::StarredView),
        ("f", I::ToggleFeeds),
        ("/", I::Search),
        ("=", I::SearchOrder),
    ];
    let article: &[(&str, I)] = &[
        ("j", I::Down),
        ("↓", I::Down),
        ("k", I::Up),
        ("↑", I::Up),
        ("Space", I::PageDown),
        ("PgDn", I::PageDown),
        ("PgUp", I::PageUp),
        ("g", I::Top),
        ("G", I::Bottom),
        ("n", I::NextUnread),
        ("p", I::PreviousUnread),
        ("J", I::Next),
        ("K", I::Previous),
        ("s", I::ToggleStar),
        ("1", I::LinkNumber),
        ("9", I::LinkNumber),
        ("f", I::FollowLink),
        ("L", I::LinkList),
        ("y", I::CopyUrl),
        ("Y", I::CopyLink),
        ("w", I::SaveArticle),
        ("e", I::FullText),
        ("o", I::OpenLink),
        ("Esc", I::Back),
        ("h", I::Back),
        ("q", I::Back),
        ("←", I::Back),
        ("?", I::Help),
        ("r", I::Refresh),
    ];
    for &(key, want) in list {
        assert_eq!(intent(View::List, key), Some(want), "list {key}");
    }
    for &(key, want) in article {
        assert_eq!(intent(View::Article, key), Some(want), "article {key}");
    }
    let links: &[(&str, I)] = &[
        ("j", I::Down),
        ("k", I::Up),
        ("Enter", I::FollowChosen),
        ("l", I::FollowChosen),
        ("Y", I::CopyLink),
        ("Esc", I::Back),
        ("L", I::LinkList),
    ];
    for &(key, want) in links {
        assert_eq!(intent(View::Links, key), Some(want), "link list {key}");
    }
    assert_eq!(intent(View::List, "1"), None, "numbers only in the article");
    assert_eq!(intent(View::List, "y"), None);
    assert_eq!(
        intent(View::List, "e"),
        None,
        "full text only in the article"
    );
    assert_eq!(intent(View::Article, "A"), None);
    assert_eq!(intent(View::Article, "Enter"), None);
    // Esc in the list leaves a search (it does nothing without one).
    assert_eq!(intent(View::List, "Esc"), Some(Intent::ClearSearch));
    assert_eq!(intent(View::Article, "u"), None);
    assert_eq!(
        intent(View::Help, "j"),
        Some(Intent::Down),
        "scrolls the help"
    );
    assert_eq!(intent(View::Help, "n"), Some(Intent::CloseHelp));
    assert_eq!(intent(View::Help, "Esc"), Some(Intent::CloseHelp));
}

#[test]
fn shift_g_and_ctrl_c() {
    let shift_g = KeyPress::press(Key::new(chmon::keymap::Code::Char('g'), false, false, true));
    assert_eq!(
        Keymap::default().intent(View::List, &shift_g),
        Some(Intent::Bottom)
    );
    for view in [View::List, View::Article, View::Help] {
        assert_eq!(intent(view, "Ctrl-c"), Some(Intent::Quit));
    }
    assert_eq!(intent(View::List, "Ctrl-j"), None);
}

#[test]
fn release_never_acts_and_repeat_only_moves() {
    let with_kind = |name: &str, kind| {
        let press = KeyPress {
            key: Key::parse(name).unwrap(),
            kind,
        };
        Keymap::default().intent(View::List, &press)
    };
    assert_eq!(with_kind("j", KeyKind::Release), None);
    assert_eq!(with_kind("Enter", KeyKind::Release), None);
    assert_eq!(with_kind("j", KeyKind::Repeat), Some(Intent::Down));
    assert_eq!(with_kind("PgDn", KeyKind::Repeat), Some(Intent::PageDown));
    assert_eq!(with_kind("Enter", KeyKind::Repeat), None);
    assert_eq!(with_kind("q", KeyKind::Repeat), None);
}

#[test]
fn keys_reach_the_app_through_update() {
    let (mut app, mut fake) = tui_support::started(Lang::Uk, tui_support::headlines(10), 80, 24);
    fake.send(&mut app, Action::Key(press("j")));
    assert_eq!(app.list.selected, 1);
    fake.send(&mut app, Action::Key(press("Enter")));
    assert_eq!(app.reader.as_ref().map(|r| r.id), Some(2));
    fake.send(&mut app, Action::Key(press("q")));
    assert!(
        app.reader.is_none() && !app.quit,
        "q in the article goes back"
    );
    fake.send(&mut app, Action::Key(press("q")));
    assert!(app.quit, "q in the list quits");
}

#[test]
fn remapped_keys_act_and_the_old_ones_do_not() {
    let overrides = [("quit".to_string(), vec!["x".to_string()])]
        .into_iter()
        .collect();
    let mut settings = tui_support::settings(Lang::Uk);
    settings.keymap = Keymap::with_overrides(&overrides).unwrap();
    let (mut app, mut fake) =
        tui_support::started_with(settings, tui_support::headlines(3), 80, 24);
    fake.send(&mut app, Action::Key(press("q")));
    assert!(!app.quit);
    fake.send(&mut app, Action::Key(press("x")));
    assert!(app.quit);
}

#[test]
fn e_fetches_the_full_text_and_can_be_remapped_as_full_text() {
    let (mut app, mut fake) = tui_support::started(Lang::Uk, tui_support::headlines(3), 80, 24);
    fake.send(&mut app, Action::Key(press("Enter")));
    fake.send(&mut app, Action::Key(press("e")));
    assert_eq!(fake.fetches.len(), 1, "e in the article");
    let overrides = [("full_text".to_string(), vec!["F".to_string()])]
        .into_iter()
        .collect();
    let mut settings = tui_support::settings(Lang::Uk);
    settings.keymap = Keymap::with_overrides(&overrides).unwrap();
    let (mut app, mut fake) =
        tui_support::started_with(settings, tui_support::headlines(3), 80, 24);
    fake.send(&mut app, Action::Key(press("Enter")));
    fake.send(&mut app, Action::Key(press("e")));
    assert!(fake.fetches.is_empty(), "e is no longer bound");
    fake.send(&mut app, Action::Key(press("F")));
    assert_eq!(fake.fetches.len(), 1);
}
