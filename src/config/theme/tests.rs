//! Reading `[theme]`: both style forms, errors that name the element and value, `NO_COLOR`.
use super::*;

fn parse(text: &str) -> Result<ThemeConfig, String> {
    #[derive(serde::Deserialize)]
    struct File {
        theme: ThemeConfig,
    }
    toml::from_str::<File>(text)
        .map(|f| f.theme)
        .map_err(|e| e.message().to_string())
}

#[test]
fn presets_and_both_style_forms() {
    let theme = parse(
        "[theme]\npreset = \"light\"\ntitle_bar = \"black on cyan\"\n\
         selection = { fg = \"white\", bg = \"#204080\", bold = true }\n\
         day_header = \"bold Yellow\"\nunread = { bold = false }\ntime = \"244\"\n",
    )
    .unwrap();
    assert_eq!(theme.preset, Preset::Light);
    assert_eq!(
        theme.style(Element::TitleBar),
        Some(Style::new().fg(Color::Black).bg(Color::Cyan))
    );
    assert_eq!(
        theme.style(Element::Selection),
        Some(
            Style::new()
                .fg(Color::White)
                .bg(Color::Rgb(0x20, 0x40, 0x80))
                .add_modifier(Modifier::BOLD)
        )
    );
    assert_eq!(
        theme.style(Element::DayHeader),
        Some(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD))
    );
    assert_eq!(
        theme.style(Element::Unread),
        Some(Style::new().remove_modifier(Modifier::BOLD))
    );
    assert_eq!(
        theme.style(Element::Time),
        Some(Style::new().fg(Color::Indexed(244)))
    );
    assert_eq!(theme.style(Element::Hint), None);
}

#[test]
fn mistakes_name_the_element_and_the_value() {
    let cases = [
        ("titlebar = \"red\"", "unknown element \"titlebar\""),
        (
            "title_bar = \"blak on cyan\"",
            "title_bar: unknown colour \"blak\"",
        ),
        ("status = \"red on\"", "status: \"on\" without a colour"),
        (
            "error = { fg = \"red\", blink = true }",
            "error: unknown key \"blink\"",
        ),
        (
            "error = { bold = \"yes\" }",
            "error: bold: expected true or false",
        ),
        ("help = 3", "help: expected a string or a table"),
        (
            "preset = \"solarized\"",
            "preset: unknown preset \"solarized\"",
        ),
        ("hint = \"red green\"", "hint: two foreground colours"),
    ];
    for (line, want) in cases {
        let err = parse(&format!("[theme]\n{line}\n")).unwrap_err();
        assert!(
            err.contains(want) && err.starts_with("[theme] "),
            "{line}: {err}"
        );
    }
}

#[test]
fn no_color_means_set_and_not_empty() {
    assert!(no_color(Some(OsStr::new("1"))));
    assert!(!no_color(Some(OsStr::new(""))));
    assert!(!no_color(None));
    let theme = ThemeConfig::default().without_colour();
    assert_eq!(theme.preset, Preset::Mono);
}
