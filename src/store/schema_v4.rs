//! Schema v4 (unread, stars): a partial index of each list's unread items in time order (the
//! unread-only list, next unread, mark all read) and one of the starred articles in time order
//! (the starred view), so neither walks the archive. SQL only; must not open files.

/// v3 → v4 (its number may change when branches merge: the list in `schema` decides).
pub(super) const SQL: &str = "
    CREATE INDEX list_items_unread ON list_items (list_id, sort_time, article_id)
        WHERE read = 0;
    CREATE INDEX articles_starred ON articles (sort_time, id) WHERE starred = 1;
";
