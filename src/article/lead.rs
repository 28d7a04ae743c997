//! Lead de-duplication: does the body already open with the lead? Compares normalised text
//! (tags stripped, entities decoded, whitespace collapsed, NBSP as space, apostrophes folded,
//! case-insensitive). Looks only at a bounded prefix of the body.

use super::prepare::repair;
use crate::text::entities;

/// True when the body's text starts with the lead's text (a trailing `…`/`...` on the lead
/// is ignored: leads are often cut).
pub(super) fn body_starts_with(body: &str, lead: &str) -> bool {
    let lead = normalise(&repair(lead), usize::MAX);
    let lead = lead.trim_end_matches(['.', '…', ' ']);
    if lead.is_empty() {
        return false;
    }
    let budget = lead.len().saturating_mul(4).saturating_add(4096);
    let mut cut = budget.min(body.len());
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let body = normalise(&repair(&body[..cut]), lead.chars().count());
    body.starts_with(lead)
}

/// Visible text of HTML or plain text, folded for comparison; stops after `limit` chars.
fn normalise(s: &str, limit: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if count >= limit {
            break;
        }
        let (text, used) = next_piece(rest, c);
        rest = &rest[used..];
        for c in text.chars() {
            let c = fold(c);
            if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.extend(c.to_lowercase());
            count += 1;
        }
    }
    out.trim_end().to_string()
}

/// The text that the start of `rest` stands for, and how many bytes it used.
fn next_piece(rest: &str, c: char) -> (String, usize) {
    let tag_start = rest[c.len_utf8()..]
        .chars()
        .next()
        .is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!');
    if c == '<' && tag_start {
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        return (" ".to_string(), end);
    }
    if c == '&'
        && let Some((decoded, used)) = entities::decode_at(rest)
    {
        return (decoded.to_string(), used);
    }
    (c.to_string(), c.len_utf8())
}

fn fold(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' => '\'',
        '“' | '”' | '„' => '"',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lead_at_body_start_despite_markup() {
        let lead = "У Чернігові&nbsp;відкрили «Пункт незламності» П’ятниця...";
        let body =
            "<p><b>У  чернігові</b> відкрили &laquo;Пункт\nнезламності&raquo; П`ятниця, 5-го.</p>";
        assert!(body_starts_with(body, lead));
    }

    #[test]
    fn different_start_is_not_a_match() {
        assert!(!body_starts_with(
            "<p>Інший текст.</p>",
            "У Чернігові відкрили"
        ));
        assert!(!body_starts_with("<p>Текст</p>", "<p> </p>"));
    }

    #[test]
    fn plain_text_body_matches() {
        assert!(body_starts_with(
            "Лід статті.\n\nДалі текст.",
            "<p>Лід статті.</p>"
        ));
    }

    #[test]
    fn long_markup_before_text_within_budget() {
        let body = format!("<p class=\"{}\">Лід</p>", "x".repeat(3000));
        assert!(body_starts_with(&body, "Лід"));
    }
}
