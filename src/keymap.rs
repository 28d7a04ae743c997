//! The key table: which `Intent` a key press means in each view. Pure and testable; keys act on
//! press (and on auto-repeat for movement only), never on release. Must not touch app state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Intent, View};

/// The intent of `key` in `view`, or `None` when the key means nothing there.
pub fn intent(view: View, key: &KeyEvent) -> Option<Intent> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Intent::Quit);
    }
    if ctrl || key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let intent = match view {
        View::Help => Some(Intent::CloseHelp),
        View::List => list(key.code),
        View::Article => article(key.code),
    }?;
    let movement = matches!(
        intent,
        Intent::Up | Intent::Down | Intent::PageUp | Intent::PageDown
    );
    (key.kind == KeyEventKind::Press || movement).then_some(intent)
}

fn common(code: KeyCode) -> Option<Intent> {
    Some(match code {
        KeyCode::Char('j') | KeyCode::Down => Intent::Down,
        KeyCode::Char('k') | KeyCode::Up => Intent::Up,
        KeyCode::Char(' ') | KeyCode::PageDown => Intent::PageDown,
        KeyCode::PageUp => Intent::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Intent::Top,
        KeyCode::Char('G') | KeyCode::End => Intent::Bottom,
        KeyCode::Char('r') => Intent::Refresh,
        KeyCode::Char('o') => Intent::OpenLink,
        KeyCode::Char('?') => Intent::Help,
        _ => return None,
    })
}

fn list(code: KeyCode) -> Option<Intent> {
    match code {
        KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right => Some(Intent::Open),
        KeyCode::Char('u') => Some(Intent::ToggleRead),
        KeyCode::Char('q') => Some(Intent::Quit),
        other => common(other),
    }
}

fn article(code: KeyCode) -> Option<Intent> {
    match code {
        KeyCode::Char('n') => Some(Intent::Next),
        KeyCode::Char('p') => Some(Intent::Previous),
        KeyCode::Esc | KeyCode::Char('h') | KeyCode::Char('q') | KeyCode::Left => {
            Some(Intent::Back)
        }
        other => common(other),
    }
}
