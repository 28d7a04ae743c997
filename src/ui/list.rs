//! The headline list: day headers, `HH:MM  Title` rows (unread marked and bold, the selection
//! highlighted, the words a search found marked, titles cut by display width), a scrollbar, and the empty and loading screens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::search::highlighted;
use super::theme::Theme;
use crate::app::App;
use crate::app::list::ListLine;
use crate::config::theme::Element;
use crate::model::Headline;
use crate::search::Query;
use crate::text::sanitize::clean_line;
use crate::text::width::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if !app.list.loaded || app.list.counts.total == 0 {
        return empty(frame, app, theme, area);
    }
    let cols = usize::from(area.width.saturating_sub(1));
    let today = app.settings.zone.date(app.now);
    let screen_lines = app.list_lines();
    let query = crate::app::search::query(app);
    let rows_shown = screen_lines
        .iter()
        .filter(|l| matches!(l, ListLine::Row(_)))
        .count();
    let lines: Vec<Line> = screen_lines
        .into_iter()
        .map(|line| match line {
            ListLine::Day(day) => Line::styled(
                truncate(
                    &format!(" {}", app.settings.lang.day_header(day, today)),
                    cols,
                ),
                theme.of(Element::DayHeader),
            ),
            ListLine::Row(pos) => row(app, theme, query.as_ref(), pos, cols),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    if rows_shown >= app.list.counts.total {
        return;
    }
    let mut state = ScrollbarState::new(app.list.counts.total)
        .position(app.list.selected)
        .viewport_content_length(area.height.into());
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    frame.render_stateful_widget(bar, area, &mut state);
}

/// `● HH:MM  Title`, padded to the width so the selection bar spans the line.
fn row(app: &App, theme: &Theme, query: Option<&Query>, pos: usize, cols: usize) -> Line<'static> {
    let selected = pos == app.list.selected;
    let Some(h) = app.list.row(pos) else {
        let style = if selected {
            theme.of(Element::Selection)
        } else {
            theme.of(Element::Time)
        };
        return Line::styled(
            truncate(&format!("   ··:··  {:<1$}", "…", cols), cols),
            style,
        );
    };
    let spans = row_spans(app, theme, query, h, cols);
    let line = Line::from(spans);
    if selected {
        line.style(theme.of(Element::Selection))
    } else {
        line
    }
}

fn row_spans(
    app: &App,
    theme: &Theme,
    query: Option<&Query>,
    h: &Headline,
    cols: usize,
) -> Vec<Span<'static>> {
    let (mark, mark_style, title_style) = match (h.read, h.starred) {
        (true, false) => ("  ", theme.of(Element::Read), theme.of(Element::Read)),
        (true, true) => ("★ ", theme.of(Element::UnreadMark), theme.of(Element::Read)),
        (false, starred) => (
            if starred { "★●" } else { " ●" },
            theme.of(Element::UnreadMark),
            theme.of(Element::Unread),
        ),
    };
    let time = format!(" {}  ", app.settings.zone.format_time(h.time));
    let room = cols.saturating_sub(2 + 8);
    let feed = feed_name(app, h, room);
    let room = room.saturating_sub(width(&feed));
    let title = truncate(&h.title, room);
    let pad = room.saturating_sub(width(&title));
    let mut spans = vec![
        Span::styled(mark, mark_style),
        Span::styled(time, theme.of(Element::Time)),
    ];
    let hit = theme.of(Element::SearchHit);
    spans.extend(highlighted(&title, title_style, hit, query));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(feed, theme.of(Element::Time)));
    spans
}

/// `  Feed` at the end of a row of "All" or a section (when there is room): which feed the
/// article is from.
fn feed_name(app: &App, h: &Headline, room: usize) -> String {
    if !app.shows_feed_names() || room < 40 {
        return String::new();
    }
    let name = clean_line(&app.label_of(h.feed_id));
    format!("  {}", truncate(&name, (room / 4).min(20)))
}

/// Loading, "nothing cached and the fetch failed: press r or use --demo", or an empty feed.
fn empty(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let s = app.settings.lang.strings();
    let message = theme.of(Element::Message);
    let mut lines = vec![Line::raw("")];
    if let Some(error) = &app.refresh_error {
        lines.push(Line::styled(
            format!(" {}", s.empty_failed),
            theme.of(Element::Error),
        ));
        lines.push(Line::raw(format!(" {error}")));
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!(" {}", s.empty_retry), message));
    } else if app.refreshing || !app.list.loaded {
        let text = if app.list.loaded {
            s.empty_cache
        } else {
            s.loading
        };
        lines.push(Line::styled(format!(" {text}"), message));
    } else if app.list.query.search.is_some() {
        let text = app.settings.lang.nothing_found();
        lines.push(Line::styled(format!(" {text}"), message));
    } else {
        lines.push(Line::styled(format!(" {}", s.empty_nothing), message));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
