//! Retention: letting old articles go when the list says so (`keep_days`, `max_articles`, per
//! feed or for all). An article goes only when every feed it is in lets it go, it is not
//! starred, and it is not among the newest items of any of its feeds as many as that feed's
//! last body held (the feed still lists them: they would come back as new). The default keeps
//! everything. Works on a connection handed in by `Store`, inside the caller's transaction.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, params};

use crate::config::Retention;

/// Stores `policy` as the feed's, then lets go what it and the article's other feeds allow.
/// Returns how many articles went.
pub(super) fn apply(
    conn: &Connection,
    feed: i64,
    policy: Retention,
    now: i64,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE feeds SET keep_days = ?2, max_articles = ?3
         WHERE id = ?1 AND (keep_days IS NOT ?2 OR max_articles IS NOT ?3)",
    )?
    .execute(params![feed, policy.keep_days, policy.max_articles])?;
    if policy.keeps_everything() {
        return Ok(0);
    }
    let mut expired: HashMap<i64, HashSet<i64>> = HashMap::new();
    let candidates = expired_in(conn, feed, policy, now)?;
    let mut removed = 0;
    for &article in &candidates {
        if !others_let_go(conn, article, feed, now, &mut expired)? {
            continue;
        }
        removed += conn
            .prepare_cached("DELETE FROM articles WHERE id = ?1 AND starred = 0")?
            .execute([article])?;
    }
    Ok(removed)
}

/// Applies every feed's stored policy (`chmon vacuum`). Returns how many articles went.
pub(super) fn apply_stored(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    let feeds: Vec<i64> = conn
        .prepare("SELECT id FROM feeds WHERE keep_days IS NOT NULL OR max_articles IS NOT NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut removed = 0;
    for feed in feeds {
        let policy = stored(conn, feed)?;
        removed += apply(conn, feed, policy, now)?;
    }
    Ok(removed)
}

/// True when every other feed of the article would let it go too.
fn others_let_go(
    conn: &Connection,
    article: i64,
    feed: i64,
    now: i64,
    expired: &mut HashMap<i64, HashSet<i64>>,
) -> rusqlite::Result<bool> {
    let others: Vec<i64> = conn
        .prepare_cached("SELECT feed_id FROM memberships WHERE article_id = ?1 AND feed_id != ?2")?
        .query_map(params![article, feed], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for other in others {
        let set = match expired.entry(other) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let policy = stored(conn, other)?;
                let set = if policy.keeps_everything() {
                    HashSet::new()
                } else {
                    expired_in(conn, other, policy, now)?
                };
                e.insert(set)
            }
        };
        if !set.contains(&article) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The feed's articles its policy lets go: past `max_articles` or older than `keep_days`,
/// and past the newest `body_items`.
fn expired_in(
    conn: &Connection,
    feed: i64,
    policy: Retention,
    now: i64,
) -> rusqlite::Result<HashSet<i64>> {
    let cutoff = policy
        .keep_days
        .map(|days| now.saturating_sub(i64::from(days) * 86_400));
    let mut stmt = conn.prepare_cached(
        "WITH ranked AS (
            SELECT li.article_id, li.sort_time,
                   row_number() OVER (ORDER BY li.sort_time DESC, li.article_id DESC) AS rank
            FROM list_items li
            WHERE li.list_id = (SELECT id FROM lists WHERE scope = 'feed:' || ?1))
         SELECT article_id FROM ranked
         WHERE rank > (SELECT body_items FROM feeds WHERE id = ?1)
         AND ((?2 IS NOT NULL AND rank > ?2) OR (?3 IS NOT NULL AND sort_time < ?3))",
    )?;
    let rows = stmt.query_map(params![feed, policy.max_articles, cutoff], |r| r.get(0))?;
    rows.collect()
}

fn stored(conn: &Connection, feed: i64) -> rusqlite::Result<Retention> {
    conn.prepare_cached("SELECT keep_days, max_articles FROM feeds WHERE id = ?1")?
        .query_row([feed], |r| {
            Ok(Retention {
                keep_days: r.get(0)?,
                max_articles: r.get(1)?,
            })
        })
}
