//! What comes back from the runtime's workers (refresh results, located selections, loaded
//! articles, link and terminal events) applied to the state. Part of `update`; no IO.

use chrono::{DateTime, Utc};

use super::{App, Status, intents};
use crate::action::{Action, Effect};
use crate::model::Article;
use crate::text::sanitize::clean_line;

/// Refresh, link and terminal results.
pub(super) fn other(app: &mut App, action: Action) -> Vec<Effect> {
    let s = app.settings.lang.strings();
    match action {
        Action::RefreshStarted => app.refreshing = true,
        Action::RefreshFinished {
            now,
            new,
            feed_title,
        } => return refreshed(app, now, new, feed_title),
        Action::RefreshFailed { now, error } => {
            let error = clean_line(&error);
            app.now = now;
            app.refreshing = false;
            app.status = Status::Error(format!("{}: {error}", s.refresh_failed));
            app.refresh_error = Some(error);
        }
        Action::LinkOpened => app.status = Status::Info(s.opened.to_string()),
        Action::OpenLinkFailed(error) => {
            let error = clean_line(&error);
            app.status = Status::Error(format!("{}: {error}", s.open_failed));
        }
        Action::Resize { width, height } => return super::resized(app, width, height),
        Action::Mouse(mouse) => return super::clicked(app, mouse),
        Action::Tick => app.spinner = app.spinner.wrapping_add(1),
        _ => {}
    }
    Vec::new()
}

fn refreshed(
    app: &mut App,
    now: DateTime<Utc>,
    new: usize,
    feed_title: Option<String>,
) -> Vec<Effect> {
    app.now = now;
    app.refreshing = false;
    app.refresh_error = None;
    app.status = Status::Info(app.settings.lang.new_count(new));
    if feed_title.is_some() {
        app.feed_title = feed_title;
    }
    match app.list.selected_row() {
        Some(row) => vec![Effect::Locate { article_id: row.id }],
        None => app
            .list
            .ensure_window(app.body_height(), true)
            .into_iter()
            .collect(),
    }
}

/// After a refresh: keep the same article selected at the same place on screen.
pub(super) fn located(
    app: &mut App,
    article_id: i64,
    position: Option<usize>,
    counts: crate::model::Counts,
) -> Vec<Effect> {
    let height = app.body_height();
    let list = &mut app.list;
    list.counts = counts;
    if list.selected_row().map(|h| h.id) == Some(article_id)
        && let Some(pos) = position
    {
        let on_screen = list.selected.saturating_sub(list.top);
        list.selected = pos;
        list.top = pos.saturating_sub(on_screen);
    }
    let last = list.counts.total.saturating_sub(1);
    list.selected = list.selected.min(last);
    list.scroll_to_selection(height, &app.settings.zone);
    list.ensure_window(height, true).into_iter().collect()
}

pub(super) fn article_loaded(app: &mut App, id: i64, article: Option<Article>) -> Vec<Effect> {
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
        Some(article) => reader.set_article(article, width, &cx),
        None => {
            app.reader = None;
            app.status = Status::Error(app.settings.lang.strings().article_missing.to_string());
        }
    }
    effects
}
