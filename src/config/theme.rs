//! The `[theme]` section of the config: a preset (`dark`, `light`, `mono`) and per-element
//! styles over it, read and checked here (an unknown element, colour or word is an error naming
//! it), and what `NO_COLOR` means. Holds only what the user asked for: how the presets look is
//! `ui::theme`'s business.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// The built-in looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// Light text on a dark terminal (the default).
    #[default]
    Dark,
    Light,
    /// No colours: bold, underline and reverse video only (what `NO_COLOR` selects).
    Mono,
}

const PRESETS: [(&str, Preset); 3] = [
    ("dark", Preset::Dark),
    ("light", Preset::Light),
    ("mono", Preset::Mono),
];

/// What can be styled, by its name in `[theme]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Element {
    TitleBar,
    DayHeader,
    Time,
    Unread,
    UnreadMark,
    Read,
    Selection,
    ArticleTitle,
    ArticleMeta,
    ArticleLink,
    LinkNumbers,
    Body,
    Status,
    Busy,
    Error,
    Hint,
    Help,
    HelpKey,
    HelpSection,
    Message,
    /// A word the search found, in the list and the article.
    SearchHit,
    /// The search line at the bottom.
    SearchLine,
}

/// Every element with its config name, in the README's order.
pub const ELEMENTS: [(&str, Element); 22] = [
    ("title_bar", Element::TitleBar),
    ("day_header", Element::DayHeader),
    ("time", Element::Time),
    ("unread", Element::Unread),
    ("unread_mark", Element::UnreadMark),
    ("read", Element::Read),
    ("selection", Element::Selection),
    ("article_title", Element::ArticleTitle),
    ("article_meta", Element::ArticleMeta),
    ("article_link", Element::ArticleLink),
    ("link_numbers", Element::LinkNumbers),
    ("body", Element::Body),
    ("status", Element::Status),
    ("busy", Element::Busy),
    ("error", Element::Error),
    ("hint", Element::Hint),
    ("help", Element::Help),
    ("help_key", Element::HelpKey),
    ("help_section", Element::HelpSection),
    ("message", Element::Message),
    ("search_hit", Element::SearchHit),
    ("search_line", Element::SearchLine),
];

/// Modifier words, in strings (`"bold yellow"`) and as table keys (`bold = true`).
const MODIFIERS: [(&str, Modifier); 8] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("underlined", Modifier::UNDERLINED),
    ("reverse", Modifier::REVERSED),
    ("reversed", Modifier::REVERSED),
    ("strikethrough", Modifier::CROSSED_OUT),
];

/// The `[theme]` the user asked for: a preset and styles patched over it per element.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThemeConfig {
    pub preset: Preset,
    pub styles: BTreeMap<Element, Style>,
}

/// A bad `[theme]`; the message names the element and the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[theme] {0}")]
pub struct ThemeError(String);

/// True when `NO_COLOR` is set to something non-empty (<https://no-color.org>).
pub fn no_color(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

impl ThemeConfig {
    /// `NO_COLOR`: the mono preset (the user's element styles still apply over it).
    pub fn without_colour(mut self) -> ThemeConfig {
        self.preset = Preset::Mono;
        self
    }

    /// The user's style for `element`, if any.
    pub fn style(&self, element: Element) -> Option<Style> {
        self.styles.get(&element).copied()
    }

    fn from_section(section: BTreeMap<String, toml::Value>) -> Result<ThemeConfig, ThemeError> {
        let mut theme = ThemeConfig::default();
        for (name, value) in section {
            if name == "preset" {
                theme.preset = preset(&value)?;
                continue;
            }
            let Some(&(_, element)) = ELEMENTS.iter().find(|(n, _)| *n == name) else {
                let known: Vec<&str> = ELEMENTS.iter().map(|(n, _)| *n).collect();
                return Err(ThemeError(format!(
                    "unknown element \"{name}\" (the elements: preset, {})",
                    known.join(", ")
                )));
            };
            let style = style(&value).map_err(|why| ThemeError(format!("{name}: {why}")))?;
            theme.styles.insert(element, style);
        }
        Ok(theme)
    }
}

fn preset(value: &toml::Value) -> Result<Preset, ThemeError> {
    let name = value.as_str().unwrap_or_default();
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, p)| p)
        .ok_or_else(|| {
            ThemeError(format!(
                "preset: unknown preset {value} (dark, light, mono)"
            ))
        })
}

/// `"black on cyan"`, `"bold yellow"`, or `{ fg = "black", bg = "cyan", bold = true }`.
fn style(value: &toml::Value) -> Result<Style, String> {
    match value {
        toml::Value::String(words) => style_words(words),
        toml::Value::Table(table) => style_table(table),
        other => Err(format!("expected a string or a table, found {other}")),
    }
}

fn colour(name: &str) -> Result<Color, String> {
    Color::from_str(name).map_err(|_| format!("unknown colour \"{name}\""))
}

fn modifier(word: &str) -> Option<Modifier> {
    MODIFIERS.iter().find(|(w, _)| *w == word).map(|&(_, m)| m)
}

fn style_words(words: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut tokens = words.split_whitespace();
    while let Some(token) = tokens.next() {
        let word = token.to_lowercase();
        if word == "on" {
            let bg = tokens.next().ok_or("\"on\" without a colour")?;
            style = style.bg(colour(bg)?);
        } else if let Some(m) = modifier(&word) {
            style = style.add_modifier(m);
        } else if style.fg.is_some() {
            return Err(format!("two foreground colours in \"{words}\""));
        } else {
            style = style.fg(colour(token)?);
        }
    }
    Ok(style)
}

fn style_table(table: &toml::Table) -> Result<Style, String> {
    let mut style = Style::new();
    for (key, value) in table {
        let text = || {
            value
                .as_str()
                .ok_or(format!("{key}: expected a colour name"))
        };
        match (key.as_str(), modifier(key)) {
            ("fg", _) => style = style.fg(colour(text()?)?),
            ("bg", _) => style = style.bg(colour(text()?)?),
            (_, Some(m)) => match value.as_bool() {
                Some(true) => style = style.add_modifier(m),
                Some(false) => style = style.remove_modifier(m),
                None => return Err(format!("{key}: expected true or false")),
            },
            (_, None) => {
                let words: Vec<&str> = MODIFIERS.iter().map(|(w, _)| *w).collect();
                return Err(format!(
                    "unknown key \"{key}\" (fg, bg, {})",
                    words.join(", ")
                ));
            }
        }
    }
    Ok(style)
}

impl<'de> serde::Deserialize<'de> for ThemeConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ThemeConfig, D::Error> {
        let section = BTreeMap::<String, toml::Value>::deserialize(d)?;
        ThemeConfig::from_section(section).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
