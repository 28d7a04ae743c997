//! The feed list's commands: `feeds` (the list with counts and fetch state), `add` (a feed
//! found on a site's page if need be), `remove`, `import` (OPML), `export` (OPML 2.0) and
//! `vacuum`. The list lives in the config file (see `config::edit`); the cache follows it.

use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use super::{CommandError, emit, listed, open_feeds, open_store};
use crate::config::edit::ConfigFile;
use crate::config::{FeedEntry, Settings};
use crate::feed::FeedError;
use crate::feed::fetch::{FetchOutcome, Fetcher, Validators};
use crate::feed::parse::{Parsed, parse_body};
use crate::model::FeedSummary;
use crate::opml;
use crate::text::sanitize::clean_line;

/// The largest OPML file read.
const MAX_OPML_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Serialize)]
struct JsonFeed {
    url: String,
    name: Option<String>,
    section: Option<String>,
    title: Option<String>,
    feed_url: Option<String>,
    /// RFC 3339, UTC: the last fetch (or try).
    last_refresh: Option<String>,
    last_success: Option<String>,
    last_error: Option<String>,
    total: usize,
    unread: usize,
}

/// `chmon feeds`: one line per feed (or one JSON array).
pub fn feeds(settings: &Settings, json: bool) -> Result<(), CommandError> {
    let (store, ids, _) = open_feeds(settings)?;
    let mut rows = if settings.one_off {
        Vec::new()
    } else {
        store.listed_feeds()?
    };
    if rows.is_empty() {
        for id in ids {
            rows.extend(store.feed_summary(id)?);
        }
    }
    if json {
        let items: Vec<JsonFeed> = rows.iter().map(json_feed).collect();
        let mut out = serde_json::to_string_pretty(&items).unwrap_or_default();
        out.push('\n');
        return emit(&out);
    }
    let mut out = String::new();
    for f in &rows {
        out.push_str(&text_line(settings, f));
    }
    emit(&out)
}

fn json_feed(f: &FeedSummary) -> JsonFeed {
    let clean = |s: &Option<String>| s.as_deref().map(clean_line);
    let time = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true));
    JsonFeed {
        url: clean_line(&f.source),
        name: clean(&f.name),
        section: clean(&f.section),
        title: clean(&f.title),
        feed_url: clean(&f.feed_url),
        last_refresh: time(f.state.last_attempt),
        last_success: time(f.state.last_success),
        last_error: clean(&f.state.last_error),
        total: f.counts.total,
        unread: f.counts.unread,
    }
}

/// `URL  name  [section]  unread/total  last refresh  (error)`.
fn text_line(settings: &Settings, f: &FeedSummary) -> String {
    let mut parts = vec![clean_line(&f.source), clean_line(f.label())];
    if let Some(section) = &f.section {
        parts.push(format!("[{}]", clean_line(section)));
    }
    parts.push(format!("{}/{}", f.counts.unread, f.counts.total));
    parts.push(match f.state.last_attempt {
        Some(t) => settings.zone.format_date_time(t),
        None => "never refreshed".to_string(),
    });
    if let Some(error) = &f.state.last_error {
        parts.push(format!("error: {}", clean_line(error)));
    }
    format!("{}\n", parts.join("  "))
}

pub(super) fn config_file(settings: &Settings) -> Result<ConfigFile, CommandError> {
    let path = settings
        .config_file
        .as_deref()
        .ok_or(CommandError::NoConfigFile)?;
    Ok(ConfigFile::open(path)?)
}

/// `chmon add URL`: the feed (found on the page when URL is a site) joins the list.
pub fn add(
    settings: &Settings,
    url: &str,
    name: Option<String>,
    section: Option<String>,
) -> Result<(), CommandError> {
    let fetcher = Fetcher::new(settings.fetch.clone())?;
    let (feed_url, title) = find_feed(&fetcher, url.trim())?;
    let mut file = config_file(settings)?;
    let entry = FeedEntry {
        url: feed_url.clone(),
        name,
        section,
        ..FeedEntry::default()
    };
    if !file.add(&entry)? {
        return emit(&format!(
            "{} is already in the list\n",
            clean_line(&feed_url)
        ));
    }
    file.save()?;
    let title = title
        .map(|t| format!(" ({})", clean_line(&t)))
        .unwrap_or_default();
    let found = if feed_url == url.trim() {
        String::new()
    } else {
        format!(", found on {}", clean_line(url))
    };
    emit(&format!("added {}{title}{found}\n", clean_line(&feed_url)))
}

