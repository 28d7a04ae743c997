//! Unit tests of folding, stemming, the query language and HTML stripping, on Ukrainian words.

use super::markup::plain;
use super::*;

fn t(word: &str) -> String {
    term(word).unwrap()
}

/// True when a query for `q` finds a text that is only `word`.
fn finds(q: &str, word: &str) -> bool {
    !hits(word, &Query::parse(q, false)).is_empty()
}

#[test]
fn inflected_forms_share_a_term() {
    for form in ["урядом", "урядові", "урядів", "уряду", "Уряд"] {
        assert!(finds("уряд", form), "уряд → {form}");
    }
    for form in ["Чернігові", "Чернігова", "Чернігову", "ЧЕРНІГІВ"]
    {
        assert!(finds("Чернігів", form), "Чернігів → {form}");
    }
    for form in ["новини", "новин", "новиною", "новинах"] {
        assert!(finds("новина", form), "новина → {form}");
    }
    assert!(finds("новини", "новина"), "and the other way round");
}

/// Words that look close but are other words: the stemmer keeps them apart.
#[test]
fn near_misses_do_not_match() {
    let misses = [
        ("уряд", "урядовці"),          // officials, not the government
        ("Чернігів", "чернігівський"), // the adjective
        ("Чернігів", "Чернігівщина"),  // the region
        ("новина", "новий"),           // new
        ("новина", "нові"),
        ("рада", "радість"), // joy
        ("суд", "суддя"),    // a judge
        ("мер", "море"),     // the sea
        ("мер", "мерія"),    // the city hall is its own word
    ];
    for (q, word) in misses {
        assert!(!finds(q, word), "{q} must not find {word}");
    }
}

/// What the stemmer does that a user may not expect, written down so a change shows.
#[test]
fn stemmer_quirks_are_known() {
    // A professional suffix is stripped: «урядник» (a constable) shares the stem of «уряд».
    assert_eq!(t("урядник"), t("уряд"));
    // «агенцію» loses one letter more than «агенція»: a prefix query still finds both.
    assert_ne!(t("агенцію"), t("агенція"));
    assert!(t("агенція").starts_with(&t("агенцію")));
}

#[test]
fn apostrophes_are_one() {
    let forms = ["п’ятниця", "п'ятниця", "п`ятниця", "пʼятниця", "П’ЯТНИЦЯ"];
    for form in forms {
        assert_eq!(t(form), t("пʼятниця"), "{form}");
    }
    assert!(t("п'ятниця").contains(APOSTROPHE));
    // An apostrophe that does not sit between letters is a separator.
    let w: Vec<String> = words("'уряд' рада'").into_iter().map(|w| w.term).collect();
    assert_eq!(w, vec![t("уряд"), t("рада")]);
}

#[test]
fn invisible_characters_vanish_without_splitting() {
    assert_eq!(t("уря\u{ad}дом"), t("урядом"));
    assert_eq!(t("Чер\u{200b}нігові"), t("Чернігові"));
    assert_eq!(t("\u{feff}новини\u{2060}"), t("новини"));
    assert_eq!(words("но\u{200d}вини").len(), 1);
}

#[test]
fn latin_look_alikes_in_cyrillic_words_are_folded() {
    // «Агенцiя» with a Latin i, as the agency spells its default author.
    assert_eq!(t("Агенцiя"), t("Агенція"));
    // Latin a e o p c x y k m h t b in Cyrillic words, capitals too.
    assert_eq!(t("Kиїв"), t("Київ"));
    assert_eq!(t("MEPIЯ"), t("мерія"));
    assert_eq!(t("тpaнcпopт"), t("транспорт"));
    assert_eq!(t("Hoвини"), t("новини"));
    assert_eq!(t("ВЕТЕРАНИ"), t("BETEPAHИ"));
    // A Latin word stays Latin.
    assert_eq!(t("Agencia"), "agencia");
    assert_eq!(t("COVID"), "covid");
}

#[test]
fn quotes_and_stress_marks() {
    let w: Vec<String> = words("«Уряд» “новини” „Чернігів“")
        .into_iter()
        .map(|w| w.term)
        .collect();
    assert_eq!(w, vec![t("уряд"), t("новини"), t("Чернігів")]);
    assert_eq!(t("новина\u{301}"), t("новина"), "a stress mark goes");
    assert_eq!(t("краи\u{306}"), t("край"), "й in two characters");
    assert_eq!(t("Киі\u{308}в"), t("Київ"), "ї in two characters");
}

