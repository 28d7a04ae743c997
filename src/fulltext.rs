//! Full text of an article: fetches its page (the feed fetcher: deadline, size limit,
//! http/https only, conditional GET with the stored validators; a page over the size limit is
//! cut there, with a note above its text), extracts the story and makes
//! the `StoredPage` of it; `fetch_and_store` also stores it with the article. Used by
//! `chmon show --full`, by `chmon refresh` for `full_text = "always"` feeds and by the reader's
//! page workers. Owns this fetch → extract (→ store) step only: the extraction is
//! `crate::extract`'s; it must not print, draw or decide when a page is wanted.

use chrono::{DateTime, Utc};

use crate::extract::{self, Page};
use crate::feed::FeedError;
use crate::feed::fetch::{FetchOutcome, Fetcher, Validators};
use crate::model::{Article, StoredPage};
use crate::store::{Store, StoreError};
use crate::text::sanitize::clean_line;

#[derive(Debug, thiserror::Error)]
pub enum FullTextError {
    #[error(transparent)]
    Feed(#[from] FeedError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{page}: {cause}")]
    Extract { page: String, cause: String },
}

impl FullTextError {
    /// Why it failed, without the address (for a status line): `HTTP 404 Not Found`,
    /// `timed out after 20s`, `no article found in the page`.
    pub fn cause(&self) -> String {
        match self {
            FullTextError::Feed(FeedError::Http { cause, .. })
            | FullTextError::Extract { cause, .. } => cause.clone(),
            FullTextError::Feed(e) => e.to_string(),
            FullTextError::Store(e) => e.to_string(),
        }
    }
}

/// What a fetch of a page gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch {
    /// A page, extracted (not stored yet).
    Page(StoredPage),
    /// 304 Not Modified: the stored page stands.
    Unchanged,
}

/// The page of an article to fetch: its link and the stored page's validators.
#[derive(Debug, Clone, Default)]
pub struct Wanted<'a> {
    pub link: &'a str,
    /// The article's title, named in an error when it has no link.
    pub title: &'a str,
    pub validators: Validators,
    /// The note put above the text of a page cut at the size limit («сторінку обрізано: …»;
    /// `{mb}` becomes the limit in megabytes).
    pub cut_note: &'a str,
}

/// Fetches and extracts the page at `wanted.link`; nothing is stored.
pub fn fetch(
    fetcher: &Fetcher,
    wanted: &Wanted<'_>,
    now: DateTime<Utc>,
) -> Result<Fetch, FullTextError> {
    let link = wanted.link.trim();
    let fail = |cause: String| FullTextError::Extract {
        page: clean_line(if link.is_empty() { wanted.title } else { link }),
        cause,
    };
    if !is_http(link) {
        return Err(fail("the article has no http(s) link".into()));
    }
    let fetched = match fetcher.get_cut(link, &wanted.validators)? {
        FetchOutcome::Body(f) => f,
        FetchOutcome::NotModified(_) => return Ok(Fetch::Unchanged),
    };
    let page = Page {
        bytes: &fetched.bytes,
        content_type: fetched.content_type.as_deref(),
        url: Some(&fetched.url),
    };
    let story = extract::extract(&page).map_err(|e| fail(e.to_string()))?;
    let html = if fetched.cut {
        let mb = fetcher.max_bytes() / (1024 * 1024);
        let note = escape(&wanted.cut_note.replace("{mb}", &mb.to_string()));
        format!("<p><em>{note}</em></p>{}", story.html)
    } else {
        story.html
    };
    Ok(Fetch::Page(StoredPage {
        url: Some(fetched.url),
        fetched: now,
        etag: fetched.etag,
        last_modified: fetched.last_modified,
        title: story.title,
        published: story.published,
        author: story.author,
        html,
    }))
}

/// Fetches, extracts and stores the page of `article`; returns what is stored afterwards
/// (the old page when the server answers 304 Not Modified).
pub fn fetch_and_store(
    fetcher: &Fetcher,
    store: &Store,
    article: &Article,
    cut_note: &str,
    now: DateTime<Utc>,
) -> Result<StoredPage, FullTextError> {
    let old = store.page(article.id)?;
    let wanted = Wanted {
        link: article.link.as_deref().unwrap_or_default(),
        title: &article.title,
        validators: validators(old.as_ref()),
        cut_note,
    };
    match fetch(fetcher, &wanted, now)? {
        Fetch::Page(page) => {
            store.save_page(article.id, &page)?;
            Ok(page)
        }
        Fetch::Unchanged => old.ok_or_else(|| FullTextError::Extract {
            page: clean_line(wanted.link),
            cause: "the server sent no page".into(),
        }),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn is_http(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A stored page's validators, for a conditional GET.
pub fn validators(old: Option<&StoredPage>) -> Validators {
    old.map_or_else(Validators::default, |p| Validators {
        etag: p.etag.clone(),
        last_modified: p.last_modified.clone(),
    })
}

/// What a prefetch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefetched {
    pub stored: usize,
    pub failed: usize,
}

/// Fetches the pages of `wanted` (article id, link), at most `at_once` at a time, and stores
/// each as it comes (on the caller's connection). A page that fails is counted and left.
pub fn prefetch(
    fetcher: &Fetcher,
    store: &Store,
    wanted: &[(i64, String)],
    at_once: usize,
    cut_note: &str,
) -> Prefetched {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel();
    let mut done = Prefetched::default();
    std::thread::scope(|scope| {
        for _ in 0..at_once.clamp(1, wanted.len().max(1)) {
            let (tx, next) = (tx.clone(), &next);
            scope.spawn(move || {
                loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((id, link)) = wanted.get(at) else {
                        return;
                    };
                    let wanted = Wanted {
                        link,
                        title: "",
                        validators: Validators::default(),
                        cut_note,
                    };
                    if tx.send((*id, fetch(fetcher, &wanted, Utc::now()))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        for (id, result) in rx {
            let saved = match result {
                Ok(Fetch::Page(page)) => store.save_page(id, &page).is_ok(),
                Ok(Fetch::Unchanged) | Err(_) => false,
            };
            if saved {
                done.stored += 1;
            } else {
                done.failed += 1;
            }
        }
    });
    done
}
