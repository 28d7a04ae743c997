//! The site rule for monitor.cn.ua. Its pages were seen as text only, so the rule reads text,
//! not class names: the story is what lies between the date line (`13.11.2013 ␠ 16:33Агенцiя`:
//! Kyiv time, the author glued on) and the sidebar («Останні новини Чернігівщини» with `HH:MM`
//! teasers, «АНОНСИ ПОДІЙ») or the footer. Readability-style scoring pulls that sidebar in on
//! short notes. Picks nodes and reads the date line; writing is the writer's.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::dom::{NodeId, collapse};
use super::prep::Prepared;
use super::signals::{self, Verdict};

use crate::feed::date::kyiv;

/// Texts that open what follows the story (compared lowercased, at the start of a text).
const STOPS: &[&str] = &[
    "останні новини",
    "анонси подій",
    "новини партнерів",
    "коментарі",
    "додати коментар",
    "последние новости",
    "анонсы событий",
];
/// Longest date line (the date, the time and an author's name).
const MAX_DATE_LINE: usize = 70;

/// True for the agency's hosts (with or without `www.`).
pub(super) fn applies(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "monitor.cn.ua" || host.ends_with(".monitor.cn.ua")
}

/// For a page with no address (a saved file): it names the agency in its `<title>`, or links
/// to the agency's site.
pub(super) fn looks_like(p: &Prepared) -> bool {
    p.order.iter().any(|&id| {
        if p.dom.is(id, &["title"]) {
            return p.dom.text(id).contains("Чернігівський монітор");
        }
        let href = p
            .dom
            .is(id, &["a", "link"])
            .then(|| p.dom.attr(id, "href"))
            .flatten();
        href.and_then(|h| url::Url::parse(h.trim()).ok())
            .is_some_and(|u| u.host_str().is_some_and(applies))
    })
}

#[derive(Debug)]
pub(super) struct Story {
    pub roots: Vec<NodeId>,
    pub title: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
}

/// The story of an agency page; `None` when there is no date line (the general rule then).
pub(super) fn read(p: &Prepared) -> Option<Story> {
    let line = find_date_line(p)?;
    let stop = find_stop(p, line.after).unwrap_or(p.order.len());
    let roots = between(p, line.after, stop);
    let text: u32 = roots.iter().map(|&r| p.stats[r].text).sum();
    if text == 0 {
        return None;
    }
    Some(Story {
        roots,
        title: headline_before(p, line.start),
        published: line.published,
        author: line.author,
    })
}

struct DateLine {
    /// Document-order index where the line starts, and the first index after it.
    start: usize,
    after: usize,
    published: Option<DateTime<Utc>>,
    author: Option<String>,
}

/// The first line that starts with `DD.MM.YYYY HH:MM` (outside scripts) after the first
/// `<h1>`, else anywhere. Date, time and author may sit in separate elements of one line.
fn find_date_line(p: &Prepared) -> Option<DateLine> {
    let h1 = p
        .order
        .iter()
        .position(|&id| p.dom.is(id, &["h1"]))
        .unwrap_or(0);
    let after_h1 = (h1..p.order.len()).find_map(|i| date_line_at(p, i));
    after_h1.or_else(|| (0..h1).find_map(|i| date_line_at(p, i)))
}

fn date_line_at(p: &Prepared, i: usize) -> Option<DateLine> {
    let id = p.order[i];
    let text = p.dom.text_of(id)?;
    if !starts_with_date(text) {
        return None;
    }
    let parent = p.dom.parent(id)?;
    if p.dom.is(
        parent,
        &["script", "style", "title", "template", "textarea"],
    ) {
        return None;
    }
    let Some(line) = line_holder(p, parent) else {
        let (published, rest) = parse_date_line(text)?;
        return Some(DateLine {
            start: i,
            after: i + 1,
            published,
            author: author(&rest),
        });
    };
    let (published, rest) = parse_date_line(&collapse(&p.dom.text(line)))?;
    Some(DateLine {
        start: p.pre[line] as usize,
        after: p.last[line] as usize + 1,
        published,
        author: author(&rest),
    })
}

/// `D.M.YYYY` or `DD.MM.YYYY` at the start (after whitespace).
fn starts_with_date(text: &str) -> bool {
    let t = text.trim_start();
    let date: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let parts: Vec<&str> = date.split('.').collect();
    parts.len() == 3 && parts[2].len() == 4 && (1..=2).contains(&parts[0].len())
}

