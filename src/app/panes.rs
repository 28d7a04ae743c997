//! The feed pane's intents: show or hide it, move the keys between it and the list, move its
//! cursor, fold a section, and choose what the list shows (a feed, a section, «Усі новини»;
//! unread only if the list was).
//! Part of `update`: pure state changes that return effects; no IO.

use super::App;
use crate::action::Effect;
use crate::model::ListQuery;

/// `f`: the pane comes or goes beside the list (going, it gives the keys back); on a narrow
/// screen it takes the screen or gives it back.
pub(super) fn toggle(app: &mut App) -> Vec<Effect> {
    if app.width < super::PANE_MIN_WIDTH {
        app.pane_focus = !app.pane_focus;
    } else {
        app.feeds.shown = !app.feeds.shown;
        app.pane_focus = app.pane_focus && app.feeds.shown;
    }
    point_at_list(app);
    Vec::new()
}

/// Tab: the keys go to the other pane (showing the feed pane if it was hidden).
pub(super) fn switch(app: &mut App) -> Vec<Effect> {
    if !app.pane_focus {
        app.feeds.shown = app.feeds.shown || app.width >= super::PANE_MIN_WIDTH;
        point_at_list(app);
    }
    app.pane_focus = !app.pane_focus;
    Vec::new()
}

fn point_at_list(app: &mut App) {
    let scope = app.list.query.scope.clone();
    app.feeds.point_at(&scope);
}

/// Moves the pane's cursor to `target` (clamped to its lines).
pub(super) fn move_to(app: &mut App, target: usize) -> Vec<Effect> {
    app.feeds.select(target);
    Vec::new()
}

/// `z`: folds or unfolds the section under the cursor.
pub(super) fn fold(app: &mut App) -> Vec<Effect> {
    app.feeds.fold();
    Vec::new()
}

/// Enter in the pane: the list shows the line under the cursor and gets the keys.
pub(super) fn choose(app: &mut App) -> Vec<Effect> {
    let Some(scope) = app.feeds.current().and_then(|line| line.scope(&app.feeds)) else {
        return Vec::new();
    };
    app.pane_focus = false;
    // The unread-only filter and a search shown stay; the starred view is left.
    let query = ListQuery {
        unread_only: app.list.query.unread_only,
        search: app.list.query.search.clone(),
        ..ListQuery::new(scope)
    };
    if query == app.list.query {
        return Vec::new();
    }
    app.list.switch_to(query);
    app.list
        .ensure_window(app.body_height(), true)
        .into_iter()
        .collect()
}