#[test]
fn spans_point_into_the_original() {
    let text = "Уряд «Чернігова» п’ятниця";
    let spans: Vec<&str> = words(text).iter().map(|w| &text[w.span.clone()]).collect();
    assert_eq!(spans, vec!["Уряд", "Чернігова", "п’ятниця"]);
    let q = Query::parse("чернігів", false);
    assert_eq!(
        hits(text, &q)
            .into_iter()
            .map(|r| &text[r])
            .collect::<Vec<_>>(),
        vec!["Чернігова"]
    );
}

#[test]
fn query_words_are_anded_and_quoted_for_fts5() {
    let q = Query::parse("уряд Чернігів", false);
    assert_eq!(
        q.expression().unwrap(),
        format!("\"{}\" AND \"{}\"", t("уряд"), t("Чернігів"))
    );
    assert!(q.not.is_empty());
}

#[test]
fn phrases_exclusions_and_the_live_prefix() {
    let q = Query::parse("\"обласна рада\" -суд урядо", true);
    assert_eq!(
        q.must,
        vec![
            Clause::Phrase(vec![t("обласна"), t("рада")]),
            Clause::Term {
                term: "урядо".into(),
                prefix: true
            },
        ]
    );
    assert_eq!(
        q.not,
        vec![Clause::Term {
            term: t("суд"),
            prefix: false
        }]
    );
    let e = q.expression().unwrap();
    assert!(e.ends_with(&format!("NOT (\"{}\")", t("суд"))), "{e}");
    // The word being typed: folded, not stemmed; any term that starts with it, or that it
    // starts with less a few letters (the stem of the word it will be).
    assert!(
        e.contains("(\"урядо\"* OR \"ур\" OR \"уря\" OR \"уряд\")"),
        "{e}"
    );
    let typing = Query::parse("Чернігов", true);
    assert!(
        typing.wants(&t("Чернігові")),
        "typing on the way to Чернігові"
    );
    assert!(
        !typing.wants(&t("Чернігівщини")),
        "«чернігов» is not how it starts"
    );
    assert!(Query::parse("Черніг", true).wants(&t("Чернігівщини")));
    assert!(!typing.wants(&t("уряд")));
    // A space after the last word: it is whole. Not live: no prefix either.
    assert!(matches!(
        Query::parse("урядо ", true).must[0],
        Clause::Term { prefix: false, .. }
    ));
    assert!(matches!(
        Query::parse("урядо", false).must[0],
        Clause::Term { prefix: false, .. }
    ));
    // One letter is no prefix yet (it would ask for nearly every word).
    assert!(matches!(
        Query::parse("у", true).must[0],
        Clause::Term { prefix: false, .. }
    ));
    // The last word inside quotes or excluded is never a prefix.
    assert!(matches!(
        Query::parse("уряд -рад", true).must[0],
        Clause::Term { prefix: false, .. }
    ));
}

#[test]
fn fts5_syntax_typed_by_the_user_is_just_words() {
    let q = Query::parse("уряд OR NEAR(рада) * ^ : ( )", false);
    let e = q.expression().unwrap();
    assert!(!e.contains('('), "{e}");
    assert!(!e.contains('*'), "{e}");
    for part in e.split(" AND ") {
        assert!(part.starts_with('"') && part.ends_with('"'), "{part}");
    }
    assert!(Query::parse("  «» — - ", true).is_empty());
    assert!(Query::parse("-уряд", false).expression().is_none());
    assert!(Query::parse("-уряд", false).not_expression().is_some());
    // An unclosed quote runs to the end.
    assert_eq!(
        Query::parse("\"обласна рада", true).must,
        vec![Clause::Phrase(vec![t("обласна"), t("рада")])]
    );
}

#[test]
fn index_terms_are_space_separated_stems() {
    let mut out = String::new();
    index_terms("Уряд ухвалив. Новини з Чернігова!", &mut out);
    assert_eq!(
        out,
        [t("Уряд"), t("ухвалив"), t("Новини"), t("з"), t("Чернігова")].join(" ")
    );
}

#[test]
fn markup_is_stripped_for_the_index() {
    let html = "<p>Уряд&nbsp;ухвалив</p><script>var урядом=1;</script><b>нове</b> a &lt; b<STYLE>x{}</style>кінець";
    let text = plain(html);
    assert!(text.contains("Уряд\u{a0}ухвалив"), "{text}");
    assert!(!text.contains("урядом"), "{text}");
    assert!(text.contains(" нове "), "{text}");
    assert!(text.contains("a < b"), "{text}");
    assert!(text.ends_with("кінець"), "{text}");
    assert_eq!(plain("1 < 2 & 3"), "1 < 2 & 3");
}
