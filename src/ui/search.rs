//! The search in the screen: the search line (in the hint bar's row while a search is shown:
//! `/ query`, the cursor while typing, how many were found and in which order) and the
//! highlighting of the words it found, for the list's titles and the article's lines.
//! Read-only over the app; styles from `theme`.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::config::theme::Element;
use crate::search::{Query, hits};
use crate::text::sanitize::clean_line;
use crate::text::width::{truncate, width};

/// `text` as spans: the words `query` looks for in `hit` (patched over `base`), the rest in
/// `base`. No query: one span.
pub fn highlighted(
    text: &str,
    base: Style,
    hit: Style,
    query: Option<&Query>,
) -> Vec<Span<'static>> {
    let found: Vec<Range<usize>> = query.map(|q| hits(text, q)).unwrap_or_default();
    let mut spans = Vec::with_capacity(found.len() * 2 + 1);
    let mut at = 0;
    for range in found {
        if range.start > at {
            spans.push(Span::styled(text[at..range.start].to_string(), base));
        }
        spans.push(Span::styled(
            text[range.clone()].to_string(),
            base.patch(hit),
        ));
        at = range.end;
    }
    if at < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}

/// The search line, over the hint bar; false when no search is shown (the hints are drawn).
pub fn line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) -> bool {
    let Some(search) = &app.search else {
        return false;
    };
    if app.reader.is_some() {
        return false;
    }
    let cols = usize::from(area.width);
    let right = format!(
        " {} ",
        app.settings
            .lang
            .search_summary(app.list.counts.total, search.relevance)
    );
    let room = cols.saturating_sub(width(&right) + 3);
    let text = clean_line(&search.text);
    // The end of the query stays in sight while it is typed.
    let shown = tail(&text, room);
    let left = format!(" /{shown}");
    let pad = cols.saturating_sub(width(&left) + width(&right));
    let style = theme.of(Element::SearchLine);
    let line = Line::from(vec![
        Span::styled(left.clone(), style),
        Span::styled(" ".repeat(pad), style),
        Span::styled(truncate(&right, cols.saturating_sub(width(&left))), style),
    ]);
    frame.render_widget(Paragraph::new(line).style(style), area);
    if search.editing {
        let x = area.x + u16::try_from(width(&left)).unwrap_or(area.width);
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
    true
}

/// The last characters of `text` that fit in `cols` columns.
fn tail(text: &str, cols: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn found_words_are_split_out_in_the_hit_style() {
        let q = Query::parse("уряд", false);
        let hit = Style::new().add_modifier(Modifier::UNDERLINED);
        let spans = highlighted("Урядові делегації й уряд", Style::new(), hit, Some(&q));
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hit))
            .collect();
        assert_eq!(
            parts,
            vec![("Урядові", true), (" делегації й ", false), ("уряд", true)]
        );
        assert_eq!(highlighted("", Style::new(), hit, Some(&q)).len(), 1);
        assert_eq!(highlighted("уряд", Style::new(), hit, None).len(), 1);
    }

    #[test]
    fn the_tail_of_a_long_query_is_shown() {
        assert_eq!(tail("абвгд", 3), "вгд");
        assert_eq!(tail("аб", 3), "аб");
    }
}
