//! Full text in the reader: which article pages are fetched and what their results do. An
//! opened article without a stored page is fetched when its feed's `full_text` policy says so
//! (`auto`: a teaser; `always`), `e` fetches the open one on demand (conditionally when a page
//! is stored), and after a refresh the new articles of `always` feeds are prefetched. An
//! article is never asked for twice at once; a page that arrives is stored whether or not its
//! article is still open, and replaces the text when it is. Part of `update`; no IO.

use std::collections::HashSet;

use super::{App, Status};
use crate::action::{Action, Effect, PageRequest, StoreJob};
use crate::config::FullText;
use crate::model::StoredPage;
use crate::text::sanitize::clean_line;

/// At most this many pages are prefetched for one feed after one refresh.
pub const PREFETCH_LIMIT: usize = 20;

/// The page fetches under way.
#[derive(Debug, Clone, Default)]
pub struct PageFetches {
    pub in_flight: HashSet<i64>,
    /// Those of them only prefetched (nobody waits for them yet).
    pub quiet: HashSet<i64>,
}

/// The policy for an article in `feeds`: `always` if one of them says so, `never` if all of
/// the run's feeds it is in say so, else `auto`.
fn policy(app: &App, feeds: &[i64]) -> FullText {
    let said: Vec<FullText> = (feeds.iter())
        .filter_map(|id| app.spec_of(*id))
        .map(|spec| spec.full_text)
        .collect();
    if said.contains(&FullText::Always) {
        FullText::Always
    } else if !said.is_empty() && said.iter().all(|p| *p == FullText::Never) {
        FullText::Never
    } else {
        FullText::Auto
    }
}

/// The article just loaded into the reader: its page is fetched when it has none and the
/// policy of its feeds wants one.
pub(super) fn opened(app: &mut App, feeds: &[i64]) -> Vec<Effect> {
    let policy = policy(app, feeds);
    let Some(reader) = &app.reader else {
        return Vec::new();
    };
    if !reader.shows_feed_text() || !policy.fetches(reader.feed_is_teaser()) {
        return Vec::new();
    }
    match http_link(app) {
        Some(link) => request(app, link),
        None => Vec::new(),
    }
}

/// `e`: the open article's page now (again, with the stored page's validators).
pub(super) fn on_demand(app: &mut App) -> Vec<Effect> {
    if app.reader.as_ref().is_none_or(|r| r.article.is_none()) {
        return Vec::new();
    }
    match http_link(app) {
        Some(link) => request(app, link),
        None => {
            let s = app.settings.lang.strings();
            app.say(Status::Error(s.no_link.to_string()));
            Vec::new()
        }
    }
}

/// The open article's link, when it is http(s).
fn http_link(app: &App) -> Option<String> {
    let link = app.reader.as_ref()?.article.as_ref()?.link.as_deref()?;
    let url = url::Url::parse(link.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// Asks for the open article's page, ahead of the prefetches (unless it is already under way:
/// a prefetch of it is then moved ahead); the status line says it is being fetched.
fn request(app: &mut App, link: String) -> Vec<Effect> {
    let Some(reader) = app.reader.as_mut() else {
        return Vec::new();
    };
    reader.fetching = true;
    let pages = &mut app.pages;
    if !pages.in_flight.insert(reader.id) && !pages.quiet.remove(&reader.id) {
        return Vec::new();
    }
    let page = reader.page.as_ref();
    vec![Effect::FetchPage(PageRequest {
        id: reader.id,
        link,
        etag: page.and_then(|p| p.etag.clone()),
        last_modified: page.and_then(|p| p.last_modified.clone()),
        first: true,
    })]
}

/// What came back from the page workers and the cache about pages.
pub(super) fn result(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::PageFetched { id, page } => fetched(app, id, page.map(|p| *p)),
        Action::PageFailed { id, error } => failed(app, id, &error),
        Action::PagesWanted(wanted) => prefetch(app, wanted),
        _ => Vec::new(),
    }
}

/// A page arrived (`None`: not modified): it is stored, and shown if its article is open.
fn fetched(app: &mut App, id: i64, page: Option<StoredPage>) -> Vec<Effect> {
    app.pages.in_flight.remove(&id);
    app.pages.quiet.remove(&id);
    let (width, height, cx) = (app.text_width(), app.body_height(), app.context());
    let open = app.reader.as_mut().filter(|r| r.id == id);
    let asked = open.as_ref().is_some_and(|r| r.fetching);
    let Some(page) = page else {
        if let Some(reader) = open {
            reader.fetching = false;
        }
        if asked {
            app.say(Status::Info(
                app.settings.lang.pages().unchanged.to_string(),
            ));
        }
        return Vec::new();
    };
    if let Some(reader) = open {
        reader.fetching = false;
        reader.set_page(page.clone(), width, height, &cx);
        let last = reader.links.len().saturating_sub(1);
        app.links.popup = app.links.popup.map(|at| at.min(last));
    }
    vec![Effect::Store(StoreJob::SavePage {
        id,
        page: Box::new(page),
    })]
}

/// A fetch failed: said when its article is open and waits for it; the teaser stays.
fn failed(app: &mut App, id: i64, error: &str) -> Vec<Effect> {
    app.pages.in_flight.remove(&id);
    app.pages.quiet.remove(&id);
    let Some(reader) = app.reader.as_mut().filter(|r| r.id == id && r.fetching) else {
        return Vec::new();
    };
    reader.fetching = false;
    let failed = app.settings.lang.pages().failed;
    app.say(Status::Error(format!("{failed}: {}", clean_line(error))));
    Vec::new()
}

/// After a feed's refresh: the new articles of an `always` feed are looked up to prefetch.
pub(super) fn after_refresh(app: &App, feed_id: i64, new: usize) -> Option<Effect> {
    let spec = app.spec_of(feed_id)?;
    let since = *app.refresh.started.get(&feed_id)?;
    (new > 0 && spec.full_text == FullText::Always).then(|| {
        Effect::Store(StoreJob::PagesWanted {
            feeds: vec![feed_id],
            since,
            limit: PREFETCH_LIMIT,
        })
    })
}

/// The pages to prefetch: each not already under way is asked for (quietly, after those
/// someone waits for).
fn prefetch(app: &mut App, wanted: Vec<PageRequest>) -> Vec<Effect> {
    let pages = &mut app.pages;
    (wanted.into_iter())
        .filter(|r| pages.in_flight.insert(r.id) && pages.quiet.insert(r.id))
        .map(|r| Effect::FetchPage(PageRequest { first: false, ..r }))
        .collect()
}
