//! The key table: every documented key in each view, press-only semantics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::action::{Intent, View};
use chmon::keymap::intent;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn the_table() {
    use Intent as I;
    use KeyCode as K;
    let list: &[(K, I)] = &[
        (K::Char('j'), I::Down),
        (K::Down, I::Down),
        (K::Char('k'), I::Up),
        (K::Up, I::Up),
        (K::PageDown, I::PageDown),
        (K::Char(' '), I::PageDown),
        (K::PageUp, I::PageUp),
        (K::Char('g'), I::Top),
        (K::Home, I::Top),
        (K::Char('G'), I::Bottom),
        (K::End, I::Bottom),
        (K::Enter, I::Open),
        (K::Char('l'), I::Open),
        (K::Right, I::Open),
        (K::Char('r'), I::Refresh),
        (K::Char('o'), I::OpenLink),
        (K::Char('u'), I::ToggleRead),
        (K::Char('q'), I::Quit),
        (K::Char('?'), I::Help),
    ];
    let article: &[(K, I)] = &[
        (K::Char('j'), I::Down),
        (K::Down, I::Down),
        (K::Char('k'), I::Up),
        (K::Up, I::Up),
        (K::Char(' '), I::PageDown),
        (K::PageDown, I::PageDown),
        (K::PageUp, I::PageUp),
        (K::Char('g'), I::Top),
        (K::Char('G'), I::Bottom),
        (K::Char('n'), I::Next),
        (K::Char('p'), I::Previous),
        (K::Char('o'), I::OpenLink),
        (K::Esc, I::Back),
        (K::Char('h'), I::Back),
        (K::Char('q'), I::Back),
        (K::Left, I::Back),
        (K::Char('?'), I::Help),
    ];
    for &(code, want) in list {
        assert_eq!(
            intent(View::List, &press(code)),
            Some(want),
            "list {code:?}"
        );
    }
    for &(code, want) in article {
        assert_eq!(
            intent(View::Article, &press(code)),
            Some(want),
            "article {code:?}"
        );
    }
    assert_eq!(intent(View::List, &press(KeyCode::Char('n'))), None);
    assert_eq!(intent(View::List, &press(KeyCode::Esc)), None);
    assert_eq!(intent(View::Article, &press(KeyCode::Char('u'))), None);
    assert_eq!(
        intent(View::Help, &press(KeyCode::Char('j'))),
        Some(Intent::CloseHelp)
    );
    assert_eq!(
        intent(View::Help, &press(KeyCode::Esc)),
        Some(Intent::CloseHelp)
    );
}

#[test]
fn shift_g_and_ctrl_c() {
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(intent(View::List, &shift_g), Some(Intent::Bottom));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for view in [View::List, View::Article, View::Help] {
        assert_eq!(intent(view, &ctrl_c), Some(Intent::Quit));
    }
    let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
    assert_eq!(intent(View::List, &ctrl_j), None);
}

#[test]
fn release_never_acts_and_repeat_only_moves() {
    let with_kind = |code, kind| KeyEvent::new_with_kind(code, KeyModifiers::NONE, kind);
    let release = with_kind(KeyCode::Char('j'), KeyEventKind::Release);
    assert_eq!(intent(View::List, &release), None);
    let enter_release = with_kind(KeyCode::Enter, KeyEventKind::Release);
    assert_eq!(intent(View::List, &enter_release), None);
    let repeat_j = with_kind(KeyCode::Char('j'), KeyEventKind::Repeat);
    assert_eq!(intent(View::List, &repeat_j), Some(Intent::Down));
    let repeat_enter = with_kind(KeyCode::Enter, KeyEventKind::Repeat);
    assert_eq!(intent(View::List, &repeat_enter), None);
    let repeat_q = with_kind(KeyCode::Char('q'), KeyEventKind::Repeat);
    assert_eq!(intent(View::List, &repeat_q), None);
}
