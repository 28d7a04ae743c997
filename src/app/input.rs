//! What the user does, before it becomes an `Intent`: a key looked up in the keymap of the
//! current view, pasted text (ignored: never taken as keys), the mouse and a resized terminal.
//! While the search line is open, keys edit it first. Any key or click also clears the status message. Part of `update`; no IO.

use super::list::ListLine;
use super::{App, Status, intents, links, search};
use crate::action::{Effect, Intent, Mouse};
use crate::key::KeyPress;

/// A key press: what it means in this view (a key that means nothing still clears the status).
pub(super) fn key(app: &mut App, press: KeyPress) -> Vec<Effect> {
    if app.reader.is_some() && !app.help && app.links.entry.is_some() {
        app.say(Status::None);
        if let Some(effects) = links::entry_key(app, &press) {
            return effects;
        }
    }
    if let Some(effects) = search::key(app, &press) {
        app.say(Status::None);
        return effects;
    }
    let intent = app.settings.keymap.intent(app.view(), &press);
    match intent {
        Some(Intent::LinkNumber) if !app.help && app.links.popup.is_none() => {
            app.say(Status::None);
            links::start(app, links::LinkUse::Open, links::digit_of(&press))
        }
        Some(intent) => self::intent(app, intent),
        None => {
            app.say(Status::None);
            Vec::new()
        }
    }
}

/// An intent from a key (or a test): the status message goes, then the intent acts.
pub(super) fn intent(app: &mut App, intent: Intent) -> Vec<Effect> {
    app.say(Status::None);
    intents::apply(app, intent)
}

/// Pasted text is never keys: 300 pasted `o`s must not open 300 browsers. Into an open
/// search line it is text.
pub(super) fn pasted(app: &mut App, text: &str) -> Vec<Effect> {
    search::pasted(app, text)
}

pub(super) fn resized(app: &mut App, width: u16, height: u16) -> Vec<Effect> {
    app.width = width;
    app.height = height;
    let text_width = app.text_width();
    let body = app.body_height();
    let cx = app.context();
    if let Some(reader) = app.reader.as_mut() {
        if reader.width != text_width {
            reader.layout(text_width, &cx);
        }
        reader.scroll = reader.scroll.min(reader.max_scroll(body));
    }
    let pos = app.list.selected;
    app.select(pos)
}

/// Wheel scrolls the view; a click on a headline selects it (a second click opens it).
pub(super) fn mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    app.say(Status::None);
    let body = app.body_height();
    if let Some(reader) = app.reader.as_mut() {
        match mouse {
            Mouse::ScrollUp => reader.scroll_by(-3, body),
            Mouse::ScrollDown => reader.scroll_by(3, body),
            Mouse::Click { .. } => {}
        }
        return Vec::new();
    }
    match mouse {
        Mouse::ScrollUp if app.pane_focus => intents::apply(app, Intent::Up),
        Mouse::ScrollDown if app.pane_focus => intents::apply(app, Intent::Down),
        Mouse::ScrollUp => app.select(app.list.selected.saturating_sub(3)),
        Mouse::ScrollDown => app.select(app.list.selected + 3),
        Mouse::Click { column, row } if column < app.pane_width() || app.pane_fills_screen() => {
            pane_clicked(app, row)
        }
        Mouse::Click { row, .. } => {
            app.pane_focus = false;
            clicked(app, row)
        }
    }
}

/// A click in the feed pane moves its cursor there (and gives it the keys); a second click
/// on the same line shows it.
fn pane_clicked(app: &mut App, row: u16) -> Vec<Effect> {
    let Some(line) = usize::from(row).checked_sub(1) else {
        return Vec::new();
    };
    let top = app
        .feeds
        .cursor
        .saturating_sub(app.body_height().saturating_sub(1));
    let target = top + line;
    if target >= app.feeds.lines().len() {
        return Vec::new();
    }
    let again = app.pane_focus && target == app.feeds.cursor;
    app.pane_focus = true;
    app.feeds.select(target);
    if again {
        return intents::apply(app, Intent::ChooseFeed);
    }
    Vec::new()
}

fn clicked(app: &mut App, row: u16) -> Vec<Effect> {
    let line = usize::from(row).checked_sub(1);
    match line.and_then(|l| app.list_lines().get(l).copied()) {
        Some(ListLine::Row(pos)) if pos == app.list.selected => intents::apply(app, Intent::Open),
        Some(ListLine::Row(pos)) => app.select(pos),
        Some(ListLine::Day(_)) | None => Vec::new(),
    }
}
