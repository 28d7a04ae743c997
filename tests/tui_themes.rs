//! Themes and remapped keys on screen: the mono preset (what `NO_COLOR` selects) keeps the
//! selection and unread rows visible without colour, the light preset and the user's own
//! colours, and `[keys]` shown in the help and the hint bar. Snapshots carry every cell's style.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod tui_support;

use ratatui::style::{Color, Modifier};

use chmon::action::Intent;
use chmon::config::theme::ThemeConfig;
use chmon::i18n::Lang;
use chmon::keymap::Keymap;
use tui_support::{headlines, screen, settings, started_with};

fn theme(text: &str) -> ThemeConfig {
    #[derive(serde::Deserialize)]
    struct File {
        theme: ThemeConfig,
    }
    toml::from_str::<File>(text).unwrap().theme
}

fn app_with(theme: ThemeConfig) -> (chmon::app::App, tui_support::Fake) {
    let mut settings = settings(Lang::Uk);
    settings.theme = theme;
    started_with(settings, headlines(8), 80, 24)
}

#[test]
fn mono_shows_selection_and_unread_without_colour() {
    let (mut app, mut fake) = app_with(ThemeConfig::default().without_colour());
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::Down);
    let buffer = screen::draw(&app);
    for cell in &buffer.content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "no colour at all"
        );
    }
    // Row 1 is today's header, rows 2 and 3 headlines 0 and 1, row 4 yesterday's header, row 5
    // headline 2 (read, selected), row 8 headline 5 (read).
    let modifier = |x: u16, y: u16| buffer[(x, y)].modifier;
    assert!(
        modifier(10, 5).contains(Modifier::REVERSED),
        "the selected row"
    );
    assert!(modifier(70, 5).contains(Modifier::REVERSED), "all of it");
    assert!(!modifier(10, 2).contains(Modifier::REVERSED));
    assert!(modifier(10, 2).contains(Modifier::BOLD), "unread is bold");
    assert_eq!(buffer[(1, 2)].symbol(), "●", "and marked");
    assert_eq!(buffer[(1, 5)].symbol(), " ", "read: no mark");
    assert!(
        !modifier(10, 8).contains(Modifier::BOLD),
        "read is not bold"
    );
    insta::assert_snapshot!("mono_list", screen::styled(&buffer));
    fake.key(&mut app, Intent::Open);
    insta::assert_snapshot!("mono_article", screen::styled(&screen::draw(&app)));
}

#[test]
fn light_preset_and_the_users_colours() {
    let (app, _) = app_with(theme(
        "[theme]\npreset = \"light\"\ntitle_bar = \"black on cyan\"\n\
         day_header = { fg = \"magenta\", bold = false, underline = true }\n",
    ));
    let buffer = screen::draw(&app);
    assert_eq!(
        (buffer[(3, 0)].fg, buffer[(3, 0)].bg),
        (Color::Black, Color::Cyan)
    );
    let day = &buffer[(2, 1)];
    assert_eq!(day.fg, Color::Magenta);
    assert!(day.modifier.contains(Modifier::UNDERLINED) && !day.modifier.contains(Modifier::BOLD));
    insta::assert_snapshot!("light_list", screen::styled(&buffer));
}

#[test]
fn link_numbers_have_their_own_style() {
    let (mut app, mut fake) = app_with(theme("[theme]\nlink_numbers = \"bold red\"\n"));
    fake.key(&mut app, Intent::Open);
    let buffer = screen::draw(&app);
    let text = screen::text(&buffer);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("міськради[1]"))
        .unwrap();
    let x = line
        .trim_matches('"')
        .chars()
        .position(|c| c == '[')
        .unwrap();
    let cell = &buffer[(x as u16, y as u16)];
    assert_eq!(cell.symbol(), "[");
    assert_eq!(cell.fg, Color::Red);
    assert!(cell.modifier.contains(Modifier::BOLD));
    assert_eq!(
        buffer[(x as u16 - 1, y as u16)].fg,
        Color::Reset,
        "the word before is body text"
    );
}

#[test]
fn remapped_keys_are_what_the_help_and_the_hint_bar_show() {
    let overrides = [
        ("quit".to_string(), vec!["x".to_string()]),
        (
            "down".to_string(),
            vec!["Ctrl-n".to_string(), "j".to_string()],
        ),
        ("toggle_read".to_string(), vec![]),
    ]
    .into_iter()
    .collect();
    let mut settings = settings(Lang::En);
    settings.keymap = Keymap::with_overrides(&overrides).unwrap();
    let (mut app, mut fake) = started_with(settings, headlines(8), 80, 24);
    let hint = screen::text(&screen::draw(&app))
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(
        hint.contains("Ctrl-n/k move") && hint.contains("x quit"),
        "{hint}"
    );
    assert!(
        !hint.contains("q quit") && !hint.contains("read/unread"),
        "{hint}"
    );
    fake.key(&mut app, Intent::Help);
    let help = screen::text(&screen::draw(&app));
    assert!(
        help.contains("Ctrl-n j / k ↑") && help.contains("x "),
        "{help}"
    );
    assert!(!help.contains("toggle read"), "{help}");
    insta::assert_snapshot!("help_remapped_en", screen::styled(&screen::draw(&app)));
}

#[test]
fn the_unread_count_agrees_in_number() {
    let mut rows = headlines(8);
    for row in &mut rows {
        row.read = true;
    }
    rows[0].read = false;
    let (mut app, mut fake) = started_with(settings(Lang::Uk), rows, 80, 24);
    let title = |app: &chmon::app::App| {
        screen::text(&screen::draw(app))
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert!(title(&app).contains(" 1 непрочитана "), "{}", title(&app));
    fake.key(&mut app, Intent::Down);
    fake.key(&mut app, Intent::ToggleRead);
    assert!(title(&app).contains(" 2 непрочитані "), "{}", title(&app));
    for _ in 0..3 {
        fake.key(&mut app, Intent::Down);
        fake.key(&mut app, Intent::ToggleRead);
    }
    assert!(title(&app).contains(" 5 непрочитаних "), "{}", title(&app));
}
