//! Feed discovery during a refresh: a site page was fetched instead of a feed; try the feeds it
//! names (at most [`MAX_CANDIDATES`]) and then the agency's `/news.xml`, all within one
//! deadline, through the same streaming ingest as any feed; remember the one that works.
//! Must not parse pages itself (`feed::discover` does) or print anything.

use std::time::Instant;

use super::{Ingested, Job, RefreshError, RefreshReport, ingest};
use crate::feed::FeedError;
use crate::feed::fetch::{FetchOutcome, Fetcher, Validators};
use crate::store::{FeedRecord, Store};
use crate::text::clean_line;

/// At most this many feed URLs named by a page are tried (a page may name thousands).
pub(super) const MAX_CANDIDATES: usize = 8;
/// The "no feed found" error line stays within this many characters.
const MAX_ERROR_CHARS: usize = 300;

/// The page that was fetched and what it names.
pub(super) struct Page<'a> {
    pub url: &'a str,
    pub feed_urls: Vec<String>,
    /// When trying candidates stops, whatever is left.
    pub deadline: Instant,
}

/// Tries the page's candidates in order; the first one that parses as a feed is stored and
/// becomes `feed.feed_url`. A candidate that fails (HTTP, parse, another page) is skipped.
pub(super) fn discover(
    store: &mut Store,
    fetcher: &Fetcher,
    feed: &mut FeedRecord,
    page: Page<'_>,
    job: &Job,
) -> Result<RefreshReport, RefreshError> {
    let mut tried = Vec::new();
    for candidate in candidates(page.url, page.feed_urls) {
        if Instant::now() >= page.deadline {
            tried.push("… (out of time)".to_string());
            break;
        }
        let got = fetcher.get_by(&candidate, &Validators::default(), page.deadline);
        tried.push(candidate.clone());
        let Ok(FetchOutcome::Body(fetched)) = got else {
            continue;
        };
        let mut found = feed.clone();
        found.feed_url = Some(candidate);
        match ingest(store, &mut found, &fetched, job) {
            Ok(Ingested::Feed(report)) => {
                *feed = found;
                return Ok(report);
            }
            Ok(Ingested::Page(_)) | Err(RefreshError::Feed(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let url = clip(&clean_line(page.url), 100);
    let room = MAX_ERROR_CHARS.saturating_sub(url.chars().count() + 30);
    Err(FeedError::NoFeed {
        tried: summary(&tried, room),
        url,
    }
    .into())
}

/// The page's first [`MAX_CANDIDATES`] feed URLs, then `/news.xml` on the page's host; each once.
fn candidates(page_url: &str, mut feed_urls: Vec<String>) -> Vec<String> {
    feed_urls.truncate(MAX_CANDIDATES);
    if let Ok(fallback) = url::Url::parse(page_url).and_then(|u| u.join("/news.xml")) {
        feed_urls.push(fallback.to_string());
    }
    let mut unique: Vec<String> = Vec::with_capacity(feed_urls.len());
    for u in feed_urls {
        if !unique.contains(&u) {
            unique.push(u);
        }
    }
    unique
}

/// The tried URLs for the error line, each clipped, the list cut to `room` characters.
fn summary(tried: &[String], room: usize) -> String {
    let mut out = String::new();
    for (i, url) in tried.iter().enumerate() {
        let next = clip(&clean_line(url), 80);
        let more = tried.len() - i - 1;
        if out.chars().count() + next.chars().count() + 20 > room {
            out.push_str(&format!("… and {} more", more + 1));
            break;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&next);
    }
    out
}

/// At most `max` characters of `s`, with `…` when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_bounded_and_unique() {
        let named: Vec<String> = (0..2000).map(|i| format!("http://a/f{i}.xml")).collect();
        let got = candidates("http://a/", named);
        assert_eq!(got.len(), MAX_CANDIDATES + 1);
        assert_eq!(got[0], "http://a/f0.xml");
        assert_eq!(got[MAX_CANDIDATES], "http://a/news.xml");
        let again = candidates("http://a/x", vec!["http://a/news.xml".into()]);
        assert_eq!(again, vec!["http://a/news.xml".to_string()]);
    }

    #[test]
    fn the_summary_fits_its_room() {
        let long: Vec<String> = (0..9)
            .map(|i| format!("http://a/{}{i}", "x".repeat(300)))
            .collect();
        let s = summary(&long, 200);
        assert!(s.chars().count() <= 200, "{s}");
        assert!(s.ends_with("more"), "{s}");
        assert_eq!(summary(&["http://a/1".into()], 200), "http://a/1");
    }
}
