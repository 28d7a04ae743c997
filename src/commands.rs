//! The scriptable subcommands: `refresh`, `list`, `show` (`extract` lives in commands/extract.rs).
//! Prints results to stdout (every feed string sanitised again on the way out). Owns output formats only; fetching and caching live elsewhere.

use std::io::{self, Write};

use chrono::{SecondsFormat, Utc};
use serde::Serialize;

use crate::article::ArticleText;
use crate::config::Settings;
use crate::feed::FeedError;
use crate::feed::fetch::Fetcher;
use crate::model::Article;
use crate::refresh::{self, RefreshError, RefreshReport};
use crate::store::{Store, StoreError};
use crate::text::sanitize::{clean_line, clean_text};

pub mod extract;

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
    #[error("{page}: {cause}")]
    Extract { page: String, cause: String },
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

fn open_store(settings: &Settings) -> Result<Store, CommandError> {
    let store = Store::open(&settings.cache_path())?;
    if let Some(notice) = store.notice() {
        eprintln!("chmon: {}", clean_line(notice));
    }
    Ok(store)
}

fn run_refresh(settings: &Settings) -> Result<RefreshReport, CommandError> {
    let _lock = refresh::lock(&settings.data_dir)?;
    let mut store = open_store(settings)?;
    let fetcher = Fetcher::new(settings.fetch.clone())?;
    Ok(refresh::refresh(
        &mut store,
        &fetcher,
        &settings.source,
        Utc::now(),
    )?)
}

/// `chmon refresh`: fetch and store, then print "N new, M updated, T total"; a truncated
/// body is an error line (what it kept is stored).
pub fn refresh(settings: &Settings) -> Result<(), CommandError> {
    let report = run_refresh(settings)?;
    let s = report.stats;
    if let Some(cut) = report.truncated {
        return Err(CommandError::Truncated {
            url: cut.url,
            kept: cut.kept,
            new: s.new,
            updated: s.updated,
            total: s.total,
        });
    }
    emit(&format!(
        "{} new, {} updated, {} total\n",
        s.new, s.updated, s.total
    ))
}

/// Refreshes without printing (the demo does it before any command).
pub fn refresh_quietly(settings: &Settings) -> Result<(), CommandError> {
    run_refresh(settings).map(|_| ())
}

#[derive(Serialize)]
struct JsonItem {
    id: String,
    title: String,
    link: Option<String>,
    /// RFC 3339, UTC: the feed's date, or when first seen if the feed gave none.
    published: String,
    /// "feed", or "first_seen" when the feed gave no parseable date.
    date_source: &'static str,
    author: Option<String>,
    category: Option<String>,
    read: bool,
}

/// `chmon list`: cached headlines, newest first, as text lines or one JSON array.
pub fn list(settings: &Settings, limit: Option<usize>, json: bool) -> Result<(), CommandError> {
    let mut store = open_store(settings)?;
    let feed = store.feed(&settings.source)?;
    let total = store.counts(feed.id)?.total;
    let rows = store.headlines(feed.id, 0, limit.unwrap_or(total).min(total))?;
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
            out.push_str(&format!("{when}  {}\n", clean_line(&row.title)));
        }
    }
    emit(&out)
}

fn json_item(a: &Article) -> JsonItem {
    let clean = |s: &Option<String>| s.as_deref().map(clean_line);
    JsonItem {
        id: clean_line(&a.key),
        title: clean_line(&a.title),
        link: clean(&a.link),
        published: a.time().to_rfc3339_opts(SecondsFormat::Secs, true),
        date_source: if a.published.is_some() {
            "feed"
        } else {
            "first_seen"
        },
        author: clean(&a.author),
        category: clean(&a.category),
        read: a.read,
    }
}

/// `chmon show ID|N`: one article as wrapped text.
pub fn show(settings: &Settings, id: &str, width: usize) -> Result<(), CommandError> {
    let mut store = open_store(settings)?;
    let feed = store.feed(&settings.source)?;
    let article = match store.article_by_key(feed.id, id)? {
        Some(article) => Some(article),
        None => by_position(&store, feed.id, id)?,
    };
    let article = article.ok_or_else(|| CommandError::NoSuchArticle(clean_line(id)))?;
    emit(&format_article(settings, &article, width.max(1)))
}

fn by_position(store: &Store, feed_id: i64, id: &str) -> Result<Option<Article>, CommandError> {
    let Some(n) = id.parse::<usize>().ok().filter(|n| *n >= 1) else {
        return Ok(None);
    };
    match store.headlines(feed_id, n - 1, 1)?.first() {
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
    let mut out = format!("{}\n{}\n", clean_line(&a.title), meta.join(" · "));
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
fn emit(text: &str) -> Result<(), CommandError> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CommandError::Output(e)),
        _ => Ok(()),
    }
}
