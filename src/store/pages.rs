//! Full-text pages of articles (the `pages` table of `schema_pages`): the story extracted from
//! an article's web page, stored compressed, read offline afterwards. Wraps its queries with
//! the cache's errors; must not fetch, extract or format anything.

use rusqlite::types::Type;
use rusqlite::{OptionalExtension, params};

use super::codec::{self, Encoder};
use super::lists::to_time;
use super::{Store, StoreError};
pub use crate::model::StoredPage;

impl Store {
    /// Stores (or replaces) the page of an article.
    pub fn save_page(&self, article_id: i64, page: &StoredPage) -> Result<(), StoreError> {
        let body = Encoder::new().encode(&page.html);
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO pages (article_id, url, fetched, etag, last_modified,
                 title, published, author, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    article_id,
                    page.url,
                    page.fetched.timestamp(),
                    page.etag,
                    page.last_modified,
                    page.title,
                    page.published.map(|t| t.timestamp()),
                    page.author,
                    body,
                ])
            })
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// The stored page of an article, if any.
    pub fn page(&self, article_id: i64) -> Result<Option<StoredPage>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT url, fetched, etag, last_modified, title, published, author, body
                 FROM pages WHERE article_id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([article_id], |r| {
                    let blob = r.get_ref(7)?.as_blob_or_null()?.unwrap_or_default();
                    let html = codec::decode(blob).ok_or_else(|| {
                        rusqlite::Error::FromSqlConversionFailure(
                            7,
                            Type::Blob,
                            "damaged text".into(),
                        )
                    })?;
                    Ok(StoredPage {
                        url: r.get(0)?,
                        fetched: to_time(r.get(1)?),
                        etag: r.get(2)?,
                        last_modified: r.get(3)?,
                        title: r.get(4)?,
                        published: r.get::<_, Option<i64>>(5)?.map(to_time),
                        author: r.get(6)?,
                        html,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }
}
