//! The `?` help overlay, made from the keymap: the actions that work everywhere, in the list
//! and in the article view, with their keys (the user's, after `[keys]`) and what they do, in a
//! centred box over the screen. Also groups the table's entries for the hint bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};

use super::theme::Theme;
use crate::action::Intent;
use crate::app::App;
use crate::config::theme::Element;
use crate::i18n::{Lang, Strings};
use crate::key::{Code, Key};
use crate::keymap::{Entry, Keymap, Scope};
use crate::text::width::{truncate, width};

/// Entries that share one help line (`j ↓ / k ↑`), with their effective keys.
pub struct Group<'a> {
    pub first: &'static Entry,
    pub members: Vec<(&'static Entry, &'a [Key])>,
}

/// The table's entries in order, joined into help lines.
pub fn groups(keymap: &Keymap) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    for (entry, keys) in keymap.bindings() {
        match out.last_mut() {
            Some(group) if entry.joins => group.members.push((entry, keys)),
            Some(_) | None => out.push(Group {
                first: entry,
                members: vec![(entry, keys)],
            }),
        }
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, full: Rect) {
    let s = app.settings.lang.strings();
    let mut lines = help_lines(app, theme);
    let rows = usize::from(full.height.saturating_sub(2));
    if lines.len() > rows {
        // Short of rows: scrolled by the movement keys, the closing line always last.
        let close = lines.pop();
        let max = lines.len().saturating_sub(rows.saturating_sub(1));
        let skip = app.help_scroll.min(max);
        lines = lines
            .into_iter()
            .skip(skip)
            .take(rows.saturating_sub(1))
            .collect();
        lines.extend(close);
    }
    let want_w = lines.iter().map(Line::width).max().unwrap_or(0) + 4;
    let w = u16::try_from(want_w).unwrap_or(u16::MAX).min(full.width);
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(full.height);
    let area = Rect::new(
        full.x + (full.width - w) / 2,
        full.y + (full.height - h) / 2,
        w,
        h,
    );
    let inner_w = usize::from(w.saturating_sub(4));
    let lines: Vec<Line> = lines.into_iter().map(|l| fit(l, inner_w)).collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .title(s.help_title)
        .style(theme.of(Element::Help));
    // Clear whole rows: a wide character cut by the box's edge would leave half a glyph.
    frame.render_widget(Clear, Rect::new(full.x, area.y, full.width, area.height));
    frame.render_widget(
        Paragraph::new(lines).block(block.padding(Padding::horizontal(1))),
        area,
    );
}

/// Which section a scope is shown in.
fn section(scope: Scope) -> usize {
    match scope {
        Scope::Both | Scope::Always => 0,
        Scope::List | Scope::Browse => 1,
        Scope::Feeds => 2,
        Scope::Article | Scope::Links => 3,
    }
}

/// The three sections' key lines, keys aligned in one column, then the mouse and closing lines.
fn help_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.settings.lang;
    let s = lang.strings();
    let several = app.feed_ids.len() > 1;
    let rows: Vec<(usize, String, String)> = groups(&app.settings.keymap)
        .iter()
        .filter(|g| several || !is_pane_key(g.first))
        .filter_map(|g| Some((section(g.first.scope), keys_text(g, s)?, help_text(g, lang))))
        .collect();
    let key_cols = rows.iter().map(|(_, k, _)| width(k)).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (n, title) in [s.help_everywhere, s.help_list, s.help_feeds, s.help_article]
        .into_iter()
        .enumerate()
    {
        if !rows.iter().any(|(sec, _, _)| *sec == n) {
            continue;
        }
        lines.push(Line::styled(title, theme.of(Element::HelpSection)));
        for (_, keys, what) in rows.iter().filter(|(sec, _, _)| *sec == n) {
            lines.push(key_line(keys, what, key_cols, theme));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(s.help_mouse));
    lines.push(Line::raw(s.help_close));
    lines
}

/// The feed pane's own keys (left out of the help of a run with one feed).
fn is_pane_key(entry: &Entry) -> bool {
    entry.scope == Scope::Feeds || matches!(entry.intent, Intent::ToggleFeeds | Intent::SwitchPane)
}

/// `j ↓ / k ↑`; `None` when no entry of the line has a key.
fn keys_text(group: &Group, s: &Strings) -> Option<String> {
    let name = |k: &Key| match (k.code, k.ctrl || k.alt || k.shift) {
        (Code::Char(' '), false) => s.key_space.to_string(),
        _ => k.to_string(),
    };
    let parts: Vec<String> = group
        .members
        .iter()
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(_, keys)| keys.iter().map(name).collect::<Vec<_>>().join(" "))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" / "))
}

fn help_text(group: &Group, lang: Lang) -> String {
    let parts: Vec<&str> = group
        .members
        .iter()
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(e, _)| lang.action(e.intent).help)
        .collect();
    parts.join(" / ")
}

fn key_line(keys: &str, what: &str, key_cols: usize, theme: &Theme) -> Line<'static> {
    let pad = " ".repeat(key_cols.saturating_sub(width(keys)) + 2);
    Line::from(vec![
        Span::styled(keys.to_string(), theme.of(Element::HelpKey)),
        Span::raw(pad),
        Span::raw(what.to_string()),
    ])
}

/// Cuts a line's spans to `cols` columns so a narrow box never wraps or spills.
fn fit(line: Line<'static>, cols: usize) -> Line<'static> {
    let mut used = 0;
    let spans = line
        .spans
        .into_iter()
        .map(|span| {
            let text = truncate(&span.content, cols.saturating_sub(used));
            used += width(&text);
            Span::styled(text, span.style)
        })
        .collect::<Vec<_>>();
    Line::from(spans).style(line.style)
}
