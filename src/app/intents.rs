//! What each `Intent` does to the app in the list and the article view. Part of `update`:
//! pure state changes that return effects; no IO.

use super::reader::Reader;
use super::{App, Status};
use crate::action::{Effect, Intent};

pub(super) fn apply(app: &mut App, intent: Intent) -> Vec<Effect> {
    if app.help && intent != Intent::Quit {
        app.help = false;
        return Vec::new();
    }
    match intent {
        Intent::Help => app.help = true,
        Intent::CloseHelp => {}
        Intent::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        Intent::Refresh => return refresh(app),
        _ if app.reader.is_some() => return article(app, intent),
        _ => return list(app, intent),
    }
    Vec::new()
}

fn refresh(app: &mut App) -> Vec<Effect> {
    if app.refreshing {
        return Vec::new();
    }
    app.refreshing = true;
    app.refresh_error = None;
    app.status = Status::None;
    vec![Effect::Refresh]
}

fn list(app: &mut App, intent: Intent) -> Vec<Effect> {
    let sel = app.list.selected;
    let page = app.body_height().saturating_sub(2).max(1);
    match intent {
        Intent::Up | Intent::Previous => app.select(sel.saturating_sub(1)),
        Intent::Down | Intent::Next => app.select(sel + 1),
        Intent::PageUp => app.select(sel.saturating_sub(page)),
        Intent::PageDown => app.select(sel + page),
        Intent::Top => app.select(0),
        Intent::Bottom => app.select(usize::MAX),
        Intent::Open => open_selected(app),
        Intent::ToggleRead => app.list.toggle_read().into_iter().collect(),
        Intent::OpenLink => match app.list.selected_row() {
            Some(row) => {
                let id = row.id;
                app.open_link_of = Some(id);
                vec![Effect::LoadArticle { id }]
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Opens the selected headline in the article view and marks it read.
fn open_selected(app: &mut App) -> Vec<Effect> {
    let sel = app.list.selected;
    let Some(row) = app.list.selected_row() else {
        return Vec::new();
    };
    let (id, was_read) = (row.id, row.read);
    app.reader = Some(Reader::loading(id));
    let mut effects = vec![Effect::LoadArticle { id }];
    if !was_read {
        app.list.set_read_local(sel, true);
        effects.push(Effect::SetRead { id, read: true });
    }
    effects
}

fn article(app: &mut App, intent: Intent) -> Vec<Effect> {
    let body = app.body_height();
    let page = body.saturating_sub(1).max(1) as isize;
    let Some(reader) = app.reader.as_mut() else {
        return Vec::new();
    };
    match intent {
        Intent::Up => reader.scroll_by(-1, body),
        Intent::Down => reader.scroll_by(1, body),
        Intent::PageUp => reader.scroll_by(-page, body),
        Intent::PageDown => reader.scroll_by(page, body),
        Intent::Top => reader.scroll = 0,
        Intent::Bottom => reader.scroll = reader.max_scroll(body),
        Intent::Back => app.reader = None,
        Intent::OpenLink => {
            let link = reader.article.as_ref().and_then(|a| a.link.clone());
            return open_url(app, link.as_deref());
        }
        Intent::Next => return step(app, 1),
        Intent::Previous => return step(app, -1),
        _ => {}
    }
    Vec::new()
}

/// n/p in the article view: the next or previous headline of the list, if there is one.
fn step(app: &mut App, delta: isize) -> Vec<Effect> {
    let sel = app.list.selected;
    let Some(target) = sel.checked_add_signed(delta) else {
        return Vec::new();
    };
    if target >= app.list.counts.total || app.list.row(target).is_none() {
        return Vec::new();
    }
    let mut effects = app.select(target);
    effects.extend(open_selected(app));
    effects
}

/// Checks a link before asking the runtime to open it: http and https only.
pub(super) fn open_url(app: &mut App, link: Option<&str>) -> Vec<Effect> {
    let s = app.settings.lang.strings();
    let Some(link) = link else {
        app.status = Status::Error(s.no_link.to_string());
        return Vec::new();
    };
    match url::Url::parse(link) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => {
            vec![Effect::OpenUrl(url.to_string())]
        }
        _ => {
            app.status = Status::Error(s.bad_scheme.to_string());
            Vec::new()
        }
    }
}
