//! Display width of text on a terminal, and cutting (with an ellipsis) and wrapping by it. Pure;
//! measures with unicode-width so Cyrillic, emoji and CJK take the columns a terminal gives them.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes on a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns; a cut ends with `…`. Never splits a wide character.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Greedy word wrap at `max` columns (≥ 1); words longer than a line are broken by character.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let sep = usize::from(!line.is_empty());
        if width(&line) + sep + width(word) <= max {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            let w = UnicodeWidthChar::width(c).unwrap_or(0);
            if !line.is_empty() && width(&line) + w > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Чернігів", 8), "Чернігів");
        assert_eq!(truncate("Чернігівщина", 8), "Чернігі…");
        // CJK characters are two columns: never half of one.
        assert_eq!(truncate("日本語テキスト", 6), "日本…");
        assert_eq!(width(&truncate("日本語テキスト", 6)), 5);
        assert_eq!(truncate("🇺🇦 Україна", 4), "🇺🇦 …");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn wraps_words_and_breaks_long_ones() {
        assert_eq!(wrap("раз два три", 7), vec!["раз два", "три"]);
        assert_eq!(wrap("абвгдеж", 3), vec!["абв", "где", "ж"]);
        assert_eq!(wrap("", 5), vec![""]);
        for line in wrap("日本語のテキスト です", 5) {
            assert!(width(&line) <= 5, "{line}");
        }
    }
}
