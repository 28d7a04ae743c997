//! `chmon extract URL|FILE`: fetches a page (http/https only, through the feed fetcher and its
//! limits) or reads a saved one, extracts its story and prints it: the headline, a date/author
//! line, then the wrapped text and the numbered links. Owns this output only; extraction is
//! `crate::extract`'s, fetching `crate::feed::fetch`'s.

use std::io::Read;

use super::{CommandError, emit};
use crate::config::Settings;
use crate::extract::{self, Extracted, Page};
use crate::feed::fetch::{FetchOutcome, Fetcher, Validators};
use crate::text::sanitize::{clean_line, clean_text};

/// A page to extract: its bytes, Content-Type and address (none for a file).
struct Loaded {
    bytes: Vec<u8>,
    content_type: Option<String>,
    url: Option<String>,
}

/// `chmon extract URL|FILE [--width W]`.
pub fn run(settings: &Settings, source: &str, width: usize) -> Result<(), CommandError> {
    let loaded = load(settings, source)?;
    let page = Page {
        bytes: &loaded.bytes,
        content_type: loaded.content_type.as_deref(),
        url: loaded.url.as_deref(),
    };
    let story = extract::extract(&page).map_err(|e| CommandError::Extract {
        page: clean_line(source),
        cause: e.to_string(),
    })?;
    emit(&format_story(settings, &story, source, width.max(1)))
}

fn load(settings: &Settings, source: &str) -> Result<Loaded, CommandError> {
    let fail = |cause: String| CommandError::Extract {
        page: clean_line(source),
        cause,
    };
    let lower = source.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let fetcher = Fetcher::new(settings.fetch.clone())?;
        return match fetcher.get(source.trim(), &Validators::default())? {
            FetchOutcome::Body(f) => Ok(Loaded {
                bytes: f.bytes,
                content_type: f.content_type,
                url: Some(f.url),
            }),
            FetchOutcome::NotModified(_) => Err(fail("the server sent no page".into())),
        };
    }
    if lower.contains("://") {
        return Err(fail("only http and https addresses can be fetched".into()));
    }
    let file = std::fs::File::open(source).map_err(|e| fail(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(settings.fetch.max_bytes)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    Ok(Loaded {
        bytes,
        content_type: None,
        url: None,
    })
}

fn format_story(settings: &Settings, story: &Extracted, source: &str, width: usize) -> String {
    let title = story.title.as_deref().unwrap_or(source);
    let mut out = format!("{}\n", clean_line(title));
    let mut meta: Vec<String> = story
        .published
        .map(|t| settings.zone.format_date_time(t))
        .into_iter()
        .collect();
    meta.extend(story.author.as_deref().map(clean_line));
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push('\n');
    }
    out.push('\n');
    let rendered = story
        .article_text()
        .render(width, &settings.lang.article_labels());
    for line in rendered.lines {
        out.push_str(&clean_text(&line));
        out.push('\n');
    }
    out
}
