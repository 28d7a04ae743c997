//! `chmon list --starred`: the starred articles of the cache, newest first, in the same shape
//! as `list` (text lines or `--json`), with `--limit`. The stars are set as the reader sets
//! them (through `Store`). Local feed file; no network.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::Output;

use common::ok;

use chmon::model::{ListQuery, Scope};
use chmon::store::Store;

fn chmon(data: &Path, feed: &Path, args: &[&str]) -> Output {
    let feed = feed.to_str().unwrap();
    common::chmon(data, &[&["--feed", feed], args].concat())
}

#[test]
fn list_starred_lists_only_the_starred_in_the_shape_of_list() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/tui/agency-1251.xml"
        ),
        &feed,
    )
    .unwrap();
    ok(&chmon(dir.path(), &feed, &["refresh"]));
    let all = ok(&chmon(dir.path(), &feed, &["list"]));
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 4, "{all}");
    assert_eq!(ok(&chmon(dir.path(), &feed, &["list", "--starred"])), "");
    {
        let mut store = Store::open(&dir.path().join("cache.sqlite3")).unwrap();
        let id = store.feed(feed.to_str().unwrap()).unwrap().id;
        let rows = store
            .headlines(&ListQuery::new(Scope::Feed(id)), 0, 10)
            .unwrap();
        assert_eq!(rows.len(), 4);
        store.set_starred(rows[1].id, true).unwrap();
        store.set_starred(rows[3].id, true).unwrap();
    }
    let starred = ok(&chmon(dir.path(), &feed, &["list", "--starred"]));
    assert_eq!(starred, format!("{}\n{}\n", lines[1], lines[3]));
    let one = ok(&chmon(
        dir.path(),
        &feed,
        &["list", "--starred", "--limit", "1"],
    ));
    assert_eq!(one, format!("{}\n", lines[1]));
    let json: serde_json::Value = serde_json::from_str(&ok(&chmon(
        dir.path(),
        &feed,
        &["list", "--starred", "--json"],
    )))
    .unwrap();
    let all_json: serde_json::Value =
        serde_json::from_str(&ok(&chmon(dir.path(), &feed, &["list", "--json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[0], all_json[1], "the same object as list gives");
    assert_eq!(json[1], all_json[3]);
}
