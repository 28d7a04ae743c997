//! The one-line bars: the title bar (feed name, unread count), the status bar (refresh spinner,
//! a page being fetched, results and errors, position) and the key-hint bar. Read-only over the app.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::help;
use super::theme::Theme;
use crate::action::{Intent, View};
use crate::app::links::LinkUse;
use crate::app::{App, Status};
use crate::config::theme::Element;
use crate::text::sanitize::clean_line;
use crate::text::width::{truncate, width};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// `left` then `right` pushed to the right edge; `left` is cut first when space is short.
fn spread<'a>(left: Vec<Span<'a>>, right: String, cols: usize) -> Line<'a> {
    let right_w = width(&right);
    let room = cols.saturating_sub(right_w + 1);
    let mut used = 0;
    let mut spans = Vec::new();
    for span in left {
        let text = truncate(&span.content, room.saturating_sub(used));
        used += width(&text);
        spans.push(Span::styled(text, span.style));
    }
    if right_w < cols {
        spans.push(Span::raw(" ".repeat(cols - used - right_w)));
        spans.push(Span::raw(right));
    }
    Line::from(spans)
}

pub fn title(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let name = clean_line(&app.title());
    let unread = app.list.counts.unread;
    // Narrow screens keep the feed name readable: no program name, a short count.
    let (prefix, right) = if area.width < 60 {
        (" ", format!("● {unread} "))
    } else {
        (
            " chmon · ",
            format!("{} ", app.settings.lang.unread_count(unread)),
        )
    };
    let bar = theme.of(Element::TitleBar);
    let left = vec![
        Span::styled(prefix, bar),
        Span::styled(name, theme.title_name()),
    ];
    let line = spread(left, right, usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(bar), area);
}

pub fn status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let s = app.settings.lang.strings();
    let bar = theme.of(Element::Status);
    let (text, style) = if let Some(entry) = &app.links.entry {
        let nav = app.settings.lang.nav();
        let prompt = match entry.purpose {
            LinkUse::Open => nav.link_prompt,
            LinkUse::Copy => nav.copy_prompt,
        };
        (format!(" {prompt}: {}_", entry.digits), bar)
    } else if app.reader.as_ref().is_some_and(|r| r.fetching) {
        let spin = SPINNER[app.spinner % SPINNER.len()];
        let fetching = app.settings.lang.pages().fetching;
        (format!(" {spin} {fetching}"), theme.of(Element::Busy))
    } else if app.refreshing {
        let spin = SPINNER[app.spinner % SPINNER.len()];
        (format!(" {spin} {}", s.refreshing), theme.of(Element::Busy))
    } else {
        match &app.status {
            Status::None => freshness(app, theme),
            Status::Info(m) => (format!(" {m}"), bar),
            Status::Error(m) => (format!(" {m}"), theme.of(Element::Error)),
        }
    };
    let total = app.list.counts.total;
    let position = if total == 0 {
        String::new()
    } else {
        format!("{}/{total} ", app.list.selected + 1)
    };
    let line = spread(
        vec![Span::styled(text, style)],
        position,
        usize::from(area.width),
    );
    frame.render_widget(Paragraph::new(line).style(bar), area);
}

/// «оновлено 5 хв тому» for the list shown, with its failures (in the error style).
fn freshness(app: &App, theme: &Theme) -> (String, ratatui::style::Style) {
    let Some(fresh) = app.freshness() else {
        return (String::new(), theme.of(Element::Status));
    };
    let lang = app.settings.lang;
    let age = lang.updated_ago(fresh.age_secs);
    if fresh.failed == 0 {
        return (format!(" {age}"), theme.of(Element::Status));
    }
    let failed = lang.failed_feeds(fresh.failed, fresh.feeds);
    (format!(" {age} · {failed}"), theme.of(Element::Error))
}

/// Over the link list only its own keys: move, choose, copy, close.
fn shown_hint(entry: &crate::keymap::Entry, view: View) -> bool {
    if view == View::Links {
        return matches!(
            entry.intent,
            Intent::Down | Intent::FollowChosen | Intent::CopyUrl | Intent::Back
        );
    }
    entry.hint && entry.scope.has(view)
}

/// The hinted actions of the view under any overlay, from the keymap: `j/k рух  Enter читати`;
/// spare ones are left out (first ones first) while the line does not fit.
pub fn hint(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let view = if app.links.popup.is_some() && app.reader.is_some() {
        View::Links
    } else if app.reader.is_some() {
        View::Article
    } else if app.pane_focus {
        View::Feeds
    } else {
        View::List
    };
    let lang = app.settings.lang;
    let mut items: Vec<(String, bool)> = help::groups(&app.settings.keymap)
        .into_iter()
        .filter(|group| shown_hint(group.first, view))
        .filter(|group| app.feed_ids.len() > 1 || group.first.intent != Intent::SwitchPane)
        .filter_map(|group| {
            let keys: Vec<String> = group
                .members
                .iter()
                .filter_map(|(_, keys)| keys.first().map(ToString::to_string))
                .collect();
            (!keys.is_empty()).then(|| {
                let text = format!(
                    "{} {}",
                    keys.join("/"),
                    lang.action(group.first.intent).hint
                );
                (text, group.first.spare)
            })
        })
        .collect();
    fit(&mut items, usize::from(area.width));
    let texts: Vec<&str> = items.iter().map(|(t, _)| t.as_str()).collect();
    let line = truncate(&format!(" {}", texts.join("  ")), usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.of(Element::Hint)), area);
}

/// Leaves out spare hints, first ones first, while the line is wider than `cols`.
fn fit(items: &mut Vec<(String, bool)>, cols: usize) {
    let line_width = |items: &[(String, bool)]| {
        items
            .iter()
            .map(|(t, _)| width(t) + 2)
            .sum::<usize>()
            .saturating_sub(1)
    };
    while line_width(items) > cols {
        let Some(at) = items.iter().position(|(_, spare)| *spare) else {
            return;
        };
        items.remove(at);
    }
}
