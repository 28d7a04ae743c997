//! Full-text pages of articles (the `pages` table of `schema_pages`): the story extracted from
//! an article's web page, stored compressed, read offline afterwards; which feeds an article is
//! in (whose `full_text` setting applies) and which new articles have no page yet (to prefetch).
//! Wraps its queries with the cache's errors; must not fetch, extract or format anything.

use chrono::{DateTime, Utc};
use rusqlite::types::Type;
use rusqlite::{OptionalExtension, params};

use super::codec::{self, Encoder};
use super::lists::to_time;
use super::{Store, StoreError};
pub use crate::model::StoredPage;

impl Store {
    /// Stores (or replaces) the page of an article. The page's date fills the article's when
    /// the feed gave none (its place in the lists follows, by the same rule as a feed's date).
    pub fn save_page(&self, article_id: i64, page: &StoredPage) -> Result<(), StoreError> {
        let body = Encoder::new().encode(&page.html);
        let published = page.published.map(|t| t.timestamp());
        let write = || -> rusqlite::Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            tx.prepare_cached(
                "INSERT OR REPLACE INTO pages (article_id, url, fetched, etag, last_modified,
                 title, published, author, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                article_id,
                page.url,
                page.fetched.timestamp(),
                page.etag,
                page.last_modified,
                page.title,
                published,
                page.author,
                body,
            ])?;
            // Its text is searched from now on (see `search::index_pending`).
            tx.prepare_cached("INSERT OR IGNORE INTO search_dirty (article_id) VALUES (?1)")?
                .execute([article_id])?;
            if published.is_some() {
                tx.prepare_cached(
                    "UPDATE articles SET published = ?2,
                     sort_time = CASE WHEN ?2 <= first_seen + 86400 THEN ?2 ELSE first_seen END
                     WHERE id = ?1 AND published IS NULL",
                )?
                .execute(params![article_id, published])?;
            }
            tx.commit()
        };
        write().map_err(|e| self.err(e))
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

impl Store {
    /// The feeds an article is in (lowest id first).
    pub fn feeds_of(&self, article_id: i64) -> Result<Vec<i64>, StoreError> {
        let run = || -> rusqlite::Result<Vec<i64>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT feed_id FROM memberships WHERE article_id = ?1 ORDER BY feed_id",
            )?;
            let rows = stmt.query_map([article_id], |r| r.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The articles of `feeds` first seen at or after `since` that have a link and no page,
    /// newest first, at most `limit`: (id, link).
    pub fn without_page(
        &self,
        feeds: &[i64],
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let mut found: Vec<(i64, i64, String)> = Vec::new();
        for &feed in feeds {
            let run = || -> rusqlite::Result<Vec<(i64, i64, String)>> {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT a.id, a.sort_time, a.link FROM memberships m
                     JOIN articles a ON a.id = m.article_id
                     WHERE m.feed_id = ?1 AND a.first_seen >= ?2 AND a.link IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.article_id = a.id)
                     ORDER BY a.sort_time DESC, a.id DESC LIMIT ?3",
                )?;
                let limit = i64::try_from(limit).unwrap_or(i64::MAX);
                let rows = stmt.query_map(params![feed, since.timestamp(), limit], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
                rows.collect()
            };
            found.extend(run().map_err(|e| self.err(e))?);
        }
        found.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        found.dedup_by_key(|row| row.0);
        found.truncate(limit);
        Ok(found.into_iter().map(|(id, _, link)| (id, link)).collect())
    }
}
