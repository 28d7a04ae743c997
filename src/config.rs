//! The config file (`config.toml`), the default paths (via `directories`) and `Settings`, the
//! one struct a run is configured with (command line over file over defaults), handed to the
//! commands, the reader and the refresh. Owns where things live and what the file may say;
//! knows nothing about feeds, the cache or the screen.

use std::path::{Path, PathBuf};
use std::time::Duration;

use directories::ProjectDirs;
use serde::Deserialize;

use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::timefmt::Zone;

pub mod edit;
pub mod feeds;
pub mod theme;

pub use feeds::{FeedEntry, FeedList, FeedSpec, FullText, Retention};
use theme::ThemeConfig;

/// The agency's site: the default source; its feed is discovered from the page.
pub const DEFAULT_FEED: &str = "https://monitor.cn.ua/";
/// The cache file's name inside the data directory.
pub const CACHE_FILE: &str = "cache.sqlite3";
/// The TUI's log file's name inside the data directory.
pub const LOG_FILE: &str = "chmon.log";

/// Limits of one HTTP request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// The whole request, body included.
    pub timeout: Duration,
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 50 * 1024 * 1024,
        }
    }
}

/// What a run works with, decided once from the command line, the config file and defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The feeds of this run, in the config's order: the `[[feed]]` list, else the agency's
    /// site; or the one `--feed` source (then `one_off`).
    pub feeds: Vec<FeedSpec>,
    /// True when `feeds` is a single source given for this run only (`--feed`, the demo):
    /// it is not the feed list, so there is no "All" of the list to show.
    pub one_off: bool,
    /// Where the cache and the log live.
    pub data_dir: PathBuf,
    pub lang: Lang,
    /// Where times are shown.
    pub zone: Zone,
    /// The widest the article body is wrapped, in columns.
    pub reading_width: usize,
    pub fetch: FetchOptions,
    /// The key table with the config's `[keys]` applied.
    pub keymap: Keymap,
    /// The config's `[theme]` (with `NO_COLOR` applied by the caller).
    pub theme: ThemeConfig,
    /// The config file the feed list is read from and written to (`chmon add` …).
    pub config_file: Option<PathBuf>,
}

impl Settings {
    /// Defaults for the one source `source` with data in `data_dir` (tests and the demo start
    /// from here).
    pub fn new(source: impl Into<String>, data_dir: impl Into<PathBuf>) -> Settings {
        let mut settings = Settings::with_feeds(vec![FeedSpec::new(source)], data_dir);
        settings.one_off = true;
        settings
    }

    /// Defaults for a feed list with data in `data_dir`.
    pub fn with_feeds(feeds: Vec<FeedSpec>, data_dir: impl Into<PathBuf>) -> Settings {
        Settings {
            feeds,
            one_off: false,
            data_dir: data_dir.into(),
            lang: Lang::default(),
            zone: Zone::kyiv(),
            reading_width: DEFAULT_READING_WIDTH,
            fetch: FetchOptions::default(),
            keymap: Keymap::default(),
            theme: ThemeConfig::default(),
            config_file: None,
        }
    }

    /// Applies the file's values (the command line is applied over them by the caller).
    pub fn apply(&mut self, config: &Config) {
        if let Some(lang) = config.lang {
            self.lang = lang;
        }
        if let Some(width) = config.reading_width {
            self.reading_width = width.clamp(20, 400);
        }
        if let Some(secs) = config.timeout_secs {
            self.fetch.timeout = Duration::from_secs(secs.max(1));
        }
        if let Some(mb) = config.max_feed_mb {
            self.fetch.max_bytes = mb.saturating_mul(1024 * 1024);
        }
        if let Some(keymap) = &config.keys {
            self.keymap = keymap.clone();
        }
        if let Some(theme) = &config.theme {
            self.theme = theme.clone();
        }
    }

    /// The first feed's source (the only one of a one-off run).
    pub fn first_source(&self) -> &str {
        self.feeds.first().map_or(DEFAULT_FEED, |f| f.url.as_str())
    }

    /// The SQLite cache file.
    pub fn cache_path(&self) -> PathBuf {
        self.data_dir.join(CACHE_FILE)
    }

    /// The reader's log file.
    pub fn log_path(&self) -> PathBuf {
        self.data_dir.join(LOG_FILE)
    }
}

/// The article body's default measure.
pub const DEFAULT_READING_WIDTH: usize = 80;

