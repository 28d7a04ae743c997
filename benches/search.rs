//! Search costs, printed as a table (not divan: each row is one build of a cache): for 50 and
//! 50,000 generated agency items (benches/support), storing them (the refresh's write, no
//! indexing), then indexing them all (what the reader does after a refresh, in the background),
//! the cache size before and after, and the latency of one key press in the search line (the
//! cache worker's answer: the counts and a window of 60 rows, last word a prefix) for typical
//! queries, over the whole list, with unread-only (every other article read) and in the
//! starred view (one in 50 starred). Owns only the benchmark; must not change the library.
//!
//! Run: `cargo bench --bench search` (release). `SEARCH_BENCH_SIZES=50,10000` to choose sizes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod support;

use std::time::{Duration, Instant};

use chmon::config::Retention;
use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::{Item, ListQuery, Scope, Search};
use chmon::store::{Listed, Store};

/// What a user types, key by key, and a few finished queries.
const QUERIES: &[&str] = &[
    "у",
    "мі",
    "міст",
    "Чернігові",
    "бюджет громади",
    "\"кримінальне провадження\"",
    "тролейбус -Чернігові",
    "шахраїв гуманітарку",
    "вишиванка",
];
const RUNS: usize = 7;

fn items(count: usize) -> Vec<Item> {
    let bytes = support::to_cp1251(&support::feed(count, 1251));
    match parse_body(&bytes, None, "http://127.0.0.1/news.xml").unwrap() {
        Parsed::Feed(feed) => feed.items,
        Parsed::Page { .. } => panic!("not a feed"),
    }
}

fn size(path: &std::path::Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len())
        .sum()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo test --all-targets` runs this too (without `--bench`): then only the small size.
    let benching = std::env::args().any(|a| a == "--bench");
    let default = if benching { "50,50000" } else { "50" };
    let sizes: Vec<usize> = std::env::var("SEARCH_BENCH_SIZES")
        .unwrap_or_else(|_| default.into())
        .split(',')
        .map(|s| s.trim().parse().unwrap())
        .collect();
    for count in sizes {
        bench(count);
    }
}

fn bench(count: usize) {
    let items = items(count);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite3");
    let listed = Listed {
        source: "bench".into(),
        name: None,
        section: None,
        retention: Retention::default(),
    };
    let now = chrono::Utc::now();
    let stored = {
        let mut store = Store::open(&path).unwrap();
        let id = store.sync_list(&[listed]).unwrap()[0];
        let start = Instant::now();
        let mut upsert = store.begin_upsert(id, now).unwrap();
        for chunk in items.chunks(500) {
            upsert.add(chunk).unwrap();
        }
        upsert.commit().unwrap();
        start.elapsed()
    };
    let before = size(&path);
    let mut store = Store::open(&path).unwrap();
    let start = Instant::now();
    while store.index_pending(2000).unwrap() > 0 {}
    let indexed = start.elapsed();
    drop(store);
    let after = size(&path);
    println!("## {count} items");
    println!(
        "store (the refresh's write): {:.0} ms; index all: {:.0} ms ({:.2}x the store)",
        ms(stored),
        ms(indexed),
        indexed.as_secs_f64() / stored.as_secs_f64()
    );
    println!(
        "cache: {:.1} MB without the index, {:.1} MB with it (+{:.0} %)",
        before as f64 / 1e6,
        after as f64 / 1e6,
        (after as f64 / before as f64 - 1.0) * 100.0
    );
    let mut store = Store::open(&path).unwrap();
    mark_some(&mut store);
    println!(
        "| query (live: last word a prefix) | found | median ms | max ms \
         | unread only (½ read) | median | max | starred (1 in 50) | median | max |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for text in QUERIES {
        let all = key_press(&store, text, false, false);
        let unread = key_press(&store, text, true, false);
        let starred = key_press(&store, text, false, true);
        println!("| `{text}` | {all} | {unread} | {starred} |");
    }
    println!();
}

/// Every other article read, one in 50 starred (the filters' rows).
fn mark_some(store: &mut Store) {
    let everything = ListQuery::new(Scope::All);
    let total = store.counts(&everything).unwrap().total;
    let rows = store.headlines(&everything, 0, total).unwrap();
    let read: Vec<i64> = rows.iter().step_by(2).map(|h| h.id).collect();
    store.set_read_many(&read, true).unwrap();
    for h in rows.iter().skip(1).step_by(50) {
        store.set_starred(h.id, true).unwrap();
    }
}

/// One key press of a search over «Усі новини» (with the filters asked): "found | median | max".
fn key_press(store: &Store, text: &str, unread_only: bool, starred: bool) -> String {
    let query = ListQuery {
        scope: Scope::All,
        unread_only,
        starred,
        search: Some(Search {
            text: text.into(),
            relevance: false,
            prefix: true,
        }),
    };
    let mut times = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        found = store.counts(&query).unwrap().total;
        let rows = store.headlines(&query, 0, 60).unwrap();
        std::hint::black_box(rows);
        times.push(start.elapsed());
    }
    let max = *times.iter().max().unwrap();
    format!("{found} | {:.1} | {:.1}", ms(median(times)), ms(max))
}
