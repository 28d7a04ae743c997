//! The `?` help overlay: every key of both views, in a centred box over the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme;
use crate::app::App;
use crate::text::width::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, full: Rect) {
    let s = app.settings.lang.strings();
    let lines = help_lines(s);
    let want_w = lines.iter().map(Line::width).max().unwrap_or(0) + 4;
    let w = u16::try_from(want_w).unwrap_or(u16::MAX).min(full.width);
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(full.height);
    let area = Rect::new(
        full.x + (full.width - w) / 2,
        full.y + (full.height - h) / 2,
        w,
        h,
    );
    let inner_w = usize::from(w.saturating_sub(4));
    let lines: Vec<Line> = lines.into_iter().map(|l| fit(l, inner_w)).collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .title(s.help_title)
        .style(theme::help_box());
    // Clear whole rows: a wide character cut by the box's edge would leave half a glyph.
    frame.render_widget(Clear, Rect::new(full.x, area.y, full.width, area.height));
    frame.render_widget(
        Paragraph::new(lines).block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        area,
    );
}

/// Both sections' key lines, keys aligned in one column, and the closing hint.
fn help_lines(s: &'static crate::i18n::Strings) -> Vec<Line<'static>> {
    let key_cols = s
        .help_keys_list
        .iter()
        .chain(s.help_keys_article)
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0);
    let mut lines = vec![Line::styled(s.help_list, theme::help_section())];
    lines.extend(
        s.help_keys_list
            .iter()
            .map(|&(k, d)| key_line(k, d, key_cols)),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.help_article, theme::help_section()));
    lines.extend(
        s.help_keys_article
            .iter()
            .map(|&(k, d)| key_line(k, d, key_cols)),
    );
    lines.push(Line::raw(""));
    lines.push(Line::raw(s.help_close));
    lines
}

fn key_line(keys: &'static str, what: &'static str, key_cols: usize) -> Line<'static> {
    let pad = " ".repeat(key_cols.saturating_sub(width(keys)) + 2);
    Line::from(vec![
        Span::styled(keys, theme::help_key()),
        Span::raw(pad),
        Span::raw(what),
    ])
}

/// Cuts a line's spans to `cols` columns so a narrow box never wraps or spills.
fn fit(line: Line<'static>, cols: usize) -> Line<'static> {
    let mut used = 0;
    let spans = line
        .spans
        .into_iter()
        .map(|span| {
            let text = truncate(&span.content, cols.saturating_sub(used));
            used += width(&text);
            Span::styled(text, span.style)
        })
        .collect::<Vec<_>>();
    Line::from(spans).style(line.style)
}
