//! The article view: the header and body lines laid out by the app (already wrapped to the
//! reading width), centred in the body area, from the scroll position, with a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme;
use crate::app::App;
use crate::app::reader::{DocKind, Reader};

pub fn draw(frame: &mut Frame, app: &App, reader: &Reader, area: Rect) {
    if reader.article.is_none() {
        let text = format!(" {}", app.settings.lang.strings().loading);
        frame.render_widget(Paragraph::new(text).style(theme::message()), area);
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
    let lines: Vec<Line> = reader
        .doc
        .iter()
        .skip(reader.scroll)
        .take(usize::from(area.height))
        .map(|line| Line::styled(line.text.as_str(), style(line.kind)))
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

fn style(kind: DocKind) -> ratatui::style::Style {
    match kind {
        DocKind::Title => theme::article_title(),
        DocKind::Meta => theme::article_meta(),
        DocKind::Link => theme::article_link(),
        DocKind::Body => theme::body(),
    }
}
