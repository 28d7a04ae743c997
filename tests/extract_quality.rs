//! Extraction quality over the corpus in tests/fixtures/extract: word-level F1 of the extracted
//! story against each page's gold text (and, for comparison, of the whole page shown as it is),
//! headlines, dates, authors, and strings that must never come through. Prints a table; run
//! with `cargo test --test extract_quality -- --nocapture` to see it.
//!
//! Tokens: the text lowercased, split at every character that is not alphanumeric, counted as a
//! multiset. Precision = shared tokens / extracted tokens, recall = shared / gold, F1 their
//! harmonic mean. The text is what the reader shows (rendered by `ArticleText`), without the
//! `[n]` link marks, the image markers and the link list.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use std::collections::HashMap;
use std::path::Path;

use chmon::article::{ArticleText, Labels};
use chmon::extract::{Options, Page, decode, extract, extract_with};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Corpus {
    page: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    name: String,
    url: String,
    content_type: String,
    title: String,
    published: String,
    author: String,
    must_not: Vec<String>,
}

fn dir() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extract"
    ))
}

fn corpus() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("corpus.toml")).expect("corpus.toml");
    toml::from_str::<Corpus>(&text).expect("manifest").page
}

/// What the reader shows of `article`, without link marks, image markers or the link list.
fn shown(article: &ArticleText) -> String {
    let rendered = article.render(100_000, &Labels::ENGLISH);
    let end = rendered
        .lines
        .iter()
        .position(|l| l == "Links:")
        .unwrap_or(rendered.lines.len());
    strip_marks(&rendered.lines[..end].join("\n"))
}

/// Drops `[12]` and `[image…]` marks.
fn strip_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let close = tail.find(']');
        let inner = close.map(|c| &tail[1..c]);
        match inner {
            Some(i)
                if i.starts_with("image")
                    || (!i.is_empty() && i.bytes().all(|b| b.is_ascii_digit())) =>
            {
                rest = &tail[i.len() + 2..];
            }
            _ => {
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for word in text.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            *bag.entry(word.to_string()).or_insert(0) += 1;
        }
    }
    bag
}

/// (precision, recall, F1) of `got` against `gold`.
fn score(got: &str, gold: &str) -> (f64, f64, f64) {
    let (got, gold) = (tokens(got), tokens(gold));
    let shared: usize = got
        .iter()
        .map(|(w, n)| (*n).min(gold.get(w).copied().unwrap_or(0)))
        .sum();
    let total = |b: &HashMap<String, usize>| b.values().sum::<usize>().max(1) as f64;
    let (p, r) = (shared as f64 / total(&got), shared as f64 / total(&gold));
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

struct Row {
    name: String,
    p: f64,
    r: f64,
    f1: f64,
    whole: f64,
    method: String,
}

#[test]
fn corpus_quality() {
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for entry in corpus() {
        let bytes =
            std::fs::read(dir().join("pages").join(format!("{}.html", entry.name))).expect("page");
        let gold = std::fs::read_to_string(dir().join("gold").join(format!("{}.txt", entry.name)))
            .expect("gold");
        let page = Page {
            bytes: &bytes,
            content_type: Some(&entry.content_type),
            url: Some(&entry.url),
        };
        let (whole_html, _) = decode(&page);
        let whole = score(
            &shown(&ArticleText::new(None, Some(&whole_html), Some(&entry.url))),
            &gold,
        )
        .2;
        let e = match extract(&page) {
            Ok(e) => e,
            Err(err) => {
                failures.push(format!("{}: {err}", entry.name));
                rows.push(Row {
                    name: entry.name,
                    p: 0.0,
                    r: 0.0,
                    f1: 0.0,
                    whole,
                    method: "-".into(),
                });
                continue;
            }
        };
        let text = shown(&e.article_text());
        let (p, r, f1) = score(&text, &gold);
        let general = Options {
            site_rules: false,
            ..Options::default()
        };
        if let (chmon::extract::Method::Site(_), Ok(g)) = (e.method, extract_with(&page, &general))
        {
            let (gp, gr, gf) = score(&shown(&g.article_text()), &gold);
            println!(
                "{}: general rule alone: F1 {gf:.3} (precision {gp:.3}, recall {gr:.3})",
                entry.name
            );
        }
        check_meta(&entry, &e, &text, &mut failures);
        rows.push(Row {
            name: entry.name,
            p,
            r,
            f1,
            whole,
            method: format!("{:?}", e.method),
        });
    }
    print_table(&rows);
    let mean = rows.iter().map(|r| r.f1).sum::<f64>() / rows.len() as f64;
    let min = rows.iter().map(|r| r.f1).fold(1.0, f64::min);
    assert!(rows.len() >= 20, "only {} pages", rows.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(mean >= 0.95, "mean F1 {mean:.3}");
    assert!(min >= 0.80, "min F1 {min:.3}");
}

fn check_meta(
    entry: &Entry,
    e: &chmon::extract::Extracted,
    text: &str,
    failures: &mut Vec<String>,
) {
    let name = &entry.name;
    if e.title.as_deref() != Some(entry.title.as_str()) {
        failures.push(format!(
            "{name}: title {:?}, want {:?}",
            e.title, entry.title
        ));
    }
    let published = e
        .published
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    if !entry.published.is_empty() && published.as_deref() != Some(entry.published.as_str()) {
        failures.push(format!(
            "{name}: published {published:?}, want {:?}",
            entry.published
        ));
    }
    if !entry.author.is_empty() && e.author.as_deref() != Some(entry.author.as_str()) {
        failures.push(format!(
            "{name}: author {:?}, want {:?}",
            e.author, entry.author
        ));
    }
    for bad in &entry.must_not {
        if text.contains(bad.as_str()) {
            failures.push(format!("{name}: shows {bad:?}"));
        }
    }
}

fn print_table(rows: &[Row]) {
    println!("\n| page | F1 | precision | recall | whole page F1 | rule |");
    println!("|---|---:|---:|---:|---:|---|");
    for r in rows {
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {} |",
            r.name, r.f1, r.p, r.r, r.whole, r.method
        );
    }
    let n = rows.len() as f64;
    let mean = |f: fn(&Row) -> f64| rows.iter().map(f).sum::<f64>() / n;
    let min = |f: fn(&Row) -> f64| rows.iter().map(f).fold(1.0, f64::min);
    println!(
        "| **mean** ({} pages) | {:.3} | {:.3} | {:.3} | {:.3} | |",
        rows.len(),
        mean(|r| r.f1),
        mean(|r| r.p),
        mean(|r| r.r),
        mean(|r| r.whole)
    );
    println!(
        "| **min** | {:.3} | | | {:.3} | |",
        min(|r| r.f1),
        min(|r| r.whole)
    );
}

#[test]
fn f1_definition() {
    assert_eq!(score("A b, b!", "a b b").2, 1.0);
    let (p, r, _) = score("a b c d", "a b");
    assert_eq!((p, r), (0.5, 1.0));
    assert_eq!(strip_marks("x[1] [image: a b][2] [note] y"), "x  [note] y");
    assert_eq!(tokens("П’ятниця 2024").len(), 3);
}
