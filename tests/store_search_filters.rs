//! A search keeps the list's filters, through the public `Store` API over the fixture archive
//! (tests/fixtures/search): only the unread results with unread-only, only the starred
//! articles in the starred view (of the whole cache, as that view is), both at once, in
//! either order; the counts, positions, next unread and mark-all of a search are of its
//! results only. (The words and forms themselves: store_search.rs.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::config::Retention;
use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::{Headline, ListQuery, Scope, Search};
use chmon::store::{Listed, Store};
use chrono::{TimeZone, Utc};

/// The archive in one feed, fully indexed.
fn store() -> (Store, i64) {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/search/archive.xml"
    ))
    .unwrap();
    let Parsed::Feed(feed) = parse_body(&bytes, None, "http://monitor.cn.ua/news.xml").unwrap()
    else {
        panic!("not a feed")
    };
    let mut store = Store::open_in_memory().unwrap();
    let listed = Listed {
        source: "archive".into(),
        name: None,
        section: Some("Агенція".into()),
        retention: Retention::default(),
    };
    let id = store.sync_list(&[listed]).unwrap()[0];
    let now = Utc.with_ymd_and_hms(2025, 12, 31, 0, 0, 0).unwrap();
    store.upsert_items(id, &feed.items, now).unwrap();
    while store.index_pending(7).unwrap() > 0 {}
    (store, id)
}

fn query(text: &str, unread_only: bool, starred: bool) -> ListQuery {
    ListQuery {
        scope: Scope::All,
        unread_only,
        starred,
        search: Some(Search {
            text: text.into(),
            relevance: false,
            prefix: false,
        }),
    }
}

fn rows(store: &Store, q: &ListQuery) -> Vec<Headline> {
    store.headlines(q, 0, 100).unwrap()
}

fn titles(store: &Store, q: &ListQuery) -> Vec<String> {
    rows(store, q).into_iter().map(|h| h.title).collect()
}

fn starts(titles: &[String], parts: &[&str]) -> bool {
    titles.len() == parts.len() && titles.iter().zip(parts).all(|(t, p)| t.starts_with(p))
}

/// «уряд», newest first: «Уряд і рада», Урядник, Голова ОВА, Урядові, Уряд ухвалив.
#[test]
fn unread_only_shows_only_the_unread_results() {
    let (store, _) = store();
    let all = rows(&store, &query("уряд", false, false));
    assert_eq!(all.len(), 5, "{all:?}");
    store.set_read(all[1].id, true).unwrap();
    store.set_read(all[3].id, true).unwrap();
    // Something read that is not a result changes nothing here.
    let other = rows(&store, &query("погода", false, false));
    store.set_read(other[0].id, true).unwrap();

    let q = query("уряд", true, false);
    let unread = titles(&store, &q);
    assert!(
        starts(&unread, &["Уряд і рада", "Голова ОВА", "Уряд ухвалив"]),
        "{unread:?}"
    );
    let counts = store.counts(&q).unwrap();
    assert_eq!((counts.total, counts.unread), (3, 3));
    assert_eq!(store.position_of(&q, all[2].id).unwrap(), Some(1));
    assert_eq!(store.position_of(&q, all[1].id).unwrap(), None, "read");
    let window = store.headlines(&q, 1, 5).unwrap();
    assert_eq!(window.len(), 2);
    assert_eq!(window[0].id, all[2].id);
    // Best first: the same three.
    let mut best = q.clone();
    best.search.as_mut().unwrap().relevance = true;
    let mut by_rank = titles(&store, &best);
    by_rank.sort();
    let mut newest = unread.clone();
    newest.sort();
    assert_eq!(by_rank, newest);
    // Only `-words`: the unread articles without the word.
    let without = titles(&store, &query("-уряд -урядовці", true, false));
    let all_unread = store
        .counts(&ListQuery {
            unread_only: true,
            ..ListQuery::new(Scope::All)
        })
        .unwrap()
        .total;
    assert_eq!(without.len(), all_unread - 3 - 1, "{without:?}");
    assert!(!without.iter().any(|t| t.contains("Прогноз")), "read");
}

