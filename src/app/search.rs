//! The search line over the list: `/` opens it, typed keys edit the query (not the key table)
//! and the list shows what it finds as you type (the last word a prefix), Enter leaves the line
//! with the results kept, Esc (in the line or in the results) goes back to the full list, `=`
//! switches newest-first / best-first. The search is a field of the list's `ListQuery`, so the
//! rows come as any list's do (a stale window is dropped by its `seq`), and it keeps the
//! list's filters (unread only, the starred view). Part of `update`; no IO.

use super::App;
use crate::action::Effect;
use crate::key::{Code, KeyKind, KeyPress};
use crate::model::{ListQuery, Search};
use crate::search::Query;

/// The longest query kept (a paste of a whole article is cut here).
const MAX_CHARS: usize = 200;

/// The search line's state; the query itself is in `app.list.query.search`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchLine {
    pub text: String,
    /// Keys go to the line (else to the key table, over the results).
    pub editing: bool,
    /// Best first (bm25), else newest first.
    pub relevance: bool,
}

/// `/`: opens the line (empty: the full list until something is typed), or goes back to
/// editing the current query.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    if app.reader.is_some() {
        return Vec::new();
    }
    app.pane_focus = false;
    app.search.get_or_insert_with(SearchLine::default).editing = true;
    Vec::new()
}

/// A key while the line is open; `None`: not the line's (it goes to the key table: arrows,
/// pages, Ctrl-C).
pub(super) fn key(app: &mut App, press: &KeyPress) -> Option<Vec<Effect>> {
    let line = app.search.as_mut().filter(|l| l.editing)?;
    if press.kind == KeyKind::Release {
        return Some(Vec::new());
    }
    let k = press.key;
    match k.code {
        Code::Char(c) if !k.ctrl && !k.alt => {
            if line.text.chars().count() < MAX_CHARS {
                line.text.push(c);
            }
        }
        Code::Backspace => {
            line.text.pop();
        }
        Code::Enter => {
            line.editing = false;
            return Some(Vec::new());
        }
        Code::Esc => return Some(close(app)),
        _ => return None,
    }
    Some(requery(app))
}

/// Pasted text while the line is open: its first line joins the query.
pub(super) fn pasted(app: &mut App, text: &str) -> Vec<Effect> {
    let Some(line) = app.search.as_mut().filter(|l| l.editing) else {
        return Vec::new();
    };
    let first = text.lines().next().unwrap_or("");
    let room = MAX_CHARS.saturating_sub(line.text.chars().count());
    line.text
        .extend(first.chars().filter(|c| !c.is_control()).take(room));
    requery(app)
}

/// Esc: the list of the same scope and filters again, without the search.
pub(super) fn close(app: &mut App) -> Vec<Effect> {
    if app.search.take().is_none() && app.list.query.search.is_none() {
        return Vec::new();
    }
    let query = ListQuery {
        search: None,
        ..app.list.query.clone()
    };
    app.list.switch_to(query);
    load(app)
}

/// `=`: newest first / best first.
pub(super) fn toggle_order(app: &mut App) -> Vec<Effect> {
    let Some(line) = app.search.as_mut() else {
        return Vec::new();
    };
    line.relevance = !line.relevance;
    requery(app)
}

/// The list's query for the line as it is now (the same scope); asks for its first window.
fn requery(app: &mut App) -> Vec<Effect> {
    let Some(line) = &app.search else {
        return Vec::new();
    };
    // A search is within the list shown: its scope and its filters (only unread, the starred).
    let query = ListQuery {
        search: Some(Search {
            text: line.text.clone(),
            relevance: line.relevance,
            prefix: true,
        }),
        ..app.list.query.clone()
    };
    if query == app.list.query {
        return Vec::new();
    }
    app.list.switch_to(query);
    load(app)
}

fn load(app: &mut App) -> Vec<Effect> {
    app.list
        .ensure_window(app.body_height(), true)
        .into_iter()
        .collect()
}

/// The index caught up: a search shown is asked again (it may find more now).
pub(super) fn indexed(app: &mut App) -> Vec<Effect> {
    if app.list.query.search.is_none() {
        return Vec::new();
    }
    load(app)
}

/// The parsed search of the list shown (for highlighting), when it asks for anything.
pub fn query(app: &App) -> Option<Query> {
    let search = app.list.query.search.as_ref()?;
    let query = Query::parse(&search.text, search.prefix);
    (!query.must.is_empty()).then_some(query)
}
