//! Final layout pass over html2text's output: sanitising each line, dropping the link mark,
//! trailing whitespace and repeated blank lines, hard-wrapping anything still wider than the
//! width by display columns, and appending the numbered link list.

use unicode_width::UnicodeWidthStr;

use super::dom::WORD_JOINER;
use crate::text::sanitize::{clean_line, clean_text};

/// Shown in place of a character wider than the whole width (an emoji at width 1).
const TOO_WIDE: &str = "…";

/// html2text's text → lines no wider than `width`, without trailing spaces or double blanks.
pub(super) fn finish(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let line = tidy(raw);
        if line.is_empty() {
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
            continue;
        }
        hard_wrap(&line, width, &mut lines);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

fn tidy(raw: &str) -> String {
    let clean = clean_text(raw);
    let mut out: String = clean
        .chars()
        .filter(|c| *c != WORD_JOINER)
        .map(|c| if c == '\t' || c == '\u{a0}' { ' ' } else { c })
        .collect();
    out.truncate(out.trim_end().len());
    out
}

/// Pushes `line` as one or more pieces, each at most `width` columns (by whole clusters).
fn hard_wrap(line: &str, width: usize, out: &mut Vec<String>) {
    if line.width() <= width {
        out.push(line.to_string());
        return;
    }
    let mut piece = String::new();
    let mut piece_width = 0;
    for cluster in Clusters::new(line) {
        let (cluster, w) = match cluster.width() {
            w if w > width => (TOO_WIDE, TOO_WIDE.width()),
            w => (cluster, w),
        };
        if piece_width + w > width && !piece.is_empty() {
            push_piece(&mut piece, out);
            piece_width = 0;
        }
        piece.push_str(cluster);
        piece_width += w;
    }
    push_piece(&mut piece, out);
}

fn push_piece(piece: &mut String, out: &mut Vec<String>) {
    let trimmed = piece.trim_end();
    if !trimmed.trim_start().is_empty() {
        out.push(trimmed.to_string());
    }
    piece.clear();
}

/// Approximate grapheme clusters: a character plus the zero-width ones after it, emoji joined
/// by ZWJ, and regional-indicator pairs (flags). Never splits inside a `char`.
struct Clusters<'a> {
    rest: &'a str,
}

impl<'a> Clusters<'a> {
    fn new(s: &'a str) -> Self {
        Clusters { rest: s }
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let mut chars = self.rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let mut prev = first;
        for (i, c) in chars {
            let joins = c.to_string().width() == 0
                || prev == '\u{200d}'
                || (is_regional(prev) && is_regional(c) && i == first.len_utf8());
            if !joins {
                break;
            }
            end = i + c.len_utf8();
            prev = c;
        }
        let (cluster, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(cluster)
    }
}

fn is_regional(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// Appends a blank line, the heading and `[n] URL` lines (these may exceed the width).
pub(super) fn append_links(lines: &mut Vec<String>, links: &[String], heading: &str) {
    if links.is_empty() {
        return;
    }
    if !lines.is_empty() {
        lines.push(String::new());
    }
    let heading = clean_line(heading);
    if !heading.is_empty() {
        lines.push(heading);
    }
    for (i, url) in links.iter().enumerate() {
        lines.push(format!("[{}] {}", i + 1, clean_line(url)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(s: &str, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        hard_wrap(s, width, &mut out);
        out
    }

    #[test]
    fn hard_wrap_by_columns_keeps_clusters() {
        assert_eq!(wrapped("абвгд", 2), ["аб", "вг", "д"]);
        assert_eq!(wrapped("a🇺🇦b", 2), ["a", "🇺🇦", "b"]);
        assert_eq!(wrapped("▪\u{fe0f}x", 1), ["…", "x"]);
        assert_eq!(wrapped("e\u{301}e\u{301}", 1), ["e\u{301}", "e\u{301}"]);
        assert_eq!(wrapped("👨\u{200d}👩x", 2), ["👨\u{200d}👩", "x"]);
    }

    #[test]
    fn finish_trims_and_collapses_blanks() {
        let text = "\n  a  \n\n\n\u{a0}\nb\u{2060}[1]\t\n\n";
        assert_eq!(finish(text, 80), ["  a", "", "b[1]"]);
    }

    #[test]
    fn link_list_after_blank_line() {
        let mut lines = vec!["x".to_string()];
        append_links(&mut lines, &["https://a.ua".into()], "Посилання:");
        assert_eq!(lines, ["x", "", "Посилання:", "[1] https://a.ua"]);
    }
}
