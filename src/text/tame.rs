//! Taming one-line fields before they are stored or printed: floods of zero-width characters
//! (combining marks, joiners, variation selectors) collapsed, and a length cap. Pure.

use unicode_width::UnicodeWidthChar;

/// The most characters a title keeps (a longer one ends in "…").
pub const MAX_TITLE_CHARS: usize = 1_000;
/// The most characters an author or category line keeps.
pub const MAX_META_CHARS: usize = 300;
/// The most zero-width characters kept in a row (enough for a stressed letter, a flag, an emoji
/// with a joiner and a variation selector; "Zalgo" text has dozens).
const MAX_ZERO_WIDTH_RUN: usize = 3;

/// `s` with runs of zero-width characters cut to [`MAX_ZERO_WIDTH_RUN`] and at most `max`
/// characters (the last one "…" when it was cut).
pub fn tame_line(s: &str, max: usize) -> String {
    if is_tame(s, max) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len().min(max * 4));
    let (mut run, mut kept) = (0usize, 0usize);
    for c in s.chars() {
        let zero = c.width() == Some(0) && c != '\u{a0}';
        run = if zero { run + 1 } else { 0 };
        if run > MAX_ZERO_WIDTH_RUN {
            continue;
        }
        if kept == max {
            // One more than fits: the last kept character gives way to the ellipsis.
            out.pop();
            out.push('…');
            return out;
        }
        out.push(c);
        kept += 1;
    }
    out
}

/// No more than `max` characters and no zero-width one: [`tame_line`] would keep it as it is.
/// ASCII and Cyrillic letters are settled without the width table.
fn is_tame(s: &str, max: usize) -> bool {
    let mut count = 0;
    s.chars().all(|c| {
        count += 1;
        let wide = matches!(c, ' '..='~' | '\u{400}'..='\u{482}' | '\u{48a}'..='\u{52f}')
            || c.width() != Some(0)
            || c == '\u{a0}';
        wide && count <= max
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_untouched() {
        for s in ["Новина", "на́голос", "🇺🇦 прапор", "👨‍👩‍👧 родина", ""]
        {
            assert_eq!(tame_line(s, 100), s);
        }
    }

    #[test]
    fn floods_of_marks_are_collapsed() {
        let zalgo = format!("a{}b", "\u{301}".repeat(500));
        assert_eq!(tame_line(&zalgo, 100), "a\u{301}\u{301}\u{301}b");
        let zw = format!("x{}y", "\u{200b}".repeat(10_000));
        assert_eq!(tame_line(&zw, 100), "x\u{200b}\u{200b}\u{200b}y");
    }

    #[test]
    fn long_lines_are_cut_with_an_ellipsis() {
        let long = "ї".repeat(5_000);
        let cut = tame_line(&long, MAX_TITLE_CHARS);
        assert_eq!(cut.chars().count(), MAX_TITLE_CHARS);
        assert!(cut.ends_with('…'));
        let exact = "ї".repeat(MAX_TITLE_CHARS);
        assert_eq!(tame_line(&exact, MAX_TITLE_CHARS), exact);
    }
}
