//! Drawing: `draw(frame, &App)` lays out the title bar, the body (list or article), the status
//! and hint bars (or the search line) and the help overlay. Read-only over the app; styles live in `theme`.

mod article;
mod bars;
mod feeds;
mod help;
mod links;
mod list;
pub mod search;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use theme::Theme;

/// The screen's parts; the body height matches `App::body_height`.
struct Areas {
    title: Rect,
    body: Rect,
    status: Rect,
    hint: Rect,
}

fn areas(full: Rect) -> Areas {
    let row = |y: u16, height: u16| Rect::new(full.x, y, full.width, height);
    let body_height = full.height.saturating_sub(crate::app::CHROME_ROWS);
    Areas {
        title: row(full.y, 1),
        body: row(full.y + 1, body_height),
        status: row(full.y + 1 + body_height, 1),
        hint: row(full.y + 2 + body_height, 1),
    }
}

/// Draws the whole screen for the app's current state.
pub fn draw(frame: &mut Frame, app: &App) {
    let full = frame.area();
    if app.too_small() || full.width < crate::app::MIN_WIDTH || full.height < crate::app::MIN_HEIGHT
    {
        let text = app.settings.lang.strings().too_small;
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), full);
        return;
    }
    let parts = areas(full);
    let theme = Theme::new(&app.settings.theme);
    bars::title(frame, app, &theme, parts.title);
    match &app.reader {
        Some(reader) => {
            article::draw(frame, app, &theme, reader, parts.body);
            links::draw(frame, app, &theme, reader, parts.body);
        }
        None if app.pane_fills_screen() => feeds::draw(frame, app, &theme, parts.body),
        None => browse(frame, app, &theme, parts.body),
    }
    bars::status(frame, app, &theme, parts.status);
    if !search::line(frame, app, &theme, parts.hint) {
        bars::hint(frame, app, &theme, parts.hint);
    }
    if app.help {
        help::draw(frame, app, &theme, full);
    }
    mark_split_clusters(frame.buffer_mut());
}

/// The feed pane (when it fits) beside the headline list.
fn browse(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) {
    let pane = app.pane_width();
    if pane > 0 {
        feeds::draw(
            frame,
            app,
            theme,
            Rect {
                width: pane,
                ..body
            },
        );
    }
    let list = Rect {
        x: body.x + pane,
        width: body.width - pane,
        ..body
    };
    list::draw(frame, app, theme, list);
}

/// A grapheme of several code points two columns wide (a flag 🇺🇦, a ZWJ sequence) may be
/// kept by the terminal as two separate halves (tmux puts each regional indicator in its own
/// column), but ratatui rewrites only the first column when it goes. So the covered column is
/// marked to be rewritten in the next frame whatever comes there: no half glyph stays behind.
fn mark_split_clusters(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            let columns = crate::text::width::width(symbol).max(1);
            if columns > 1 && symbol.chars().nth(1).is_some() {
                let end = x.saturating_add(u16::try_from(columns).unwrap_or(u16::MAX));
                for covered in x + 1..end.min(area.right()) {
                    buffer[(covered, y)].set_diff_option(CellDiffOption::AlwaysUpdate);
                }
            }
            x = x.saturating_add(u16::try_from(columns).unwrap_or(1));
        }
    }
}
