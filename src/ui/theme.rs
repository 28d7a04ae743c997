//! Every style and colour of the TUI, in one place. Plain values; no drawing, no state.

use ratatui::style::{Color, Modifier, Style};

pub fn title_bar() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}

pub fn title_bar_name() -> Style {
    title_bar().add_modifier(Modifier::BOLD)
}

pub fn day_header() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn time() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn unread() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn unread_mark() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn read() -> Style {
    Style::new()
}

pub fn selected() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}

pub fn missing() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn article_title() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn article_meta() -> Style {
    Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC)
}

pub fn article_link() -> Style {
    Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::UNDERLINED)
}

pub fn body() -> Style {
    Style::new()
}

pub fn status() -> Style {
    Style::new().fg(Color::White).bg(Color::DarkGray)
}

pub fn status_error() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn status_busy() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow)
}

pub fn hint() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn message() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn help_box() -> Style {
    Style::new().fg(Color::White).bg(Color::Black)
}

pub fn help_key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn help_section() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
