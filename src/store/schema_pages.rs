//! Schema migration for full-text pages (issue 11): `pages` holds the story extracted from an
//! article's web page (zstd blob via `codec`), with the validators of its fetch; a trigger
//! removes a page with its article (retention, feed removal). SQL only; must not open files.

/// Adds the `pages` table and its delete trigger.
pub(super) const SQL: &str = "
    CREATE TABLE pages (
        article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        url           TEXT,
        fetched       INTEGER NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        title         TEXT,
        published     INTEGER,
        author        TEXT,
        body          BLOB
    );
    CREATE TRIGGER pages_follow_article AFTER DELETE ON articles BEGIN
        DELETE FROM pages WHERE article_id = OLD.id;
    END;";
