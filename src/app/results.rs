//! What comes back from the runtime's workers (headline windows, the feed pane's feeds,
//! located selections, loaded articles, link results) applied to the state. Part of `update`;
//! no IO. (Refresh results are in `refreshing`.)

use std::collections::HashMap;

use super::{App, Status, intents, pages};
use crate::action::{Action, Effect, HeadlineWindow, StoreJob};
use crate::model::{Counts, FeedSummary, ListQuery, Scope};
use crate::text::sanitize::clean_line;

pub(super) fn headlines(app: &mut App, window: HeadlineWindow) -> Vec<Effect> {
    if !app.list.accept(window) {
        return Vec::new();
    }
    let pos = app.list.selected;
    app.select(pos)
}

pub(super) fn store_failed(app: &mut App, error: &str) -> Vec<Effect> {
    let s = app.settings.lang.strings();
    app.say(Status::Error(format!(
        "{}: {}",
        s.load_failed,
        clean_line(error)
    )));
    Vec::new()
}

/// The feed pane's feeds and counts; the list's own counts follow them.
pub(super) fn feeds(
    app: &mut App,
    feeds: Vec<FeedSummary>,
    counts: HashMap<Scope, Counts>,
) -> Vec<Effect> {
    for feed in &feeds {
        app.refresh
            .states
            .entry(feed.id)
            .or_insert_with(|| feed.state.clone());
    }
    // The starred view and a search are not lists of the pane: their counts come with their
    // windows.
    if let Some(&own) = counts.get(&app.list.query.scope)
        && app.list.loaded
        && !app.list.query.starred
        && app.list.query.search.is_none()
    {
        app.list.counts.unread = own.unread;
    }
    app.feeds.accept(feeds, counts);
    Vec::new()
}

pub(super) fn link_opened(app: &mut App) -> Vec<Effect> {
    app.say(Status::Info(app.settings.lang.strings().opened.to_string()));
    Vec::new()
}

pub(super) fn open_failed(app: &mut App, error: &str) -> Vec<Effect> {
    let s = app.settings.lang.strings();
    app.say(Status::Error(format!(
        "{}: {}",
        s.open_failed,
        clean_line(error)
    )));
    Vec::new()
}

/// After a refresh: find the selected article again (or load the first window).
pub(super) fn relocate(app: &mut App) -> Vec<Effect> {
    match app.list.selected_row() {
        Some(row) => vec![Effect::Store(StoreJob::Locate {
            query: app.list.query.clone(),
            article_id: row.id,
        })],
        None => app
            .list
            .ensure_window(app.body_height(), true)
            .into_iter()
            .collect(),
    }
}

/// After a refresh: keep the same article selected at the same place on screen (on the list's
/// first row, the view stays at the list's start: see `ListState::follow`).
pub(super) fn located(
    app: &mut App,
    query: &ListQuery,
    article_id: i64,
    position: Option<usize>,
    counts: Counts,
) -> Vec<Effect> {
    if *query != app.list.query {
        return Vec::new();
    }
    let height = app.body_height();
    let list = &mut app.list;
    list.counts = counts;
    if list.selected_row().map(|h| h.id) == Some(article_id)
        && let Some(pos) = position
    {
        let on_screen = list.selected.saturating_sub(list.top);
        list.follow(pos, on_screen);
        // The cache's position may count otherwise than the loaded rows (new articles above,
        // rows read since in the unread-only list): unless the article is there, they are
        // dropped (no other article shown selected until the window comes).
        if list.selected_row().is_none_or(|h| h.id != article_id) {
            list.drop_rows();
        }
    }
    let last = list.counts.total.saturating_sub(1);
    list.selected = list.selected.min(last);
    list.scroll_to_selection(height, &app.settings.zone);
    list.ensure_window(height, true).into_iter().collect()
}

/// An article loaded (with its page and feeds): into the reader if it is the one open.
pub(super) fn article(app: &mut App, loaded: Action) -> Vec<Effect> {
    let Action::ArticleLoaded {
        id,
        article,
        page,
        feeds,
    } = loaded
    else {
        return Vec::new();
    };
    let (article, page) = (article.map(|a| *a), page.map(|p| *p));
    let mut effects = Vec::new();
    if app.open_link_of == Some(id) {
        app.open_link_of = None;
        effects.extend(intents::open_url(
            app,
            article.as_ref().and_then(|a| a.link.as_deref()),
        ));
    }
    let width = app.text_width();
    let cx = app.context();
    let Some(reader) = app.reader.as_mut().filter(|r| r.id == id) else {
        return effects;
    };
    match article {
        Some(article) => {
            reader.set_loaded(article, page, width, &cx);
            effects.extend(pages::opened(app, &feeds));
        }
        None => {
            app.reader = None;
            let missing = app.settings.lang.strings().article_missing;
            app.say(Status::Error(missing.to_string()));
        }
    }
    effects
}
