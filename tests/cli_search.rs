//! End-to-end tests of `chmon search` over the fixture archive (a local feed file, no
//! network): the same output shapes as `list`, `--limit`, `--json`, Ukrainian word forms,
//! `--unread` / `--starred` (marks set through `Store` as the reader sets them), and a query
//! with no words refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::Output;

use common::ok;

const ARCHIVE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/search/archive.xml"
);

fn chmon(data: &Path, args: &[&str]) -> Output {
    common::chmon(data, &[&["--feed", ARCHIVE], args].concat())
}

fn refreshed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(&chmon(dir.path(), &["refresh"]));
    dir
}

#[test]
fn search_prints_what_list_prints_for_the_articles_found() {
    let dir = refreshed();
    let found = ok(&chmon(dir.path(), &["search", "уряд -рада"]));
    let list = ok(&chmon(dir.path(), &["list"]));
    let lines: Vec<&str> = found.lines().collect();
    assert_eq!(
        lines,
        vec![
            "2025-12-04 12:00  Урядник XIX століття: архівна знахідка в музеї",
            "2025-12-03 11:00  Голова ОВА: допомога від урядів країн-партнерів надходить",
            "2025-12-02 10:00  Урядові делегації зустрілися в Чернігові",
            "2025-12-01 09:00  Уряд ухвалив нову програму для громад Чернігівщини",
        ]
    );
    for line in &lines {
        assert!(list.lines().any(|l| l == *line), "{line} as list prints it");
    }
    let two = ok(&chmon(dir.path(), &["search", "Чернігові", "--limit", "2"]));
    assert_eq!(two.lines().count(), 2);
    assert!(two.starts_with("2025-12-19 17:00  Вакцинація від COVID у Чернігові"));
}

#[test]
fn search_json_has_the_fields_of_list_json() {
    let dir = refreshed();
    let found: serde_json::Value =
        serde_json::from_str(&ok(&chmon(dir.path(), &["search", "п'ятниця", "--json"]))).unwrap();
    let listed: serde_json::Value =
        serde_json::from_str(&ok(&chmon(dir.path(), &["list", "--json", "--limit", "1"]))).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v[0].as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(keys(&found), keys(&listed));
    let titles: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("за п’ятницю")));
    assert!(titles.iter().any(|t| t.contains("героїв")), "ʼ in the body");
}

#[test]
fn a_query_with_no_words_is_refused_and_nothing_found_is_empty() {
    let dir = refreshed();
    let out = chmon(dir.path(), &["search", " «» - "]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no words"), "{err}");
    assert_eq!(ok(&chmon(dir.path(), &["search", "вишиванка"])), "");
    assert_eq!(
        ok(&chmon(dir.path(), &["search", "вишиванка", "--json"])).trim(),
        "[]"
    );
}

#[test]
fn unread_and_starred_keep_to_those_articles_found() {
    let dir = refreshed();
    let all = ok(&chmon(dir.path(), &["search", "уряд"]));
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 5, "{all}");
    {
        // Marks as the reader makes them, on the articles in the order `search` printed them.
        use chmon::model::{ListQuery, Scope, Search};
        let mut store = chmon::store::Store::open(&dir.path().join("cache.sqlite3")).unwrap();
        let feed = store.feed(ARCHIVE).unwrap().id;
        let query = ListQuery {
            search: Some(Search {
                text: "уряд".into(),
                relevance: false,
                prefix: false,
            }),
            ..ListQuery::new(Scope::Feed(feed))
        };
        let rows = store.headlines(&query, 0, 10).unwrap();
        store
            .set_read_many(&[rows[1].id, rows[3].id], true)
            .unwrap();
        store.set_starred(rows[1].id, true).unwrap();
        store.set_starred(rows[4].id, true).unwrap();
    }
    let pick = |at: &[usize]| -> String { at.iter().map(|&i| format!("{}\n", lines[i])).collect() };
    let unread = ok(&chmon(dir.path(), &["search", "уряд", "--unread"]));
    assert_eq!(unread, pick(&[0, 2, 4]));
    let starred = ok(&chmon(dir.path(), &["search", "уряд", "--starred"]));
    assert_eq!(starred, pick(&[1, 4]));
    let both = ok(&chmon(
        dir.path(),
        &["search", "уряд", "--starred", "--unread"],
    ));
    assert_eq!(both, pick(&[4]));
    let one = ok(&chmon(
        dir.path(),
        &["search", "уряд", "--unread", "--limit", "1"],
    ));
    assert_eq!(one, pick(&[0]));
    let json: serde_json::Value = serde_json::from_str(&ok(&chmon(
        dir.path(),
        &["search", "уряд", "--unread", "--json"],
    )))
    .unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|i| i["read"] == false), "{json}");
}
