//! Backends for driving the real loop in a test thread: `Shared` lets the test read the screen
//! while the runtime draws on it, and `SplitFlags` is a terminal that, like tmux, keeps each
//! regional indicator of a flag in its own column (so half a flag left behind is visible).

use std::sync::{Arc, Mutex};

use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// What a test reads off a backend: one line of text per row.
pub trait ScreenText {
    fn screen_text(&self) -> String;
}

impl ScreenText for TestBackend {
    fn screen_text(&self) -> String {
        super::screen::text(self.buffer())
    }
}

/// A backend behind a mutex: the runtime draws, the test reads.
pub struct Shared<B>(pub Arc<Mutex<B>>);

impl<B: Backend> Backend for Shared<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), B::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.lock().unwrap().draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), B::Error> {
        self.0.lock().unwrap().hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), B::Error> {
        self.0.lock().unwrap().show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, B::Error> {
        self.0.lock().unwrap().get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), B::Error> {
        self.0.lock().unwrap().set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), B::Error> {
        self.0.lock().unwrap().clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), B::Error> {
        self.0.lock().unwrap().clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, B::Error> {
        self.0.lock().unwrap().size()
    }
    fn window_size(&mut self) -> Result<WindowSize, B::Error> {
        self.0.lock().unwrap().window_size()
    }
    fn flush(&mut self) -> Result<(), B::Error> {
        self.0.lock().unwrap().flush()
    }
}

/// A terminal grid that writes what it is sent the way tmux does: a flag's two regional
/// indicators land in two columns; a wide character covers the next column; writing over
/// either half of a wide character clears the other half.
pub struct SplitFlags {
    width: u16,
    height: u16,
    /// `""` marks the covered right half of a wide character.
    grid: Vec<Vec<String>>,
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

impl SplitFlags {
    pub fn new(width: u16, height: u16) -> SplitFlags {
        SplitFlags {
            width,
            height,
            grid: vec![vec![" ".to_string(); usize::from(width)]; usize::from(height)],
        }
    }

    fn put(&mut self, x: usize, y: usize, symbol: &str, width: usize) {
        let row = &mut self.grid[y];
        if x >= row.len() {
            return;
        }
        if row[x].is_empty() && x > 0 {
            row[x - 1] = " ".into();
        }
        if x + 1 < row.len() && row[x + 1].is_empty() {
            row[x + 1] = " ".into();
        }
        row[x] = symbol.to_string();
        if width == 2 && x + 1 < row.len() {
            if x + 2 < row.len() && row[x + 2].is_empty() {
                row[x + 2] = " ".into();
            }
            row[x + 1] = String::new();
        }
    }

    /// Rows where a regional indicator stands alone (half a flag).
    pub fn broken_flags(&self) -> Vec<String> {
        let text = self.screen_text();
        text.lines()
            .filter(|line| {
                let chars: Vec<char> = line.chars().collect();
                let mut i = 0;
                let mut broken = false;
                while i < chars.len() {
                    if is_regional(chars[i]) {
                        broken |= !chars.get(i + 1).is_some_and(|&c| is_regional(c));
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                broken
            })
            .map(str::to_string)
            .collect()
    }
}

impl ScreenText for SplitFlags {
    fn screen_text(&self) -> String {
        let mut out = String::new();
        for row in &self.grid {
            out.push('"');
            out.extend(row.iter().map(String::as_str));
            out.push_str("\"\n");
        }
        out
    }
}

impl Backend for SplitFlags {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            let (x, y) = (usize::from(x), usize::from(y));
            let symbol = cell.symbol();
            if symbol.chars().count() > 1 && symbol.chars().all(is_regional) {
                for (i, c) in symbol.chars().enumerate() {
                    self.put(x + i, y, &c.to_string(), 1);
                }
            } else {
                self.put(x, y, symbol, chmon::text::width::width(symbol));
            }
        }
        Ok(())
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(Position::new(0, 0))
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _position: P) -> std::io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> std::io::Result<()> {
        *self = SplitFlags::new(self.width, self.height);
        Ok(())
    }
    fn clear_region(&mut self, _clear_type: ClearType) -> std::io::Result<()> {
        self.clear()
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(Size::new(self.width, self.height))
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size()?,
            pixels: Size::new(0, 0),
        })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
