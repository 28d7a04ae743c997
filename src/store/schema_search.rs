//! The search index's schema (one migration, appended after v3): `search`, a contentless FTS5
//! table whose rowid is `articles.id`, holding each article's title and its lead + body as
//! folded, stemmed terms (see `crate::search`), and `search_dirty`, the articles still to be
//! (re)indexed: filled by triggers on insert and on a change of title, lead or body, emptied
//! by `store::search::index_pending`. A delete takes the article out of both. An upgraded cache
//! starts with every article dirty: it is indexed in the background. Must not open files.
//! The second migration ([`MARK_SQL`]) spares the refresh one write per new article: articles
//! above the `search_mark` watermark are pending without a row in `search_dirty`; only an id
//! at or below it (a changed article, or a reused id) is marked.

/// The migration's SQL (its version number is its place in `schema::MIGRATIONS`).
pub(super) const SQL: &str = "
    CREATE VIRTUAL TABLE search USING fts5(
        title, body,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
    );
    INSERT INTO search (search, rank) VALUES ('rank', 'bm25(3.0, 1.0)');
    CREATE TABLE search_dirty (article_id INTEGER PRIMARY KEY);
    INSERT INTO search_dirty (article_id) SELECT id FROM articles;
    CREATE TRIGGER search_article_insert AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO search_dirty (article_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER search_article_update AFTER UPDATE OF title, lead, body ON articles BEGIN
        INSERT OR IGNORE INTO search_dirty (article_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER search_article_delete AFTER DELETE ON articles BEGIN
        DELETE FROM search WHERE rowid = OLD.id;
        DELETE FROM search_dirty WHERE article_id = OLD.id;
    END;
";

/// The watermark migration (after [`SQL`]): `search_mark.through` is the highest article id the
/// indexer has passed; every article above it is pending. What exists when it runs is already
/// in `search_dirty` or indexed, so the mark starts at the highest id.
pub(super) const MARK_SQL: &str = "
    CREATE TABLE search_mark (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        through INTEGER NOT NULL
    );
    INSERT INTO search_mark (id, through) SELECT 1, coalesce(max(id), 0) FROM articles;
    DROP TRIGGER search_article_insert;
    CREATE TRIGGER search_article_insert AFTER INSERT ON articles
    WHEN NEW.id <= (SELECT through FROM search_mark WHERE id = 1) BEGIN
        INSERT OR IGNORE INTO search_dirty (article_id) VALUES (NEW.id);
    END;
";
