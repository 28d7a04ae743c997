//! `chmon agency`: the agency's section feeds (those its home page links to, then those chmon
//! knows) with a mark for the ones in the list; `on`/`off` NAME… add or remove them (listed
//! under the section «Чернігівський монітор»). The page is read when it can be; without it the
//! known sections are shown.

use super::feeds::config_file;
use super::{CommandError, emit};
use crate::agency::{self, GROUP, Section};
use crate::config::feeds::same_feed_key;
use crate::config::{FeedEntry, Settings};
use crate::feed::fetch::{FetchOutcome, Fetcher, Validators};
use crate::text::sanitize::clean_line;

/// `chmon agency on|off NAME…`.
#[derive(Debug, clap::Subcommand)]
pub enum Switch {
    /// Add these sections' feeds to the list
    On {
        #[arg(value_name = "NAME", required = true)]
        names: Vec<String>,
    },
    /// Remove these sections' feeds from the list
    Off {
        #[arg(value_name = "NAME", required = true)]
        names: Vec<String>,
    },
}

/// `chmon agency [on|off NAME…]`.
pub fn agency(settings: &Settings, switch: Option<Switch>) -> Result<(), CommandError> {
    let (page, note) = home_page(settings);
    let sections = agency::sections(page.as_deref());
    match switch {
        None => show(settings, &sections, note),
        Some(Switch::On { names }) => turn(settings, &sections, &names, true),
        Some(Switch::Off { names }) => turn(settings, &sections, &names, false),
    }
}

/// The home page's text, or why it could not be read.
fn home_page(settings: &Settings) -> (Option<String>, Option<String>) {
    let got = Fetcher::new(settings.fetch.clone())
        .and_then(|f| f.get(agency::SITE, &Validators::default()));
    match got {
        Ok(FetchOutcome::Body(f)) => {
            let text = crate::feed::decode::decode(&f.bytes, f.content_type.as_deref()).text;
            (Some(text), None)
        }
        Ok(FetchOutcome::NotModified(_)) => (None, None),
        Err(e) => (None, Some(clean_line(&e.to_string()))),
    }
}

fn show(
    settings: &Settings,
    sections: &[Section],
    note: Option<String>,
) -> Result<(), CommandError> {
    let listed: Vec<String> = settings
        .feeds
        .iter()
        .map(|f| same_feed_key(&f.url))
        .collect();
    let mut out = String::new();
    if let Some(note) = note {
        out.push_str(&format!(
            "(the site could not be read: {note}; the sections chmon knows)\n"
        ));
    }
    for s in sections {
        let on = if listed.contains(&same_feed_key(&s.url)) {
            "✓"
        } else {
            " "
        };
        let seen = if s.on_site {
            ""
        } else {
            "  (not seen on the page)"
        };
        out.push_str(&format!(
            "{on} {:<12} {:<14} {}{seen}\n",
            clean_line(&s.slug),
            clean_line(&s.name),
            clean_line(&s.url)
        ));
    }
    emit(&out)
}

fn turn(
    settings: &Settings,
    sections: &[Section],
    names: &[String],
    on: bool,
) -> Result<(), CommandError> {
    let mut chosen = Vec::with_capacity(names.len());
    for name in names {
        let found = sections.iter().find(|s| {
            s.slug.eq_ignore_ascii_case(name) || s.name.to_lowercase() == name.to_lowercase()
        });
        let known = sections.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>();
        chosen.push(found.ok_or_else(|| {
            CommandError::Usage(format!(
                "no agency section {:?} (the sections: {})",
                clean_line(name),
                known.join(", ")
            ))
        })?);
    }
    let mut file = config_file(settings)?;
    let mut out = String::new();
    for s in chosen {
        let changed = if on {
            file.add(&FeedEntry {
                url: s.url.clone(),
                name: Some(s.name.clone()),
                section: Some(GROUP.to_string()),
                ..FeedEntry::default()
            })?
        } else {
            file.remove(&s.url)?.is_some()
        };
        let what = match (on, changed) {
            (true, true) => "on",
            (true, false) => "already on",
            (false, true) => "off",
            (false, false) => "already off",
        };
        out.push_str(&format!("{} {what}\n", clean_line(&s.slug)));
    }
    file.save()?;
    emit(&out)
}
