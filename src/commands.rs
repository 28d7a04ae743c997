//! The scriptable subcommands: `refresh`, `list`, `search`, `show` here; the feed list's in `feeds` and
//! `agency`, `extract` in `extract`. Prints results to stdout (every feed string sanitised again on the way out). Owns
//! output formats only; fetching and caching live elsewhere.

pub mod agency;
pub mod feeds;
mod refresh_all;

use std::io::{self, Write};

use chrono::{SecondsFormat, Utc};
use serde::Serialize;

use crate::article::ArticleText;
use crate::config::{ConfigError, Settings};
use crate::feed::FeedError;
use crate::feed::fetch::Fetcher;
use crate::fulltext::{self, FullTextError};
use crate::model::{Article, ListQuery, Scope, Search};
use crate::refresh::RefreshError;
use crate::store::{Listed, Store, StoreError};
use crate::text::sanitize::{clean_line, clean_text};
use crate::text::tame::{MAX_TITLE_CHARS, tame_line};

pub mod extract;
pub use refresh_all::{refresh, refresh_quietly};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Refresh(#[from] RefreshError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error("no article with id or position {0:?} (see `chmon list`)")]
    NoSuchArticle(String),
    #[error("writing output: {0}")]
    Output(io::Error),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Opml(String),
    #[error("{failed} of {all} feeds failed (the others were stored)")]
    SomeFailed { failed: usize, all: usize },
    #[error("{0} is not in the feed list (see `chmon feeds`)")]
    NotListed(String),
    #[error("no config file (pass --config FILE)")]
    NoConfigFile,
    #[error("{0}")]
    Usage(String),
    #[error("{page}: {cause}")]
    Extract { page: String, cause: String },
    #[error(transparent)]
    FullText(#[from] FullTextError),
    /// The refresh stored what it could, but the body was cut off (exit 1).
    #[error(
        "{url}: the feed is truncated: kept its {kept} complete items ({new} new, {updated} updated, {total} total)"
    )]
    Truncated {
        url: String,
        kept: usize,
        new: usize,
        updated: usize,
        total: usize,
    },
}

pub(crate) fn open_store(settings: &Settings) -> Result<Store, CommandError> {
    let store = Store::open(&settings.cache_path())?;
    if let Some(notice) = store.notice() {
        eprintln!("chmon: {}", clean_line(notice));
    }
    Ok(store)
}

/// The cache with the run's feeds in it: the list mirrored (cheap when unchanged), or the
/// one-off source. Returns the feeds' ids (in order) and the list to show.
pub(crate) fn open_feeds(
    settings: &Settings,
) -> Result<(Store, Vec<i64>, ListQuery), CommandError> {
    let mut store = open_store(settings)?;
    if settings.one_off {
        let id = store.feed(settings.first_source())?.id;
        return Ok((store, vec![id], ListQuery::new(Scope::Feed(id))));
    }
    let ids = store.sync_list(&listed(settings))?;
    Ok((store, ids, ListQuery::new(Scope::All)))
}

/// The settings' feeds as the cache keeps the list.
pub fn listed(settings: &Settings) -> Vec<Listed> {
    Listed::from_specs(&settings.feeds)
}

#[derive(Serialize)]
struct JsonItem {
    id: String,
    title: String,
    link: Option<String>,
    /// RFC 3339, UTC: the feed's date, or when first seen if the feed gave none.
    published: String,
    /// "feed"; "first_seen" when the feed gave no parseable date; "first_seen_future" when its
    /// date was more than a day after the item was first seen.
    date_source: &'static str,
    author: Option<String>,
    category: Option<String>,
    read: bool,
}

/// `chmon list`: cached headlines, newest first, as text lines or one JSON array; with
/// `starred`, the starred articles of the whole cache.
pub fn list(
    settings: &Settings,
    limit: Option<usize>,
    json: bool,
    starred: bool,
) -> Result<(), CommandError> {
    let (store, _, mut query) = open_feeds(settings)?;
    query.starred = starred;
    print_list(settings, &store, &query, limit, json)
}

/// The filters of `chmon search`, as the reader's list has them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filters {
    /// Only the unread articles found.
    pub unread: bool,
    /// Only the starred articles found (of the whole cache, as the starred view).
    pub starred: bool,
}

