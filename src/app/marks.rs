//! Getting through a backlog: next / previous unread (from the loaded rows, else asked of the
//! cache, so it crosses days and windows), mark the whole list read with a one-key undo of
//! exactly what it changed, the unread-only toggle, stars and the starred view. Part of
//! `update`: pure state changes that return effects; no IO.

use super::reader::Reader;
use super::{App, Status, intents};
use crate::action::{Effect, StoreJob};
use crate::model::ListQuery;

/// What the last mark-all changed, for `U`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undo {
    pub ids: Vec<i64>,
}

/// `n` / `p`: the nearest unread row in the loaded window, else the cache is asked.
pub(super) fn unread(app: &mut App, forward: bool) -> Vec<Effect> {
    let open = app.reader.is_some();
    let list = &app.list;
    let end = list.offset + list.rows.len();
    if let Some(pos) = loaded_unread(app, forward) {
        let id = list.row(pos).map_or(0, |h| h.id);
        return go_to(app, pos, id, open);
    }
    let beyond = if forward {
        end < list.counts.total
    } else {
        list.offset > 0
    };
    let current = app
        .reader
        .as_ref()
        .map(|r| r.id)
        .or_else(|| list.selected_row().map(|h| h.id));
    match current {
        Some(article_id) if beyond && list.counts.unread > 0 => {
            vec![Effect::Store(StoreJob::NextUnread {
                query: list.query.clone(),
                article_id,
                forward,
                open,
            })]
        }
        Some(_) | None => {
            app.say(Status::Info(app.settings.lang.nav().no_more_unread.into()));
            Vec::new()
        }
    }
}

/// The nearest unread loaded row after (`forward`) or before the open article's row, else the
/// selection. When a window without the open article has come (it was read, in the
/// unread-only list), the selection is at its place: the row after it, which counts too.
fn loaded_unread(app: &App, forward: bool) -> Option<usize> {
    let list = &app.list;
    let end = list.offset + list.rows.len();
    let reading = app.reader.as_ref().map(|r| r.id);
    let at = reading.and_then(|id| list.rows.iter().position(|h| h.id == id));
    let (sel, after) = match (reading, at) {
        (Some(_), Some(i)) => (list.offset + i, 1),
        (Some(_), None) => (list.selected, 0),
        (None, _) => (list.selected, 1),
    };
    let unread = |p: &usize| list.row(*p).is_some_and(|h| !h.read);
    if forward {
        (sel + after..end).find(unread)
    } else {
        (list.offset..sel).rev().find(unread)
    }
}

/// The cache's answer to a next-unread question.
pub(super) fn found(
    app: &mut App,
    query: &ListQuery,
    found: Option<(i64, usize)>,
    open: bool,
) -> Vec<Effect> {
    if *query != app.list.query || open != app.reader.is_some() {
        return Vec::new();
    }
    match found {
        Some((id, pos)) => go_to(app, pos, id, open),
        None => {
            app.say(Status::Info(app.settings.lang.nav().no_more_unread.into()));
            Vec::new()
        }
    }
}

/// Selects row `pos` (article `id`); in the article view opens it (and marks it read). A
/// position from the cache may count without rows read since the window was loaded: the
/// article's loaded row is taken then, else the stale rows are dropped (never another row).
fn go_to(app: &mut App, pos: usize, id: i64, open: bool) -> Vec<Effect> {
    let pos = match app.list.row(pos) {
        Some(h) if h.id != id => {
            let list = &app.list;
            match list.rows.iter().position(|h| h.id == id) {
                Some(i) => list.offset + i,
                None => {
                    app.list.drop_rows();
                    pos
                }
            }
        }
        Some(_) | None => pos,
    };
    if !open {
        return app.select(pos);
    }
    if app.list.row(pos).is_some() {
        return intents::open_at(app, pos);
    }
    // Not loaded yet: open it by id; the window that comes already has it read.
    app.reader = Some(Reader::loading(id));
    app.list.counts.unread = app.list.counts.unread.saturating_sub(1);
    let mut effects = vec![
        Effect::Store(StoreJob::SetRead { id, read: true }),
        Effect::Store(StoreJob::LoadArticle { id }),
    ];
    effects.extend(app.select(pos));
    effects
}

