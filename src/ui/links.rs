//! The link list popup (`L`) over the article: every link with its number, its text and its
//! URL, the chosen one highlighted, scrolled to keep it in view. Read-only over the app; the
//! texts and URLs were sanitised when the article was prepared (and are cut to the box here).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::app::reader::Reader;
use crate::config::theme::Element;
use crate::text::sanitize::clean_line;
use crate::text::width::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, reader: &Reader, body: Rect) {
    let Some(cursor) = app.links.popup else {
        return;
    };
    let w = body.width.saturating_sub(4).clamp(10, 100).min(body.width);
    let rows = u16::try_from(reader.links.len()).unwrap_or(u16::MAX);
    let h = rows.saturating_add(2).min(body.height);
    let area = Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    );
    let inner = usize::from(w.saturating_sub(2));
    let visible = usize::from(h.saturating_sub(2)).max(1);
    let top = cursor.saturating_sub(visible - 1);
    let lines: Vec<Line> = reader
        .links
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .map(|(i, url)| {
            let text = reader.link_texts.get(i).map_or("", String::as_str);
            line(theme, i, text, url, inner, i == cursor)
        })
        .collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .title(app.settings.lang.nav().links_title)
        .style(theme.of(Element::Help));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// `[3] text — url`, cut to `cols`; the chosen line in the selection style, full width.
fn line(
    theme: &Theme,
    i: usize,
    text: &str,
    url: &str,
    cols: usize,
    chosen: bool,
) -> Line<'static> {
    let number = format!("[{}] ", i + 1);
    let text = clean_line(text);
    let rest = if text.is_empty() {
        clean_line(url)
    } else {
        format!("{text} — {}", clean_line(url))
    };
    let rest = truncate(&rest, cols.saturating_sub(width(&number)));
    let pad = cols.saturating_sub(width(&number) + width(&rest));
    let spans = vec![
        Span::styled(number, theme.of(Element::LinkNumbers)),
        Span::raw(rest),
        Span::raw(" ".repeat(pad)),
    ];
    let line = Line::from(spans);
    if chosen {
        line.style(theme.of(Element::Selection))
    } else {
        line
    }
}
