//! The feed list of the config file: `feed = "URL"` (one source, as before) or `[[feed]]`
//! entries (url, name, section, full_text, refresh_minutes, keep_days, max_articles), checked
//! and resolved into `FeedSpec`s with the file's global defaults. Owns what an entry may say;
//! knows nothing about fetching, the cache or the screen.

use std::collections::HashSet;
use std::time::Duration;

use serde::Deserialize;

/// How often a feed is fetched when neither it nor the file says (the default).
pub const DEFAULT_REFRESH_MINUTES: u64 = 30;

/// Whether the full article page is fetched (see [`FullText::fetches`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FullText {
    /// When the feed's own text looks short.
    #[default]
    Auto,
    Always,
    Never,
}

impl FullText {
    pub fn name(self) -> &'static str {
        match self {
            FullText::Auto => "auto",
            FullText::Always => "always",
            FullText::Never => "never",
        }
    }

    /// Whether an article's page is fetched without being asked (`e` and `show --full` fetch
    /// under any setting): `auto` when the stored text is a teaser
    /// ([`crate::article::teaser::is_teaser`]), `always` always, `never` never.
    pub fn fetches(self, is_teaser: bool) -> bool {
        match self {
            FullText::Auto => is_teaser,
            FullText::Always => true,
            FullText::Never => false,
        }
    }
}

/// How much of a feed's archive is kept; `None` keeps everything (the default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retention {
    pub keep_days: Option<u32>,
    pub max_articles: Option<u32>,
}

impl Retention {
    pub fn keeps_everything(&self) -> bool {
        self.keep_days.is_none() && self.max_articles.is_none()
    }
}

/// One `[[feed]]` table as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedEntry {
    /// A feed URL, a site URL (its feed is discovered) or a local file.
    pub url: String,
    /// Shown instead of the feed's own title.
    pub name: Option<String>,
    /// The group it is listed under in the feed pane.
    pub section: Option<String>,
    #[serde(default)]
    pub full_text: FullText,
    pub refresh_minutes: Option<u64>,
    pub keep_days: Option<u32>,
    pub max_articles: Option<u32>,
}

/// `feed = "…"` or `[[feed]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedList {
    One(String),
    Many(Vec<FeedEntry>),
}

impl FeedList {
    /// The entries, `feed = "URL"` being one entry with only a url.
    pub fn entries(&self) -> Vec<FeedEntry> {
        match self {
            FeedList::One(url) => vec![FeedEntry {
                url: url.clone(),
                ..FeedEntry::default()
            }],
            FeedList::Many(entries) => entries.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for FeedList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FeedList, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::String(url) => Ok(FeedList::One(url)),
            toml::Value::Array(items) => {
                let mut entries = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    let entry = FeedEntry::deserialize(item)
                        .map_err(|e| D::Error::custom(format!("[[feed]] #{}: {e}", i + 1)))?;
                    entries.push(entry);
                }
                Ok(FeedList::Many(entries))
            }
            _ => Err(D::Error::custom(
                "feed: expected a URL, or [[feed]] tables with a url",
            )),
        }
    }
}

/// A feed as a run uses it: the entry with the file's defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSpec {
    pub url: String,
    pub name: Option<String>,
    pub section: Option<String>,
    pub full_text: FullText,
    /// The configured interval of the timer (the server may ask for a longer one).
    pub refresh: Duration,
    pub retention: Retention,
}

impl FeedSpec {
    /// A source with every default (`--feed`, the demo, tests).
    pub fn new(url: impl Into<String>) -> FeedSpec {
        FeedSpec {
            url: url.into(),
            name: None,
            section: None,
            full_text: FullText::Auto,
            refresh: minutes(DEFAULT_REFRESH_MINUTES),
            retention: Retention::default(),
        }
    }
}

/// The file's global values that entries fall back on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Defaults {
    pub refresh_minutes: Option<u64>,
    pub retention: Retention,
}

/// What is wrong with an entry; each names the entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedListError {
    #[error("[[feed]] #{0}: url is empty")]
    EmptyUrl(usize),
    #[error("[[feed]] {0}: listed twice")]
    Duplicate(String),
    #[error("{0}: refresh_minutes must be at least 1")]
    ZeroInterval(String),
    #[error("{0}: max_articles must be at least 1")]
    ZeroMax(String),
}

