//! What the loop is told from outside: `Input` (keys in our own `keymap::Key`, pasted text, the
//! mouse, a resize, a signal) and the real sources of it: crossterm's events (converted here,
//! the only place that knows crossterm's key types) and SIGTERM/SIGHUP/SIGINT/SIGQUIT. Makes no
//! product decisions: what a key means is the keymap's and the app's business.

use std::sync::mpsc::Sender;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action::Mouse;
use crate::key::{Code, Key, KeyKind, KeyPress};

/// One event for the loop. Tests send these straight into `run_with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyPress),
    /// Bracketed paste: the text as one event, never as keys.
    Paste(String),
    Mouse(Mouse),
    Resize {
        width: u16,
        height: u16,
    },
    /// A signal that asks the reader to stop (the terminal is restored on the way out).
    Signal(i32),
    /// The source broke (the loop ends with this error).
    Failed(String),
}

/// The signals that end the reader cleanly.
pub const STOP_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

fn spawn(name: &str, body: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name(name.into())
        .spawn(body)
        .map(|_| ())
}

/// Blocks on terminal events (no polling: an idle terminal costs nothing).
pub fn terminal_events(tx: Sender<Input>) -> std::io::Result<()> {
    spawn("input", move || {
        loop {
            let input = match event::read() {
                Ok(ev) => match convert(ev) {
                    Some(input) => input,
                    None => continue,
                },
                Err(e) => Input::Failed(e.to_string()),
            };
            let failed = matches!(input, Input::Failed(_));
            if tx.send(input).is_err() || failed {
                return;
            }
        }
    })
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT become `Input::Signal`.
pub fn signals(tx: Sender<Input>) -> std::io::Result<()> {
    let mut signals = Signals::new(STOP_SIGNALS)?;
    spawn("signals", move || {
        for signal in signals.forever() {
            if tx.send(Input::Signal(signal)).is_err() {
                return;
            }
        }
    })
}

/// A crossterm event in our terms; `None` for what the reader does not use (focus, unknown keys).
pub fn convert(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) => key_press(&key).map(Input::Key),
        Event::Mouse(mouse) => mouse_input(mouse).map(Input::Mouse),
        Event::Resize(width, height) => Some(Input::Resize { width, height }),
        Event::Paste(text) => Some(Input::Paste(text)),
        Event::FocusGained | Event::FocusLost => None,
    }
}

fn key_press(key: &KeyEvent) -> Option<KeyPress> {
    let m = key.modifiers;
    let kind = match key.kind {
        KeyEventKind::Press => KeyKind::Press,
        KeyEventKind::Repeat => KeyKind::Repeat,
        KeyEventKind::Release => KeyKind::Release,
    };
    Some(KeyPress {
        key: Key::new(
            code(key.code)?,
            m.contains(KeyModifiers::CONTROL),
            m.contains(KeyModifiers::ALT),
            m.contains(KeyModifiers::SHIFT),
        ),
        kind,
    })
}

fn code(code: KeyCode) -> Option<Code> {
    Some(match code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::Insert => Code::Insert,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    })
}

fn mouse_input(mouse: MouseEvent) -> Option<Mouse> {
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Mouse::ScrollUp),
        MouseEventKind::ScrollDown => Some(Mouse::ScrollDown),
        MouseEventKind::Down(MouseButton::Left) => Some(Mouse::Click {
            column: mouse.column,
            row: mouse.row,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Input> {
        convert(Event::Key(KeyEvent::new(code, modifiers)))
    }

    fn named(name: &str) -> Option<Input> {
        Some(Input::Key(KeyPress::press(Key::parse(name).unwrap())))
    }

    #[test]
    fn crossterm_keys_become_our_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(key(KeyCode::Char('j'), none), named("j"));
        assert_eq!(key(KeyCode::Char('G'), KeyModifiers::SHIFT), named("G"));
        assert_eq!(
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            named("Ctrl-c")
        );
        assert_eq!(
            key(
                KeyCode::Char('C'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            ),
            named("Ctrl-c")
        );
        assert_eq!(key(KeyCode::Char(' '), none), named("Space"));
        assert_eq!(key(KeyCode::PageDown, none), named("PgDn"));
        assert_eq!(key(KeyCode::Left, none), named("←"));
        assert_eq!(key(KeyCode::Up, KeyModifiers::SHIFT), named("Shift-↑"));
        assert_eq!(key(KeyCode::CapsLock, none), None);
        let release = KeyEvent::new_with_kind(KeyCode::Enter, none, KeyEventKind::Release);
        let Some(Input::Key(press)) = convert(Event::Key(release)) else {
            panic!("a key");
        };
        assert_eq!(press.kind, KeyKind::Release);
    }

    #[test]
    fn paste_resize_and_mouse() {
        assert_eq!(
            convert(Event::Paste("ooo".into())),
            Some(Input::Paste("ooo".into()))
        );
        assert_eq!(
            convert(Event::Resize(100, 30)),
            Some(Input::Resize {
                width: 100,
                height: 30
            })
        );
        assert_eq!(convert(Event::FocusGained), None);
    }
}