/// Everything `config.toml` may set; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `feed = "URL"` (one source) or the `[[feed]]` list.
    pub feed: Option<FeedList>,
    /// The timer's interval for every feed that does not set its own (default 30).
    pub refresh_minutes: Option<u64>,
    /// Articles older than this many days may go (default: kept for ever).
    pub keep_days: Option<u32>,
    /// At most this many articles per feed are kept (default: all).
    pub max_articles: Option<u32>,
    pub lang: Option<Lang>,
    /// IANA zone for displayed times, e.g. "Europe/Kyiv". Default: `TZ`, then the system zone.
    pub timezone: Option<String>,
    /// The widest the article body is wrapped, in columns (default 80).
    pub reading_width: Option<usize>,
    /// Total time allowed for one HTTP request, in seconds (default 30).
    pub timeout_secs: Option<u64>,
    /// Largest feed body accepted, in megabytes (default 50).
    pub max_feed_mb: Option<u64>,
    /// `[keys]`: action = "key" or ["key", …], checked for unknown actions and conflicts.
    pub keys: Option<Keymap>,
    /// `[theme]`: a preset and per-element styles.
    pub theme: Option<ThemeConfig>,
    /// The feed list as [`load`] checked it (so it is resolved once per run).
    #[serde(skip)]
    checked_feeds: Option<Vec<FeedSpec>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("config {path}: {message}")]
    Parse { path: String, message: String },
    #[error("no home directory: pass --data-dir")]
    NoHome,
    /// A relative `HOME` would put the cache wherever chmon happens to be started.
    #[error("HOME is a relative path ({0}): set it to an absolute path, or pass --data-dir")]
    RelativeHome(String),
    #[error("the data directory {0} is a file, not a directory")]
    DataDirIsAFile(String),
    #[error("config {0}: no such file")]
    NoSuchFile(String),
    #[error("unknown time zone {value:?} ({from}): use an IANA name such as Europe/Kyiv")]
    BadZone { value: String, from: String },
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("ua.cn", "monitor", "chmon")
}

/// `$XDG_DATA_HOME/chmon` (Linux), the platform's data directory elsewhere.
pub fn default_data_dir() -> Result<PathBuf, ConfigError> {
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && Path::new(&home).is_relative()
    {
        let home = crate::text::clean_line(&home.to_string_lossy());
        return Err(ConfigError::RelativeHome(home));
    }
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(ConfigError::NoHome)
}

/// `$XDG_CONFIG_HOME/chmon/config.toml` (Linux), the platform's config directory elsewhere.
pub fn default_config_file() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Reads a config file; a missing file is an empty config, a bad one an error.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.display().to_string(),
                source,
            });
        }
    };
    parse(&text, &path.display().to_string())
}

/// Parses and checks a config file's text (`path` only names it in errors). Pure: no IO.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let mut config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
        path: path.to_string(),
        message: where_in(text, &e),
    })?;
    let feeds = config.feed_specs().map_err(|e| ConfigError::Parse {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    config.checked_feeds = Some(feeds);
    Ok(config)
}

/// A TOML error as "line N, key K: message" (the key when the error points into a `key = …`
/// line), so that a type error names what is wrong where.
fn where_in(text: &str, e: &toml::de::Error) -> String {
    let message = e.message();
    let Some(span) = e.span() else {
        return message.to_string();
    };
    let start = span.start.min(text.len());
    let before = text.get(..start).unwrap_or_default();
    let line_no = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(line_start..).unwrap_or_default().lines().next();
    let key = line
        .and_then(|l| l.split_once('='))
        .map(|(k, _)| crate::text::clean_line(k.trim().trim_matches('"')))
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    match key {
        Some(key) => format!("line {line_no}, {key}: {message}"),
        None => format!("line {line_no}: {message}"),
    }
}

impl Config {
    /// The file's feed list with its defaults applied; the agency's site when it has none.
    pub fn feed_specs(&self) -> Result<Vec<FeedSpec>, feeds::FeedListError> {
        if let Some(feeds) = &self.checked_feeds {
            return Ok(feeds.clone());
        }
        let entries = match &self.feed {
            Some(list) => list.entries(),
            None => Vec::new(),
        };
        let entries = if entries.is_empty() {
            FeedList::One(DEFAULT_FEED.to_string()).entries()
        } else {
            entries
        };
        feeds::resolve(&entries, self.feed_defaults())
    }

    /// What entries fall back on.
    pub fn feed_defaults(&self) -> feeds::Defaults {
        feeds::Defaults {
            refresh_minutes: self.refresh_minutes,
            retention: Retention {
                keep_days: self.keep_days,
                max_articles: self.max_articles,
            },
        }
    }
}

#[cfg(test)]
mod tests;
