//! Every style and colour of the TUI, in one place: the built-in presets (`dark`, `light`,
//! `mono`) and the user's `[theme]` styles patched over them. Plain values; no drawing, no state.

use ratatui::style::{Color, Modifier, Style};

use crate::config::theme::{Element, Preset, ThemeConfig};

/// The looks of one run: the preset with the user's styles over it.
#[derive(Debug, Clone, Copy)]
pub struct Theme<'a> {
    config: &'a ThemeConfig,
}

impl<'a> Theme<'a> {
    pub fn new(config: &'a ThemeConfig) -> Theme<'a> {
        Theme { config }
    }

    /// The style of `element`.
    pub fn of(&self, element: Element) -> Style {
        let base = preset(self.config.preset, element);
        match self.config.style(element) {
            Some(user) => base.patch(user),
            None => base,
        }
    }

    /// The feed's name in the title bar.
    pub fn title_name(&self) -> Style {
        self.of(Element::TitleBar).add_modifier(Modifier::BOLD)
    }
}

fn preset(preset: Preset, element: Element) -> Style {
    match preset {
        Preset::Dark => dark(element),
        Preset::Light => light(element),
        Preset::Mono => mono(element),
    }
}

const fn fg(colour: Color) -> Style {
    Style::new().fg(colour)
}

const fn on(fg: Color, bg: Color) -> Style {
    Style::new().fg(fg).bg(bg)
}

const fn with(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

/// Light text on a dark terminal: the default.
fn dark(element: Element) -> Style {
    use Modifier as M;
    match element {
        Element::TitleBar => on(Color::Black, Color::Cyan),
        Element::DayHeader => fg(Color::Yellow).add_modifier(M::BOLD),
        Element::Time | Element::Hint => fg(Color::DarkGray),
        Element::Unread | Element::Message => with(M::BOLD),
        Element::UnreadMark => fg(Color::Cyan).add_modifier(M::BOLD),
        Element::Read | Element::Body => Style::new(),
        Element::Selection => on(Color::White, Color::Blue),
        Element::ArticleTitle => fg(Color::Yellow).add_modifier(M::BOLD),
        Element::ArticleMeta => fg(Color::Gray).add_modifier(M::ITALIC),
        Element::ArticleLink => fg(Color::Cyan).add_modifier(M::UNDERLINED),
        Element::LinkNumbers => fg(Color::Cyan),
        Element::Status => on(Color::White, Color::DarkGray),
        Element::Busy => on(Color::Black, Color::Yellow),
        Element::Error => on(Color::White, Color::Red).add_modifier(M::BOLD),
        Element::Help => on(Color::White, Color::Black),
        Element::HelpKey => fg(Color::Yellow).add_modifier(M::BOLD),
        Element::HelpSection => fg(Color::Cyan).add_modifier(M::BOLD),
        Element::SearchHit => on(Color::Black, Color::Yellow).add_modifier(M::BOLD),
        Element::SearchLine => on(Color::White, Color::Black),
    }
}

/// Dark text on a light terminal.
fn light(element: Element) -> Style {
    use Modifier as M;
    match element {
        Element::TitleBar => on(Color::White, Color::Blue),
        Element::DayHeader | Element::ArticleTitle | Element::HelpKey => {
            fg(Color::Blue).add_modifier(M::BOLD)
        }
        Element::Time | Element::Hint => fg(Color::DarkGray),
        Element::Unread | Element::Message => with(M::BOLD),
        Element::UnreadMark => fg(Color::Blue).add_modifier(M::BOLD),
        Element::Read | Element::Body => Style::new(),
        Element::Selection => on(Color::Black, Color::LightCyan),
        Element::ArticleMeta => fg(Color::DarkGray).add_modifier(M::ITALIC),
        Element::ArticleLink => fg(Color::Blue).add_modifier(M::UNDERLINED),
        Element::LinkNumbers => fg(Color::Blue),
        Element::Status => on(Color::Black, Color::Gray),
        Element::Busy => on(Color::Black, Color::LightYellow),
        Element::Error => on(Color::White, Color::Red).add_modifier(M::BOLD),
        Element::Help => on(Color::Black, Color::White),
        Element::HelpSection => fg(Color::Magenta).add_modifier(M::BOLD),
        Element::SearchHit => on(Color::Black, Color::LightYellow).add_modifier(M::BOLD),
        Element::SearchLine => on(Color::Black, Color::White),
    }
}

/// No colours at all (`NO_COLOR`): the selection and the bars in reverse video, unread bold
/// with its mark, so nothing depends on colour.
fn mono(element: Element) -> Style {
    use Modifier as M;
    match element {
        Element::TitleBar | Element::Selection | Element::Status => with(M::REVERSED),
        Element::Busy | Element::Error => with(M::REVERSED | M::BOLD),
        Element::DayHeader | Element::HelpSection => with(M::BOLD | M::UNDERLINED),
        Element::Unread
        | Element::UnreadMark
        | Element::ArticleTitle
        | Element::LinkNumbers
        | Element::HelpKey
        | Element::Message
        | Element::SearchLine => with(M::BOLD),
        Element::SearchHit => with(M::BOLD | M::UNDERLINED),
        Element::ArticleMeta => with(M::ITALIC),
        Element::ArticleLink => with(M::UNDERLINED),
        Element::Time | Element::Read | Element::Body | Element::Hint | Element::Help => {
            Style::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::theme::ELEMENTS;

    #[test]
    fn mono_has_no_colour_and_the_selection_is_reverse_video() {
        let config = ThemeConfig::default().without_colour();
        let theme = Theme::new(&config);
        for (name, element) in ELEMENTS {
            let style = theme.of(element);
            assert!(style.fg.is_none() && style.bg.is_none(), "{name}");
        }
        assert!(
            theme
                .of(Element::Selection)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(
            theme
                .of(Element::Unread)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert_ne!(theme.of(Element::Unread), theme.of(Element::Read));
        // A search hit still shows without colour, also inside a bold unread title.
        let hit = theme.of(Element::SearchHit).add_modifier;
        assert!(hit.contains(Modifier::UNDERLINED | Modifier::BOLD));
    }

    #[test]
    fn the_users_style_is_patched_over_the_preset() {
        let mut config = ThemeConfig::default();
        let user = Style::new().fg(Color::Red).remove_modifier(Modifier::BOLD);
        config.styles.insert(Element::DayHeader, user);
        let theme = Theme::new(&config);
        assert_eq!(
            theme.of(Element::DayHeader),
            Style::new().fg(Color::Red).remove_modifier(Modifier::BOLD)
        );
        assert_eq!(theme.of(Element::TitleBar), on(Color::Black, Color::Cyan));
    }
}
