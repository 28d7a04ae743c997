//! Is a feed's text only a teaser of the story? A pure check of the item's lead + body (HTML or
//! plain): no text, under [`MIN_VISIBLE`] visible characters, or ending in an ellipsis or a
//! "read more" link. Owns this decision only; what to do about it is `FullText::fetches`.

use crate::text::entities::decode_text;

/// Fewer visible characters than this is a teaser.
pub const MIN_VISIBLE: usize = 600;

/// Endings that mark a cut text (compared case-insensitively, after trailing punctuation).
const MORE: [&str; 5] = [
    "читати далі",
    "читать далее",
    "читати більше",
    "read more",
    "continue reading",
];

/// True when `lead` + `body` look like a teaser rather than the whole story.
pub fn is_teaser(lead: Option<&str>, body: Option<&str>) -> bool {
    let mut text = String::new();
    for part in [lead, body].into_iter().flatten() {
        text.push_str(&visible(part));
        text.push(' ');
    }
    let text = text.trim();
    if text.chars().count() < MIN_VISIBLE {
        return true;
    }
    let end = text
        .trim_end_matches(|c: char| c.is_whitespace() || "»\"'!:→>)]".contains(c))
        .to_lowercase();
    let words = end.trim_end_matches('.');
    end.ends_with('…') || end.ends_with("...") || MORE.iter().any(|m| words.ends_with(m))
}

/// The text of HTML (or plain text) without tags, entities decoded, spaces collapsed.
fn visible(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_text(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long(sentence: &str) -> String {
        format!("<p>{}</p>", sentence.repeat(20))
    }

    #[test]
    fn no_text_or_short_text_is_a_teaser() {
        assert!(is_teaser(None, None));
        assert!(is_teaser(Some("<p></p>"), Some("  ")));
        assert!(is_teaser(
            None,
            Some("<p>Чернігівська міськрада ухвалила бюджет на 2025 рік.</p>")
        ));
        assert!(is_teaser(None, Some("The council passed the budget.")));
    }

    #[test]
    fn a_long_story_is_not_a_teaser() {
        let uk = long("Депутати підтримали кошторис після п’ятигодинної сесії. ");
        assert!(!is_teaser(Some("<p>Лід.</p>"), Some(&uk)));
        let en = long("Councillors backed the budget after a five-hour session. ");
        assert!(!is_teaser(None, Some(&en)));
    }

    #[test]
    fn tags_and_entities_do_not_count_as_text() {
        let markup = format!(
            "{}<p>Коротко&nbsp;про головне.</p>",
            "<div class=\"a-very-long-class-name-for-padding\"></div>".repeat(30)
        );
        assert!(is_teaser(None, Some(&markup)));
    }

    #[test]
    fn a_long_text_ending_in_an_ellipsis_or_read_more_is_a_teaser() {
        let uk = long("Депутати підтримали кошторис після п’ятигодинної сесії. ");
        for tail in [
            "<p>І це ще не все…</p>",
            "<p>Далі буде...</p>",
            "<p><a href=\"/news/1\">Читати далі</a></p>",
            "<p><a href=\"/news/1\">Читать далее »</a></p>",
        ] {
            assert!(is_teaser(None, Some(&format!("{uk}{tail}"))), "{tail}");
        }
        let en = long("Councillors backed the budget after a five-hour session. ");
        for tail in [
            "<p><a href=\"/x\">Read more</a></p>",
            "<p>Continue reading →</p>",
            "<p>and then&hellip;</p>",
        ] {
            assert!(is_teaser(None, Some(&format!("{en}{tail}"))), "{tail}");
        }
    }
}