/// The largest element around a date line's text that holds only that line (short, no
/// headings, paragraphs or images); `None` when even the text's parent holds more.
fn line_holder(p: &Prepared, parent: NodeId) -> Option<NodeId> {
    let only_line = |id: NodeId| {
        p.dom.name(id).is_some_and(|n| n != "body")
            && p.stats[id].images == 0
            && collapse(&p.dom.text(id)).chars().count() <= MAX_DATE_LINE
            && !p.dom.descendants(id).into_iter().skip(1).any(|n| {
                p.dom
                    .is(n, &["p", "h1", "h2", "h3", "h4", "img", "li", "table"])
            })
    };
    let mut line = only_line(parent).then_some(parent)?;
    while let Some(up) = p.dom.parent(line).filter(|&up| only_line(up)) {
        line = up;
    }
    Some(line)
}

/// `13.11.2013 \u{a0} 16:33Агенцiя` → the Kyiv time as UTC, and what follows the time.
fn parse_date_line(text: &str) -> Option<(Option<DateTime<Utc>>, String)> {
    let t = text.trim_start();
    let (date, rest) = t.split_once(|c: char| c.is_whitespace())?;
    let mut parts = date.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let rest = rest.trim_start();
    let colon = rest.find(':')?;
    let (hh, after) = (&rest[..colon], &rest[colon + 1..]);
    let mm: String = after.chars().take(2).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hh) || hh.len() > 2 || mm.len() != 2 || !digits(&mm) {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    let time = NaiveTime::from_hms_opt(hh.parse().ok()?, mm.parse().ok()?, 0);
    let published = time.and_then(|t| kyiv(day.and_time(t)));
    Some((published, after[2..].to_string()))
}

/// The name glued to the time, without separators; `None` when there is none.
fn author(rest: &str) -> Option<String> {
    let a = super::meta::line(rest.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ',' | '·' | ':')
    }));
    (!a.is_empty() && a.chars().count() <= 80).then_some(a)
}

/// Where the story ends: a sidebar or comments heading, a footer, or a run of `HH:MM` teasers.
fn find_stop(p: &Prepared, from: usize) -> Option<usize> {
    (from..p.order.len()).find(|&i| {
        let id = p.order[i];
        if let Some(text) = p.dom.text_of(id) {
            let head: String = text.trim_start().chars().take(24).collect();
            let t = collapse(&head).to_lowercase();
            return STOPS.iter().any(|s| t.starts_with(s)) || teaser_time(p, id, &t);
        }
        p.dom.is(id, &["footer"])
            || (p.verdicts[id] == Verdict::Drop
                && signals::words(&p.dom, id)
                    .iter()
                    .any(|w| matches!(w.as_str(), "sidebar" | "footer" | "comments")))
    })
}

/// A text that starts with `HH:MM` followed by a link: the sidebar's news list.
fn teaser_time(p: &Prepared, id: NodeId, t: &str) -> bool {
    let b = t.as_bytes();
    let time = b.len() >= 5
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit();
    if !time || t.chars().count() > 8 || p.dom.text_of(id).is_some_and(|x| x.trim().len() > 8) {
        return false;
    }
    let Some(parent) = p.dom.parent(id) else {
        return false;
    };
    let holder = p.dom.parent(parent).unwrap_or(parent);
    p.dom
        .descendants(holder)
        .into_iter()
        .take(64)
        .any(|n| p.dom.is(n, &["a"]))
}

/// The largest subtrees lying wholly between document-order indices `from` and `to`.
fn between(p: &Prepared, from: usize, to: usize) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let id = p.order[i];
        let last = p.last[id] as usize;
        if last < to {
            out.push(id);
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The last heading before the date line.
fn headline_before(p: &Prepared, start: usize) -> Option<String> {
    p.order[..start]
        .iter()
        .rev()
        .find(|&&id| p.dom.is(id, &["h1", "h2", "h3"]))
        .map(|&id| super::meta::line(&p.dom.text(id)))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        let (when, rest) = parse_date_line("13.11.2013 \u{a0} 16:33Агенцiя").unwrap();
        assert_eq!(when.unwrap().to_rfc3339(), "2013-11-13T14:33:00+00:00");
        assert_eq!(author(&rest).as_deref(), Some("Агенцiя"));
        let (when, rest) = parse_date_line("01.07.2024\u{a0}\u{a0}09:05").unwrap();
        assert_eq!(when.unwrap().to_rfc3339(), "2024-07-01T06:05:00+00:00");
        assert_eq!(author(&rest), None);
        assert!(parse_date_line("Вівторок, 23 грудня, 16:49:09").is_none());
        assert!(parse_date_line("16:49 Новина").is_none());
    }

    #[test]
    fn hosts() {
        assert!(applies("monitor.cn.ua") && applies("WWW.monitor.cn.ua"));
        assert!(!applies("notmonitor.cn.ua") && !applies("monitor.cn.ua.evil"));
    }
}
