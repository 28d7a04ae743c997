//! Drawing: `draw(frame, &App)` lays out the title bar, the body (list or article), the status
//! and hint bars and the help overlay. Read-only over the app; styles live in `theme`.

mod article;
mod bars;
mod help;
mod list;
pub mod theme;

use ratatui::Frame;
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
        Some(reader) => article::draw(frame, app, &theme, reader, parts.body),
        None => list::draw(frame, app, &theme, parts.body),
    }
    bars::status(frame, app, &theme, parts.status);
    bars::hint(frame, app, &theme, parts.hint);
    if app.help {
        help::draw(frame, app, &theme, full);
    }
}
