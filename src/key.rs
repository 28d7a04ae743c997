//! Our own key type, at the bottom of the crate: a key code with Ctrl/Alt/Shift, parsed from and
//! shown as names like `j`, `G`, `Ctrl-c`, `PgDn`, `Enter`, `Space`, `↑`. Free of terminal types
//! (the runtime converts crossterm's events into it). Must not know what a key means (that is
//! `keymap`'s business).

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key with its modifiers. Build it with [`Key::new`] or [`Key::parse`]: both normalise it
/// (a character carries its own case, so Shift is dropped from characters; Ctrl folds letters
/// to lower case, as terminals send them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// How a key event arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Press,
    /// Auto-repeat while the key is held.
    Repeat,
    Release,
}

/// One key event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress {
    pub key: Key,
    pub kind: KeyKind,
}

impl KeyPress {
    pub fn press(key: Key) -> KeyPress {
        KeyPress {
            key,
            kind: KeyKind::Press,
        }
    }
}

/// A key name that means nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown key \"{0}\"")]
pub struct KeyError(pub String);

/// Names (lower case) and the codes they stand for; the first name of a code is how it is shown.
const NAMES: &[(&str, Code)] = &[
    ("space", Code::Char(' ')),
    ("enter", Code::Enter),
    ("return", Code::Enter),
    ("esc", Code::Esc),
    ("escape", Code::Esc),
    ("tab", Code::Tab),
    ("backtab", Code::BackTab),
    ("backspace", Code::Backspace),
    ("del", Code::Delete),
    ("delete", Code::Delete),
    ("ins", Code::Insert),
    ("insert", Code::Insert),
    ("↑", Code::Up),
    ("up", Code::Up),
    ("↓", Code::Down),
    ("down", Code::Down),
    ("←", Code::Left),
    ("left", Code::Left),
    ("→", Code::Right),
    ("right", Code::Right),
    ("home", Code::Home),
    ("end", Code::End),
    ("pgup", Code::PageUp),
    ("pageup", Code::PageUp),
    ("pgdn", Code::PageDown),
    ("pagedown", Code::PageDown),
];

impl Key {
    /// A key with modifiers, normalised.
    pub fn new(code: Code, ctrl: bool, alt: bool, shift: bool) -> Key {
        Key {
            code,
            ctrl,
            alt,
            shift,
        }
        .normalized()
    }

    /// A plain key.
    pub fn plain(code: Code) -> Key {
        Key::new(code, false, false, false)
    }

    fn normalized(mut self) -> Key {
        if let Code::Char(c) = self.code {
            if self.shift && c.is_lowercase() {
                self.code = Code::Char(c.to_uppercase().next().unwrap_or(c));
            }
            if self.ctrl && c.is_ascii_alphabetic() {
                self.code = Code::Char(c.to_ascii_lowercase());
            }
            self.shift = false;
        }
        if self.code == Code::BackTab {
            self.shift = false;
        }
        self
    }

    /// Parses `j`, `G`, `Ctrl-c`, `Alt-x`, `Shift-Tab`, `PgDn`, `Space`, `F5`, `↑` (names are
    /// case-insensitive; `+` works as well as `-` after a modifier).
    pub fn parse(name: &str) -> Result<Key, KeyError> {
        let fail = || KeyError(name.to_string());
        let mut rest = name;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        while let Some((flag, tail)) = modifier(rest) {
            match flag {
                Modifier::Ctrl => ctrl = true,
                Modifier::Alt => alt = true,
                Modifier::Shift => shift = true,
            }
            rest = tail;
        }
        let code = code(rest).ok_or_else(fail)?;
        Ok(Key::new(code, ctrl, alt, shift))
    }
}

enum Modifier {
    Ctrl,
    Alt,
    Shift,
}

/// A leading `Ctrl-`, `Alt-` or `Shift-` (with something after it) and the rest.
fn modifier(s: &str) -> Option<(Modifier, &str)> {
    let (head, tail) = s.split_at_checked(s.find(['-', '+'])?)?;
    let tail = tail.get(1..).filter(|t| !t.is_empty())?;
    let flag = match head.to_lowercase().as_str() {
        "ctrl" | "control" | "c" => Modifier::Ctrl,
        "alt" | "meta" | "m" => Modifier::Alt,
        "shift" => Modifier::Shift,
        _ => return None,
    };
    Some((flag, tail))
}

fn code(name: &str) -> Option<Code> {
    let lower = name.to_lowercase();
    if let Some(&(_, code)) = NAMES.iter().find(|(n, _)| *n == lower) {
        return Some(code);
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(Code::Char(c));
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=24).contains(&n).then_some(Code::F(n))
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = match self {
            Code::Char(' ') => "Space",
            Code::Char(c) => return write!(f, "{c}"),
            Code::F(n) => return write!(f, "F{n}"),
            Code::Enter => "Enter",
            Code::Esc => "Esc",
            Code::Tab => "Tab",
            Code::BackTab => "BackTab",
            Code::Backspace => "Backspace",
            Code::Delete => "Del",
            Code::Insert => "Ins",
            Code::Up => "↑",
            Code::Down => "↓",
            Code::Left => "←",
            Code::Right => "→",
            Code::Home => "Home",
            Code::End => "End",
            Code::PageUp => "PgUp",
            Code::PageDown => "PgDn",
        };
        f.write_str(shown)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        write!(f, "{}", self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_show_the_same_way() {
        for name in [
            "j",
            "G",
            "?",
            "Ctrl-c",
            "Alt-x",
            "Space",
            "Enter",
            "Esc",
            "PgDn",
            "PgUp",
            "Home",
            "End",
            "↑",
            "↓",
            "←",
            "→",
            "Tab",
            "BackTab",
            "F5",
            "Del",
            "Shift-↑",
            "ї",
        ] {
            assert_eq!(Key::parse(name).unwrap().to_string(), name);
        }
    }

    #[test]
    fn aliases_and_normalisation() {
        let same = |a: &str, b: &str| assert_eq!(Key::parse(a).unwrap(), Key::parse(b).unwrap());
        same("Down", "↓");
        same("pagedown", "PgDn");
        same("Escape", "Esc");
        same("Return", "Enter");
        same(" ", "Space");
        same("ctrl+C", "Ctrl-c");
        same("C-c", "Ctrl-c");
        same("Shift-g", "G");
        same("Shift-BackTab", "BackTab");
        assert_eq!(Key::parse("-").unwrap().code, Code::Char('-'));
        assert_eq!(
            Key::parse("Ctrl--").unwrap(),
            Key::new(Code::Char('-'), true, false, false)
        );
    }

    #[test]
    fn nonsense_is_an_error_naming_it() {
        for bad in ["", "Dwn", "Ctrl-", "F99", "Hyper-x", "jj", "\u{7}"] {
            let err = Key::parse(bad).unwrap_err();
            assert_eq!(err.to_string(), format!("unknown key \"{bad}\""));
        }
    }
}
