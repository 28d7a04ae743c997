//! The feed pane: «Усі новини», the sections (▾ open, ▸ folded) with their feeds, and the
//! feeds of no section, each with its unread count; `›` marks the list shown, `!` a feed whose
//! last refresh failed, and the cursor is highlighted while the pane has the keys. Read-only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::app::feeds::PaneLine;
use crate::config::theme::Element;
use crate::text::sanitize::clean_line;
use crate::text::width::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let beside = !app.pane_fills_screen();
    let cols = usize::from(area.width.saturating_sub(u16::from(beside)));
    let height = usize::from(area.height);
    let lines = app.feeds.lines();
    let cursor = app.feeds.cursor.min(lines.len().saturating_sub(1));
    let top = cursor.saturating_sub(height.saturating_sub(1));
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, line)| pane_line(app, theme, line, cols, i == cursor && app.pane_focus))
        .collect();
    let mut paragraph = Paragraph::new(shown);
    if beside {
        paragraph = paragraph.block(
            Block::new()
                .borders(Borders::RIGHT)
                .style(theme.of(Element::Hint)),
        );
    }
    frame.render_widget(paragraph, area);
}

/// `› ▾ Section      12`, padded to the width.
fn pane_line(
    app: &App,
    theme: &Theme,
    line: &PaneLine,
    cols: usize,
    cursor: bool,
) -> Line<'static> {
    let pane = &app.feeds;
    let scope = line.scope(pane);
    let current = scope.as_ref() == Some(&app.list.query.scope);
    let unread = scope.as_ref().map_or(0, |s| pane.counts_of(s).unread);
    let (text, element) = label(app, line, unread);
    let count = if unread > 0 {
        format!(" {unread}")
    } else {
        String::new()
    };
    let lead = if current { "›" } else { " " };
    let room = cols.saturating_sub(width(&count) + 1);
    let text = truncate(&text, room);
    let pad = room.saturating_sub(width(&text));
    let line = Line::from(vec![
        Span::raw(lead.to_string()),
        Span::styled(text, theme.of(element)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.of(Element::Time)),
    ]);
    if cursor {
        line.style(theme.of(Element::Selection))
    } else {
        line
    }
}

/// A line's text and look: «Усі новини», `▾ Section`, `  !Feed`.
fn label(app: &App, line: &PaneLine, unread: usize) -> (String, Element) {
    let pane = &app.feeds;
    match line {
        PaneLine::All => (
            app.settings.lang.strings().all_news.to_string(),
            Element::DayHeader,
        ),
        PaneLine::Section(name) => {
            let mark = if pane.folded.contains(name) {
                "▸"
            } else {
                "▾"
            };
            (format!("{mark} {}", clean_line(name)), Element::DayHeader)
        }
        PaneLine::Feed(i) => {
            let feed = pane.feeds.get(*i);
            let indent = if feed.is_some_and(|f| f.section.is_some()) {
                "  "
            } else {
                ""
            };
            let failed = feed.is_some_and(|f| f.state.last_error.is_some());
            let name = feed.map(|f| clean_line(f.label())).unwrap_or_default();
            let mark = if failed { "!" } else { " " };
            let style = if unread > 0 {
                Element::Unread
            } else {
                Element::Read
            };
            (format!("{indent}{mark}{name}"), style)
        }
    }
}
