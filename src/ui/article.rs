//! The article view: the header and body lines laid out by the app (already wrapped to the
//! reading width), centred in the body area, from the scroll position, with a scrollbar; the
//! words a search found are marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::search::highlighted;
use super::theme::Theme;
use crate::app::App;
use crate::app::reader::{DocKind, Reader};
use crate::config::theme::Element;
use crate::search::Query;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, reader: &Reader, area: Rect) {
    if reader.article.is_none() {
        let text = format!(" {}", app.settings.lang.strings().loading);
        frame.render_widget(Paragraph::new(text).style(theme.of(Element::Message)), area);
        return;
    }
    let text_width = u16::try_from(reader.width)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let left = (area.width - text_width) / 2;
    // Lines are wrapped to `text_width`; the few the renderer keeps whole (long URLs) may use
    // the room up to the scrollbar instead of being cut at the column.
    let room = area.width.saturating_sub(left + 1).max(text_width);
    let column = Rect::new(area.x + left, area.y, room, area.height);
    let query = crate::app::search::query(app);
    let lines: Vec<Line> = reader
        .doc
        .iter()
        .skip(reader.scroll)
        .take(usize::from(area.height))
        .map(|line| {
            let line = styled(line.text.as_str(), line.kind, reader.links.len(), theme);
            mark_hits(line, query.as_ref(), theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), column);
    let height = usize::from(area.height);
    if reader.doc.len() > height {
        let mut state = ScrollbarState::new(reader.max_scroll(height) + 1)
            .position(reader.scroll)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        frame.render_stateful_widget(bar, area, &mut state);
    }
}

/// A document line in its style; in the body, the `[n]` that number a link stand out.
fn styled<'a>(text: &'a str, kind: DocKind, links: usize, theme: &Theme) -> Line<'a> {
    let element = match kind {
        DocKind::Title => Element::ArticleTitle,
        DocKind::Meta => Element::ArticleMeta,
        DocKind::Link => Element::ArticleLink,
        DocKind::Body => Element::Body,
    };
    let style = theme.of(element);
    if kind != DocKind::Body || links == 0 {
        return Line::styled(text, style);
    }
    let number = theme.of(Element::LinkNumbers);
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some((before, marker, after)) = next_link_number(rest, links) {
        spans.push(Span::styled(before, style));
        spans.push(Span::styled(marker, number));
        rest = after;
    }
    spans.push(Span::styled(rest, style));
    Line::from(spans)
}

/// The words a search found, marked in every span of the line (title, meta and body alike).
fn mark_hits<'a>(line: Line<'a>, query: Option<&Query>, theme: &Theme) -> Line<'a> {
    let Some(query) = query else {
        return line;
    };
    let hit = theme.of(Element::SearchHit);
    let spans: Vec<Span<'static>> = line
        .spans
        .iter()
        .flat_map(|span| highlighted(&span.content, span.style, hit, Some(query)))
        .collect();
    Line::from(spans).style(line.style)
}

/// The first `[n]` with 1 ≤ n ≤ `links` in `text`: what is before it, it, and the rest.
fn next_link_number(text: &str, links: usize) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let digits = text[open + 1..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(0);
        let close = open + 1 + digits;
        let n: usize = text[open + 1..close].parse().unwrap_or(0);
        if digits > 0 && text[close..].starts_with(']') && (1..=links).contains(&n) {
            return Some((&text[..open], &text[open..=close], &text[close + 1..]));
        }
        from = open + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::next_link_number;

    #[test]
    fn link_numbers_are_found_only_when_they_number_a_link() {
        assert_eq!(
            next_link_number("на сайті[2]. Далі", 3),
            Some(("на сайті", "[2]", ". Далі"))
        );
        assert_eq!(
            next_link_number("[1] https://x", 1),
            Some(("", "[1]", " https://x"))
        );
        assert_eq!(next_link_number("масив[4] і [x] та [", 3), None);
        assert_eq!(
            next_link_number("[] [12a] [0] [3]", 3),
            Some(("[] [12a] [0] ", "[3]", ""))
        );
    }
}