/// The feed at `url`, or the first feed its page names (else the agency's `/news.xml`),
/// with its title.
fn find_feed(fetcher: &Fetcher, url: &str) -> Result<(String, Option<String>), CommandError> {
    if crate::refresh::is_local(url) {
        let bytes = std::fs::read(url).map_err(|e| FeedError::File {
            path: url.to_string(),
            cause: e.to_string(),
        })?;
        return match parse_body(&bytes, None, url)? {
            Parsed::Feed(feed) => Ok((url.to_string(), feed.title)),
            Parsed::Page { .. } => Err(no_feed(url, url)),
        };
    }
    let mut candidates = match fetch(fetcher, url)? {
        Parsed::Feed(feed) => return Ok((url.to_string(), feed.title)),
        Parsed::Page { feed_urls } => feed_urls,
    };
    if let Ok(fallback) = url::Url::parse(url).and_then(|u| u.join("/news.xml")) {
        candidates.push(fallback.to_string());
    }
    candidates.dedup();
    for candidate in &candidates {
        if let Ok(Parsed::Feed(feed)) = fetch(fetcher, candidate) {
            return Ok((candidate.clone(), feed.title));
        }
    }
    Err(no_feed(url, &candidates.join(", ")))
}

pub(super) fn fetch(fetcher: &Fetcher, url: &str) -> Result<Parsed, CommandError> {
    match fetcher.get(url, &Validators::default())? {
        FetchOutcome::Body(f) => Ok(parse_body(&f.bytes, f.content_type.as_deref(), &f.url)?),
        FetchOutcome::NotModified(_) => Err(no_feed(url, url)),
    }
}

fn no_feed(url: &str, tried: &str) -> CommandError {
    CommandError::Feed(FeedError::NoFeed {
        url: clean_line(url),
        tried: clean_line(tried),
    })
}

/// `chmon remove URL`.
pub fn remove(settings: &Settings, url: &str) -> Result<(), CommandError> {
    let mut file = config_file(settings)?;
    let gone = file
        .remove(url)?
        .ok_or_else(|| CommandError::NotListed(clean_line(url)))?;
    file.save()?;
    let mut store = open_store(settings)?;
    let removed = store.remove_feed(&gone.url)?;
    emit(&format!(
        "removed {} ({removed} of its articles left the cache; those other feeds share stay)\n",
        clean_line(&gone.url)
    ))
}

/// `chmon import FILE.opml`.
pub fn import(settings: &Settings, path: &Path) -> Result<(), CommandError> {
    let bytes = read_limited(path)?;
    let opml =
        opml::parse(&bytes).map_err(|e| CommandError::Opml(format!("{}: {e}", path.display())))?;
    let mut file = config_file(settings)?;
    let entries: Vec<FeedEntry> = opml
        .feeds
        .iter()
        .map(|feed| FeedEntry {
            url: feed.url.clone(),
            name: feed.name.clone(),
            section: feed.section.clone(),
            ..FeedEntry::default()
        })
        .collect();
    let (added, known) = file.add_all(&entries)?;
    file.save()?;
    let mut out = String::new();
    for r in &opml.refused {
        out.push_str(&format!("refused {}: {}\n", r.url, r.reason));
    }
    out.push_str(&format!(
        "imported {added} feeds ({known} already in the list, {} refused)\n",
        opml.refused.len()
    ));
    emit(&out)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, CommandError> {
    use std::io::Read;
    let fail = |e: std::io::Error| FeedError::File {
        path: path.display().to_string(),
        cause: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(fail)?;
    let mut bytes = Vec::new();
    file.take(MAX_OPML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > MAX_OPML_BYTES {
        return Err(CommandError::Opml(format!(
            "{}: larger than {} MB",
            path.display(),
            MAX_OPML_BYTES >> 20
        )));
    }
    Ok(bytes)
}

/// `chmon export`: the list as OPML 2.0 (http and https feeds).
pub fn export(settings: &Settings) -> Result<(), CommandError> {
    let entries: Vec<FeedEntry> = settings
        .feeds
        .iter()
        .map(|f| FeedEntry {
            url: f.url.clone(),
            name: f.name.clone(),
            section: f.section.clone(),
            ..FeedEntry::default()
        })
        .collect();
    emit(&opml::write(&entries))
}

/// `chmon vacuum`: retention over the whole cache, then a compacted file.
pub fn vacuum(settings: &Settings) -> Result<(), CommandError> {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let path = settings.cache_path();
    let before = size(&path) + size(&path.with_extension("sqlite3-wal"));
    let mut store = open_store(settings)?;
    if !settings.one_off {
        store.sync_list(&listed(settings))?;
    }
    let removed = store.vacuum(Utc::now())?;
    drop(store);
    let after = size(&path) + size(&path.with_extension("sqlite3-wal"));
    let mb = |n: u64| n as f64 / 1_048_576.0;
    emit(&format!(
        "{removed} articles let go; the cache is {:.1} MB (was {:.1} MB)\n",
        mb(after),
        mb(before)
    ))
}