/// `chmon search`: what a search finds in the run's feeds (with the filters), newest first,
/// printed as `list` prints (whole words: the last one is no prefix here). Indexes what is not
/// indexed yet first.
pub fn search(
    settings: &Settings,
    text: &str,
    limit: Option<usize>,
    json: bool,
    filters: Filters,
) -> Result<(), CommandError> {
    if crate::search::Query::parse(text, false).is_empty() {
        return Err(CommandError::Usage(format!(
            "search {text:?}: the query has no words"
        )));
    }
    let (mut store, _, mut query) = open_feeds(settings)?;
    while store.index_pending(INDEX_BATCH)? > 0 {}
    query.unread_only = filters.unread;
    query.starred = filters.starred;
    query.search = Some(Search {
        text: text.to_string(),
        relevance: false,
        prefix: false,
    });
    print_list(settings, &store, &query, limit, json)
}

/// How many articles one indexing transaction takes.
const INDEX_BATCH: usize = 2000;

/// The rows of a list as `list` prints them.
fn print_list(
    settings: &Settings,
    store: &Store,
    query: &ListQuery,
    limit: Option<usize>,
    json: bool,
) -> Result<(), CommandError> {
    let total = store.counts(query)?.total;
    let rows = store.headlines(query, 0, limit.unwrap_or(total).min(total))?;
    let mut out = String::new();
    if json {
        let mut items = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Some(article) = store.article(row.id)? {
                items.push(json_item(&article));
            }
        }
        out = serde_json::to_string_pretty(&items).unwrap_or_default();
        out.push('\n');
    } else {
        for row in rows {
            let when = settings.zone.format_date_time(row.time);
            let title = tame_line(&clean_line(&row.title), MAX_TITLE_CHARS);
            out.push_str(&format!("{when}  {title}\n"));
        }
    }
    emit(&out)
}

fn json_item(a: &Article) -> JsonItem {
    let clean = |s: &Option<String>| s.as_deref().map(clean_line);
    JsonItem {
        id: clean_line(&a.key),
        title: tame_line(&clean_line(&a.title), MAX_TITLE_CHARS),
        link: clean(&a.link),
        published: a.time().to_rfc3339_opts(SecondsFormat::Secs, true),
        date_source: a.date_source().name(),
        author: clean(&a.author),
        category: clean(&a.category),
        read: a.read,
    }
}

/// `chmon show ID|N [--full]`: one article as wrapped text; its stored full text when there
/// is one, fetched (and stored) first with `--full`.
pub fn show(settings: &Settings, id: &str, width: usize, full: bool) -> Result<(), CommandError> {
    let (store, _, query) = open_feeds(settings)?;
    let article = match store.article_by_key(&query, id)? {
        Some(article) => Some(article),
        None => by_position(&store, &query, id)?,
    };
    let article = article.ok_or_else(|| CommandError::NoSuchArticle(clean_line(id)))?;
    let page = if full {
        let fetcher = Fetcher::new(settings.fetch.clone())?;
        let note = settings.lang.pages().cut;
        Some(fulltext::fetch_and_store(
            &fetcher,
            &store,
            &article,
            note,
            Utc::now(),
        )?)
    } else {
        store.page(article.id)?
    };
    emit(&format_article(
        settings,
        &article.with_page(page.as_ref()),
        width.max(1),
    ))
}

fn by_position(
    store: &Store,
    query: &ListQuery,
    id: &str,
) -> Result<Option<Article>, CommandError> {
    let Some(n) = id.parse::<usize>().ok().filter(|n| *n >= 1) else {
        return Ok(None);
    };
    match store.headlines(query, n - 1, 1)?.first() {
        Some(row) => Ok(store.article(row.id)?),
        None => Ok(None),
    }
}

fn format_article(settings: &Settings, a: &Article, width: usize) -> String {
    let mut meta = vec![settings.zone.format_date_time(a.time())];
    meta.extend(
        [&a.author, &a.category]
            .into_iter()
            .flatten()
            .map(|s| clean_line(s)),
    );
    let title = tame_line(&clean_line(&a.title), MAX_TITLE_CHARS);
    let mut out = format!("{title}\n{}\n", meta.join(" · "));
    if let Some(link) = &a.link {
        out.push_str(&clean_line(link));
        out.push('\n');
    }
    out.push('\n');
    let text = ArticleText::new(a.lead.as_deref(), a.body.as_deref(), a.link.as_deref());
    for line in text.render(width, &settings.lang.article_labels()).lines {
        out.push_str(&clean_text(&line));
        out.push('\n');
    }
    out
}

/// Writes to stdout; a closed pipe (`chmon list | head`) is not an error.
pub(crate) fn emit(text: &str) -> Result<(), CommandError> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CommandError::Output(e)),
        _ => Ok(()),
    }
}