/// `A`: every article of the list shown, read, in one write; the rows and counts on screen
/// change when the cache has done it (so a failed write leaves them true).
pub(super) fn mark_all(app: &mut App) -> Vec<Effect> {
    if app.list.counts.unread == 0 {
        app.say(Status::Info(app.settings.lang.nav().nothing_to_mark.into()));
        return Vec::new();
    }
    vec![Effect::Store(StoreJob::MarkAllRead {
        query: app.list.query.clone(),
    })]
}

/// The cache marked these read: they are what `U` gives back.
pub(super) fn marked_all(app: &mut App, query: &ListQuery, ids: Vec<i64>) -> Vec<Effect> {
    let n = ids.len();
    app.undo = Some(Undo { ids });
    app.say(Status::Info(format!(
        "{}: {n}",
        app.settings.lang.nav().marked_all
    )));
    if *query == app.list.query {
        return reload(app);
    }
    vec![Effect::Store(StoreJob::LoadFeeds)]
}

/// `U`: the last mark-all's articles unread again (only those); the screen follows the cache.
pub(super) fn undo(app: &mut App) -> Vec<Effect> {
    let s = app.settings.lang.nav();
    let Some(undo) = app.undo.take() else {
        app.say(Status::Info(s.nothing_to_undo.into()));
        return Vec::new();
    };
    app.say(Status::Info(format!("{}: {}", s.undone, undo.ids.len())));
    vec![Effect::Store(StoreJob::SetReadMany {
        ids: undo.ids,
        read: false,
    })]
}

/// After a write that changed many rows: the window and every count again, from the cache.
pub(super) fn reload(app: &mut App) -> Vec<Effect> {
    let mut effects = vec![Effect::Store(StoreJob::LoadFeeds)];
    effects.extend(app.list.ensure_window(app.body_height(), true));
    effects
}

/// `t`: only the unread articles of the list, or all of them again.
pub(super) fn toggle_unread_only(app: &mut App) -> Vec<Effect> {
    let mut query = app.list.query.clone();
    query.unread_only = !query.unread_only;
    let s = app.settings.lang.nav();
    let said = if query.unread_only {
        s.unread_only_on
    } else {
        s.unread_only_off
    };
    app.say(Status::Info(said.into()));
    switch(app, query)
}

/// `S`: the starred articles as the list; again: the list before.
pub(super) fn starred_view(app: &mut App) -> Vec<Effect> {
    // A search shown stays (it searches the starred, then the list before).
    let search = app.list.query.search.clone();
    let query = if app.list.query.starred {
        let before = app.before_starred.take();
        ListQuery {
            search,
            ..before.unwrap_or_else(|| ListQuery::new(app.list.query.scope.clone()))
        }
    } else {
        app.before_starred = Some(app.list.query.clone());
        ListQuery {
            starred: true,
            unread_only: false,
            search,
            scope: app.list.query.scope.clone(),
        }
    };
    app.pane_focus = false;
    switch(app, query)
}

fn switch(app: &mut App, query: ListQuery) -> Vec<Effect> {
    app.list.switch_to(query);
    app.list
        .ensure_window(app.body_height(), true)
        .into_iter()
        .collect()
}

/// `s`: stars or unstars the open article, else the selected headline.
pub(super) fn toggle_star(app: &mut App) -> Vec<Effect> {
    if app.reader.is_none() && app.pane_focus {
        return Vec::new();
    }
    let sel = app.list.selected;
    let (id, starred) = match app.reader.as_mut() {
        Some(reader) => {
            let Some(article) = reader.article.as_mut() else {
                return Vec::new();
            };
            article.starred = !article.starred;
            (article.id, article.starred)
        }
        None => {
            let Some(row) = app.list.row(sel) else {
                return Vec::new();
            };
            (row.id, !row.starred)
        }
    };
    if let Some(row) = app.list.row_mut(sel).filter(|h| h.id == id) {
        row.starred = starred;
    }
    let s = app.settings.lang.nav();
    app.say(Status::Info(
        if starred { s.starred } else { s.unstarred }.into(),
    ));
    vec![Effect::Store(StoreJob::SetStarred { id, starred })]
}