#[test]
fn the_starred_view_searches_only_the_starred() {
    let (store, feed) = store();
    let all = rows(&store, &query("уряд", false, false));
    store.set_starred(all[0].id, true).unwrap();
    store.set_starred(all[4].id, true).unwrap();
    let weather = rows(&store, &query("погода", false, false))[0].id;
    store.set_starred(weather, true).unwrap();

    let q = query("уряд", false, true);
    let found = titles(&store, &q);
    assert!(
        starts(&found, &["Уряд і рада", "Уряд ухвалив"]),
        "{found:?}"
    );
    assert!(
        rows(&store, &q)
            .iter()
            .all(|h| h.starred && h.feed_id == feed)
    );
    let counts = store.counts(&q).unwrap();
    assert_eq!((counts.total, counts.unread), (2, 2));
    assert_eq!(store.position_of(&q, all[4].id).unwrap(), Some(1));
    assert_eq!(store.position_of(&q, all[1].id).unwrap(), None);
    // The starred view is over the whole cache: a scope that has none of them changes nothing.
    let scoped = ListQuery {
        scope: Scope::Section("Немає".into()),
        ..q.clone()
    };
    assert_eq!(titles(&store, &scoped), found);
    // Best first, and with unread-only.
    let mut best = q.clone();
    best.search.as_mut().unwrap().relevance = true;
    assert_eq!(titles(&store, &best).len(), 2);
    store.set_read(all[0].id, true).unwrap();
    let unread = query("уряд", true, true);
    assert!(starts(&titles(&store, &unread), &["Уряд ухвалив"]));
    assert_eq!(store.counts(&unread).unwrap().total, 1);
    assert_eq!(store.counts(&q).unwrap().unread, 1);
    // Nothing starred matches: nothing.
    assert!(titles(&store, &query("театр", false, true)).is_empty());
    // Without a search: the starred view as before (all three).
    let starred = ListQuery {
        starred: true,
        ..ListQuery::new(Scope::All)
    };
    assert_eq!(store.counts(&starred).unwrap().total, 3);
}

#[test]
fn a_scope_with_a_search_has_only_its_own_results() {
    let (store, feed) = store();
    for scope in [Scope::Feed(feed), Scope::Section("Агенція".into())] {
        let q = ListQuery {
            scope: scope.clone(),
            ..query("уряд", false, false)
        };
        assert_eq!(titles(&store, &q).len(), 5, "{scope:?}");
    }
    let elsewhere = ListQuery {
        scope: Scope::Section("Немає".into()),
        ..query("уряд", false, false)
    };
    assert!(titles(&store, &elsewhere).is_empty());
    assert_eq!(store.counts(&elsewhere).unwrap().total, 0);
}

#[test]
fn next_unread_and_mark_all_of_a_search_are_of_its_results() {
    let (mut store, _) = store();
    let q = query("уряд", false, false);
    let all = rows(&store, &q);
    store.set_read(all[1].id, true).unwrap();
    // From the first result: the next unread result (not «Урядовці», an unread non-result
    // between them in time).
    assert_eq!(
        store.next_unread(&q, all[0].id, true).unwrap(),
        Some((all[2].id, 2))
    );
    assert_eq!(
        store.next_unread(&q, all[2].id, false).unwrap(),
        Some((all[0].id, 0))
    );
    assert_eq!(store.next_unread(&q, all[4].id, true).unwrap(), None);
    // With unread-only the positions are of the unread results.
    let unread = query("уряд", true, false);
    assert_eq!(
        store.next_unread(&unread, all[0].id, true).unwrap(),
        Some((all[2].id, 1))
    );

    let total_unread = |store: &Store| store.counts(&ListQuery::new(Scope::All)).unwrap().unread;
    let before = total_unread(&store);
    let mut marked = store.mark_all_read(&q).unwrap();
    marked.sort_unstable();
    let mut expected = vec![all[0].id, all[2].id, all[3].id, all[4].id];
    expected.sort_unstable();
    assert_eq!(marked, expected, "only the unread results");
    assert_eq!(total_unread(&store), before - 4);
    assert_eq!(store.counts(&q).unwrap().unread, 0);
    // In the starred view: only the starred results.
    store.set_read_many(&marked, false).unwrap();
    store.set_starred(all[3].id, true).unwrap();
    let marked = store.mark_all_read(&query("уряд", false, true)).unwrap();
    assert_eq!(marked, vec![all[3].id]);
    assert_eq!(total_unread(&store), before - 1);
}
