//! The article's links: a number typed in the article view (digits, or `f` / `Y` and digits;
//! closed by Enter, by a pause, or as soon as no longer number could follow) opens or copies
//! that link (the link list popup is `popup`); `y` copies the article's URL; `w` asks
//! for the article to be saved as text. Part of `update`: pure; the copy (OSC 52) and the file
//! are effects, the time of a pause comes with `Tick`.

use chrono::{DateTime, Utc};

use super::{App, Status, intents, popup};
use crate::action::{Effect, SaveRequest};
use crate::key::{Code, KeyKind, KeyPress};
use crate::text::sanitize::clean_line;

/// A pause this long after the last digit closes the number.
pub const NUMBER_PAUSE_MS: i64 = 1000;

/// What a typed link number is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkUse {
    Open,
    Copy,
}

/// A link number being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkEntry {
    pub purpose: LinkUse,
    pub digits: String,
    /// When a tick first saw the last digit (the pause runs from then).
    since: Option<DateTime<Utc>>,
}

/// The links' part of the state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkUi {
    pub entry: Option<LinkEntry>,
    /// `Some(cursor)` while the link list is shown.
    pub popup: Option<usize>,
}

/// A digit key, `f` or `Y`: a number starts (with that digit, if it is one).
pub(super) fn start(app: &mut App, purpose: LinkUse, first: Option<char>) -> Vec<Effect> {
    if app.reader.as_ref().is_none_or(|r| r.links.is_empty()) {
        app.say(Status::Info(app.settings.lang.nav().no_links.into()));
        return Vec::new();
    }
    app.links.entry = Some(LinkEntry {
        purpose,
        digits: String::new(),
        since: None,
    });
    match first.filter(char::is_ascii_digit) {
        Some(d) => digit(app, d),
        None => Vec::new(),
    }
}

/// The digit a key press is, if it is one.
pub(super) fn digit_of(press: &KeyPress) -> Option<char> {
    if let Code::Char(c) = press.key.code
        && c.is_ascii_digit()
    {
        return Some(c);
    }
    None
}

/// A key while a number is typed: digits, Backspace, Enter and Esc are the number's; `None`
/// for any other key (the number is dropped and the key acts as usual).
pub(super) fn entry_key(app: &mut App, press: &KeyPress) -> Option<Vec<Effect>> {
    app.links.entry.as_ref()?;
    if press.kind != KeyKind::Press {
        return Some(Vec::new());
    }
    match press.key.code {
        Code::Char(c) if c.is_ascii_digit() => Some(digit(app, c)),
        Code::Backspace => {
            if let Some(entry) = app.links.entry.as_mut() {
                entry.digits.pop();
                entry.since = None;
            }
            Some(Vec::new())
        }
        Code::Enter => Some(finish(app)),
        Code::Esc => {
            app.links.entry = None;
            Some(Vec::new())
        }
        Code::Char(_)
        | Code::Tab
        | Code::BackTab
        | Code::Delete
        | Code::Insert
        | Code::Up
        | Code::Down
        | Code::Left
        | Code::Right
        | Code::Home
        | Code::End
        | Code::PageUp
        | Code::PageDown
        | Code::F(_) => {
            app.links.entry = None;
            None
        }
    }
}

fn digit(app: &mut App, d: char) -> Vec<Effect> {
    let count = app.reader.as_ref().map_or(0, |r| r.links.len());
    let Some(entry) = app.links.entry.as_mut() else {
        return Vec::new();
    };
    if entry.digits.len() < 6 {
        entry.digits.push(d);
    }
    entry.since = None;
    let n: usize = entry.digits.parse().unwrap_or(0);
    // Unambiguous: no link number starts with these digits and goes on.
    if n.saturating_mul(10) > count {
        return finish(app);
    }
    Vec::new()
}

/// The clock while a number is typed: after a pause the number is taken.
pub(super) fn tick(app: &mut App, now: DateTime<Utc>) -> Vec<Effect> {
    let Some(entry) = app.links.entry.as_mut() else {
        return Vec::new();
    };
    if entry.digits.is_empty() {
        return Vec::new();
    }
    match entry.since {
        None => {
            entry.since = Some(now);
            Vec::new()
        }
        Some(since) if (now - since).num_milliseconds() >= NUMBER_PAUSE_MS => finish(app),
        Some(_) => Vec::new(),
    }
}

/// The number is complete: open or copy that link.
fn finish(app: &mut App) -> Vec<Effect> {
    let Some(entry) = app.links.entry.take() else {
        return Vec::new();
    };
    let n: usize = entry.digits.parse().unwrap_or(0);
    let link = app
        .reader
        .as_ref()
        .and_then(|r| n.checked_sub(1).and_then(|i| r.links.get(i)).cloned());
    let Some(link) = link else {
        if n > 0 {
            let s = app.settings.lang.nav();
            app.say(Status::Error(format!("{} {n}", s.no_such_link)));
        }
        return Vec::new();
    };
    use_link(app, entry.purpose, &link)
}

fn use_link(app: &mut App, purpose: LinkUse, link: &str) -> Vec<Effect> {
    match purpose {
        LinkUse::Open => intents::open_url(app, Some(link)),
        LinkUse::Copy => copy(app, link),
    }
}

/// Copies `text` (OSC 52) and says so.
fn copy(app: &mut App, text: &str) -> Vec<Effect> {
    let text = clean_line(text);
    let s = app.settings.lang.nav();
    app.say(Status::Info(format!("{}: {text}", s.copied)));
    vec![Effect::Copy(text)]
}

/// `y`: the article's URL.
pub(super) fn copy_url(app: &mut App) -> Vec<Effect> {
    let link = app
        .reader
        .as_ref()
        .and_then(|r| r.article.as_ref())
        .and_then(|a| a.link.clone());
    match link {
        Some(link) => copy(app, &link),
        None => {
            app.say(Status::Error(app.settings.lang.strings().no_link.into()));
            Vec::new()
        }
    }
}

/// `Y`: the chosen link of the popup, else `Y` and a number.
pub(super) fn copy_link(app: &mut App) -> Vec<Effect> {
    match popup::chosen(app) {
        Some(link) => {
            app.links.popup = None;
            copy(app, &link)
        }
        None => start(app, LinkUse::Copy, None),
    }
}

/// `w`: the article as plain text, for the runtime to write to a new file.
pub(super) fn save(app: &mut App) -> Vec<Effect> {
    let cx = app.context();
    let Some(reader) = app.reader.as_ref() else {
        return Vec::new();
    };
    let Some(article) = reader.article.as_ref() else {
        return Vec::new();
    };
    let title = article.title.clone();
    let text = reader.plain_text(&cx);
    vec![Effect::Save(SaveRequest { title, text })]
}

/// The runtime wrote the file.
pub(super) fn saved(app: &mut App, path: &str) -> Vec<Effect> {
    let s = app.settings.lang.nav();
    app.say(Status::Info(format!("{}: {}", s.saved, clean_line(path))));
    Vec::new()
}

pub(super) fn save_failed(app: &mut App, error: &str) -> Vec<Effect> {
    let s = app.settings.lang.nav();
    app.say(Status::Error(format!(
        "{}: {}",
        s.save_failed,
        clean_line(error)
    )));
    Vec::new()
}