/// Checks the entries and applies the defaults; the order of the file is kept.
pub fn resolve(entries: &[FeedEntry], defaults: Defaults) -> Result<Vec<FeedSpec>, FeedListError> {
    check_defaults(defaults)?;
    let mut seen = HashSet::new();
    let mut specs = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let url = canonical_source(entry.url.trim());
        if url.is_empty() {
            return Err(FeedListError::EmptyUrl(i + 1));
        }
        if !seen.insert(same_feed_key(&url)) {
            return Err(FeedListError::Duplicate(url));
        }
        let refresh = entry.refresh_minutes.or(defaults.refresh_minutes);
        if refresh == Some(0) {
            return Err(FeedListError::ZeroInterval(url));
        }
        let retention = Retention {
            keep_days: entry.keep_days.or(defaults.retention.keep_days),
            max_articles: entry.max_articles.or(defaults.retention.max_articles),
        };
        if retention.max_articles == Some(0) {
            return Err(FeedListError::ZeroMax(url));
        }
        specs.push(FeedSpec {
            name: clean(entry.name.as_deref()),
            section: clean(entry.section.as_deref()),
            full_text: entry.full_text,
            refresh: minutes(refresh.unwrap_or(DEFAULT_REFRESH_MINUTES)),
            retention,
            url,
        });
    }
    Ok(specs)
}

fn check_defaults(defaults: Defaults) -> Result<(), FeedListError> {
    if defaults.refresh_minutes == Some(0) {
        return Err(FeedListError::ZeroInterval("refresh_minutes".into()));
    }
    if defaults.retention.max_articles == Some(0) {
        return Err(FeedListError::ZeroMax("max_articles".into()));
    }
    Ok(())
}

/// Two spellings of one feed (http/https, `www.`, a trailing `/`) are the same entry.
/// A local feed however it is written (`f.xml`, `./f.xml`, its absolute path, a `file://`
/// URL) is one source: its absolute path (symbolic links resolved when the file exists).
/// http(s) URLs are kept as written.
pub fn canonical_source(source: &str) -> String {
    if source.is_empty() || source.starts_with("http://") || source.starts_with("https://") {
        return source.to_string();
    }
    let path = match source.strip_prefix("file://") {
        Some(rest) => url::Url::parse(source)
            .ok()
            .and_then(|u| u.to_file_path().ok())
            .unwrap_or_else(|| std::path::PathBuf::from(rest)),
        None => std::path::PathBuf::from(source),
    };
    let absolute = std::fs::canonicalize(&path)
        .or_else(|_| std::path::absolute(&path))
        .unwrap_or(path);
    absolute.display().to_string()
}

pub fn same_feed_key(url: &str) -> String {
    crate::text::link_key(url).unwrap_or_else(|| url.trim().to_string())
}

/// A name or section: trimmed, control characters gone, empty means none.
fn clean(s: Option<&str>) -> Option<String> {
    let s = crate::text::sanitize::clean_line(s?.trim());
    (!s.is_empty()).then_some(s)
}

fn minutes(n: u64) -> Duration {
    Duration::from_secs(n.saturating_mul(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str) -> FeedEntry {
        FeedEntry {
            url: url.into(),
            ..FeedEntry::default()
        }
    }

    #[test]
    fn defaults_apply_and_entries_win() {
        let mut own = entry("https://a.ua/rss");
        own.refresh_minutes = Some(5);
        own.keep_days = Some(3);
        own.section = Some("  Новини \u{1b}[31m ".into());
        let defaults = Defaults {
            refresh_minutes: Some(60),
            retention: Retention {
                keep_days: Some(30),
                max_articles: Some(500),
            },
        };
        let specs = resolve(&[own, entry("https://b.ua/rss")], defaults).unwrap();
        assert_eq!(specs[0].refresh, Duration::from_secs(300));
        assert_eq!(specs[0].retention.keep_days, Some(3));
        assert_eq!(specs[0].retention.max_articles, Some(500));
        assert_eq!(specs[0].section.as_deref(), Some("Новини"));
        assert_eq!(specs[1].refresh, Duration::from_secs(3600));
        let plain = resolve(&[entry("x.xml")], Defaults::default()).unwrap();
        assert_eq!(plain[0].refresh, Duration::from_secs(30 * 60));
        assert!(plain[0].retention.keeps_everything());
    }

    #[test]
    fn bad_entries_are_named() {
        let err = resolve(
            &[entry("http://www.a.ua/rss/"), entry("https://a.ua/rss")],
            Defaults::default(),
        )
        .unwrap_err();
        assert_eq!(err, FeedListError::Duplicate("https://a.ua/rss".into()));
        let err = resolve(&[entry(" ")], Defaults::default()).unwrap_err();
        assert_eq!(err.to_string(), "[[feed]] #1: url is empty");
        let mut zero = entry("https://a.ua/");
        zero.refresh_minutes = Some(0);
        let err = resolve(&[zero], Defaults::default()).unwrap_err();
        assert!(err.to_string().contains("https://a.ua/"), "{err}");
    }
}
