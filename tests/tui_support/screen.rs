//! A screen as text beside its styles, for snapshots: each row of the buffer as text, under
//! it one letter per cell naming its style ('.' the terminal's default), then the legend.
//! Colours, bold, reverse and the rest are asserted together with the words.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use chmon::app::App;

const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Draws `app` on a fresh `TestBackend` of its size.
pub fn draw(app: &App) -> Buffer {
    let backend = TestBackend::new(app.width, app.height);
    let mut terminal = Terminal::new(backend).expect("test terminal");
    terminal
        .draw(|frame| chmon::ui::draw(frame, app))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The text only, as `TestBackend` shows it.
pub fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        out.push('"');
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip == 0 {
                out.push_str(symbol);
            }
            skip = skip
                .max(chmon::text::width::width(symbol))
                .saturating_sub(1);
        }
        out.push_str("\"\n");
    }
    out
}

type Key = (Color, Color, Modifier);

fn describe((fg, bg, modifier): Key) -> String {
    let mut parts = Vec::new();
    if fg != Color::Reset {
        parts.push(format!("fg={fg:?}"));
    }
    if bg != Color::Reset {
        parts.push(format!("bg={bg:?}"));
    }
    if !modifier.is_empty() {
        parts.push(format!("{modifier:?}"));
    }
    parts.join(" ")
}

/// Text rows, each with its style row, then the legend.
pub fn styled(buffer: &Buffer) -> String {
    let default: Key = (Color::Reset, Color::Reset, Modifier::empty());
    let mut legend: Vec<Key> = Vec::new();
    let mut out = String::new();
    let text = text(buffer);
    for (y, line) in (0..buffer.area.height).zip(text.lines()) {
        out.push_str(line);
        out.push_str("\n ");
        let mut lead = '.';
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if skip == 0 {
                let key = (cell.fg, cell.bg, cell.modifier);
                lead = if key == default {
                    '.'
                } else {
                    let i = legend.iter().position(|k| *k == key).unwrap_or_else(|| {
                        legend.push(key);
                        legend.len() - 1
                    });
                    LETTERS.chars().nth(i).unwrap_or('?')
                };
            }
            out.push(lead);
            skip = skip
                .max(chmon::text::width::width(cell.symbol()))
                .saturating_sub(1);
        }
        out.push('\n');
    }
    out.push_str("styles:\n");
    for (i, key) in legend.into_iter().enumerate() {
        let letter = LETTERS.chars().nth(i).unwrap_or('?');
        out.push_str(&format!("  {letter}  {}\n", describe(key)));
    }
    out
}
