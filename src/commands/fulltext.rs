//! Full text of a stored article: fetches its page (the feed fetcher: deadline, size limit,
//! http/https only, conditional GET with the stored validators), extracts the story and stores
//! it with the article (`Store::save_page`). Owns this fetch → extract → store step only; the
//! extraction is `crate::extract`'s, the printing `commands::show`'s.

use chrono::{DateTime, Utc};

use super::CommandError;
use crate::extract::{self, Page};
use crate::feed::fetch::{FetchOutcome, Fetcher, Validators};
use crate::model::Article;
use crate::store::{Store, StoredPage};
use crate::text::sanitize::clean_line;

/// Fetches, extracts and stores the page of `article`; returns what is stored afterwards
/// (the old page when the server answers 304 Not Modified).
pub fn fetch_and_store(
    fetcher: &Fetcher,
    store: &Store,
    article: &Article,
    now: DateTime<Utc>,
) -> Result<StoredPage, CommandError> {
    let link = article.link.as_deref().map(str::trim).unwrap_or_default();
    let fail = |cause: String| CommandError::Extract {
        page: clean_line(if link.is_empty() {
            &article.title
        } else {
            link
        }),
        cause,
    };
    if !is_http(link) {
        return Err(fail("the article has no http(s) link".into()));
    }
    let old = store.page(article.id)?;
    let fetched = match fetcher.get(link, &validators(old.as_ref()))? {
        FetchOutcome::Body(f) => f,
        FetchOutcome::NotModified(_) => {
            return old.ok_or_else(|| fail("the server sent no page".into()));
        }
    };
    let page = Page {
        bytes: &fetched.bytes,
        content_type: fetched.content_type.as_deref(),
        url: Some(&fetched.url),
    };
    let story = extract::extract(&page).map_err(|e| fail(e.to_string()))?;
    let stored = StoredPage {
        url: Some(fetched.url),
        fetched: now,
        etag: fetched.etag,
        last_modified: fetched.last_modified,
        title: story.title,
        published: story.published,
        author: story.author,
        html: story.html,
    };
    store.save_page(article.id, &stored)?;
    Ok(stored)
}

fn is_http(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The stored page's validators, for a conditional GET.
fn validators(old: Option<&StoredPage>) -> Validators {
    old.map_or_else(Validators::default, |p| Validators {
        etag: p.etag.clone(),
        last_modified: p.last_modified.clone(),
    })
}
