//! Command-line arguments (clap) and how they combine with the config file into `Settings`;
//! dispatches to `commands` or the TUI. Owns no feed, store or drawing logic.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::agency::Switch;
use crate::commands::{self, CommandError};
use crate::config::{self, Config, ConfigError, Settings};
use crate::i18n::Lang;
use crate::runtime::{self, RuntimeError};
use crate::timefmt::Zone;

const AFTER_HELP: &str = "\
With no command, chmon opens the reader (press ? inside for the keys).

Files:
  cache     <data dir>/cache.sqlite3 (SQLite; the archive of every article seen)
  log       <data dir>/chmon.log (the reader's log; nothing is printed over the screen)
  config    $XDG_CONFIG_HOME/chmon/config.toml, or --config FILE; keys: feed or [[feed]]
            (the feed list, which add/remove/import change), lang, timezone,
            reading_width, timeout_secs, max_feed_mb, refresh_minutes, keep_days,
            max_articles, [keys], [theme]
  data dir  $XDG_DATA_HOME/chmon (usually ~/.local/share/chmon), or --data-dir DIR

Times are shown in the config's timezone, else $TZ, else the system zone.
Exit status: 0 on success, 1 with a one-line error on stderr otherwise.";

/// chmon — a terminal news reader for «Чернігівський монітор» and any RSS/Atom/JSON feed.
#[derive(Debug, Parser)]
#[command(name = "chmon", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Read only this feed URL, web-site URL (its feed is discovered) or local file, for this run
    /// [default: the feed list of the config, else https://monitor.cn.ua/]
    #[arg(long, value_name = "URL|PATH", global = true)]
    pub feed: Option<String>,
    /// Where the cache and log live [default: $XDG_DATA_HOME/chmon]
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Config file [default: $XDG_CONFIG_HOME/chmon/config.toml]
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Interface language of the reader
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Time zone for displayed times, e.g. Europe/Kyiv [default: $TZ, else the system zone]
    #[arg(long, value_name = "ZONE", global = true)]
    pub timezone: Option<String>,
    /// Use the built-in offline demo feed with a temporary data directory
    #[arg(long, global = true)]
    pub demo: bool,
    /// Open the reader without refreshing on its own (at start or on the timer); r still does
    #[arg(long)]
    pub no_refresh: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch every feed (in parallel) and store them; one line per feed: "N new, M updated, T total"
    Refresh,
    /// Cached headlines, newest first: "YYYY-MM-DD HH:MM  Title"
    List {
        /// At most N headlines
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// One JSON array: id, title, link, published (RFC 3339, UTC), date_source, author, category, read
        #[arg(long)]
        json: bool,
        /// Only the starred articles (of the whole cache)
        #[arg(long)]
        starred: bool,
    },
    /// Cached articles a search finds (title and text; Ukrainian words in any form), newest first
    Search {
        /// Words (all of them), "a phrase", -word to leave out
        #[arg(value_name = "QUERY")]
        query: String,
        /// At most N headlines
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// One JSON array, as `list --json` prints it
        #[arg(long)]
        json: bool,
        /// Only the unread articles found
        #[arg(long)]
        unread: bool,
        /// Only the starred articles found (of the whole cache)
        #[arg(long)]
        starred: bool,
    },
    /// One article as wrapped text, by the id from `list --json` or the position N in `list`
    Show {
        /// The `id` from `list --json`, or the 1-based position in `list`
        #[arg(value_name = "ID|N")]
        id: String,
        /// Wrap at W columns (1 to 1000)
        #[arg(long, value_name = "W", default_value_t = 80, value_parser = parse_width)]
        width: usize,
        /// Fetch the article's web page now, store its full text and print it
        #[arg(long)]
        full: bool,
    },
    /// The story of any web page (fetched, or a saved file): title, text, numbered links
    Extract {
        /// An http(s) address, or a saved HTML file
        #[arg(value_name = "URL|FILE")]
        source: String,
        /// Wrap at W columns (1 to 1000)
        #[arg(long, value_name = "W", default_value_t = 80, value_parser = parse_width)]
        width: usize,
    },
    /// The feed list: url, name, section, last refresh, last error, counts
    Feeds {
        /// One JSON array
        #[arg(long)]
        json: bool,
    },
    /// Add a feed to the list in the config file (a site's page: its feed is found on it)
    Add {
        #[arg(value_name = "URL")]
        url: String,
        /// The name to show instead of the feed's title
        #[arg(long, value_name = "N")]
        name: Option<String>,
        /// The section it is listed under
        #[arg(long, value_name = "S")]
        section: Option<String>,
    },
    /// Remove a feed from the list (its articles that no other feed has leave the cache)
    Remove {
        #[arg(value_name = "URL")]
        url: String,
    },
    /// Add the feeds of an OPML file to the list (http and https only; the others are named)
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// The feed list as OPML 2.0 on stdout
    Export,
    /// The agency's sections and whether each is in the list; `on`/`off` NAME… switch them
    Agency {
        #[command(subcommand)]
        switch: Option<Switch>,
    },
    /// Apply keep_days/max_articles to the whole cache and compact the file
    Vacuum,
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    #[error("demo: {0}")]
    Demo(std::io::Error),
}

/// `--width`: 1 to 1000 columns (0 would print one character a line).
fn parse_width(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(w @ 1..=1000) => Ok(w),
        _ => Err(format!("{s:?} is not a width from 1 to 1000 columns")),
    }
}

/// An error and its causes as one sanitised line, each cause said once: a cause whose text
/// (or whose last part, after its own prefix such as "Error code 8") the line already holds
/// is left out.
pub fn error_line(err: &(dyn std::error::Error + 'static)) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        let last = text.rsplit(": ").next().unwrap_or(&text);
        if !text.is_empty() && !line.contains(&text) && !line.contains(last) {
            line.push_str(": ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    crate::text::clean_line(&line)
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let (settings, _demo_dir) = settings(&cli)?;
    if cli.demo {
        commands::refresh_quietly(&settings)?;
    }
    match cli.command {
        Some(Command::Refresh) => commands::refresh(&settings)?,
        Some(Command::List {
            limit,
            json,
            starred,
        }) => commands::list(&settings, limit, json, starred)?,
        Some(Command::Search {
            query,
            limit,
            json,
            unread,
            starred,
        }) => {
            let filters = commands::Filters { unread, starred };
            commands::search(&settings, &query, limit, json, filters)?
        }
        Some(Command::Show { id, width, full }) => commands::show(&settings, &id, width, full)?,
        Some(Command::Extract { source, width }) => {
            commands::extract::run(&settings, &source, width)?
        }
        Some(command) => feed_list(&settings, command)?,
        None => runtime::run(&settings, !cli.no_refresh && !cli.demo)?,
    }
    Ok(())
}

/// The commands that read or change the feed list.
fn feed_list(settings: &Settings, command: Command) -> Result<(), CliError> {
    use commands::feeds;
    match command {
        Command::Feeds { json } => feeds::feeds(settings, json)?,
        Command::Add { url, name, section } => feeds::add(settings, &url, name, section)?,
        Command::Remove { url } => feeds::remove(settings, &url)?,
        Command::Import { file } => feeds::import(settings, &file)?,
        Command::Export => feeds::export(settings)?,
        Command::Agency { switch } => commands::agency::agency(settings, switch)?,
        Command::Vacuum => feeds::vacuum(settings)?,
        Command::Refresh
        | Command::List { .. }
        | Command::Search { .. }
        | Command::Show { .. }
        | Command::Extract { .. } => {}
    }
    Ok(())
}

/// The command line over the config file over the defaults; with `--demo`, also the
/// temporary data directory, which lives as long as the returned handle.
fn settings(cli: &Cli) -> Result<(Settings, Option<tempfile::TempDir>), CliError> {
    if let Some(path) = &cli.config
        && !path.exists()
    {
        return Err(ConfigError::NoSuchFile(path.display().to_string()).into());
    }
    let config_file = cli.config.clone().or_else(config::default_config_file);
    let config = match &config_file {
        Some(path) => config::load(path)?,
        None => Config::default(),
    };
    let (mut settings, demo_dir) = feeds(cli, &config, config_file.as_deref())?;
    settings.config_file = config_file;
    settings.apply(&config);
    if let Some(lang) = cli.lang {
        settings.lang = lang;
    }
    if config::theme::no_color(std::env::var_os("NO_COLOR").as_deref()) {
        settings.theme = settings.theme.without_colour();
    }
    settings.zone = zone(cli, &config, settings.config_file.as_deref())?;
    Ok((settings, demo_dir))
}

/// `--timezone`, else the config's `timezone` (either must name a zone: an error names the
/// value), else `TZ` (a bogus one falls back to the system zone with a warning).
fn zone(cli: &Cli, config: &Config, file: Option<&std::path::Path>) -> Result<Zone, ConfigError> {
    let given = match (&cli.timezone, &config.timezone) {
        (Some(value), _) => Some((value, "--timezone".to_string())),
        (None, Some(value)) => Some((
            value,
            format!(
                "timezone in {}",
                file.map(|f| f.display().to_string()).unwrap_or_default()
            ),
        )),
        (None, None) => None,
    };
    if let Some((value, from)) = given {
        return Zone::named(value).ok_or_else(|| ConfigError::BadZone {
            value: crate::text::clean_line(value),
            from,
        });
    }
    let (zone, warning) = Zone::from_env(std::env::var("TZ").ok().as_deref());
    if let Some(warning) = warning {
        eprintln!("chmon: {}", crate::text::clean_line(&warning));
    }
    Ok(zone)
}

/// The run's feeds and data directory: the demo's, the one `--feed`, or the config's list.
fn feeds(
    cli: &Cli,
    config: &Config,
    config_file: Option<&std::path::Path>,
) -> Result<(Settings, Option<tempfile::TempDir>), CliError> {
    let (one_off, data_dir, demo_dir) = if cli.demo {
        let (dir, feed) = crate::demo::prepare().map_err(CliError::Demo)?;
        let data_dir = dir.path().to_path_buf();
        (Some(feed.display().to_string()), data_dir, Some(dir))
    } else {
        let data_dir = match cli.data_dir.clone() {
            Some(dir) => dir,
            None => config::default_data_dir()?,
        };
        if data_dir.exists() && !data_dir.is_dir() {
            let dir = crate::text::clean_line(&data_dir.display().to_string());
            return Err(ConfigError::DataDirIsAFile(dir).into());
        }
        (cli.feed.clone(), data_dir, None)
    };
    let bad = |e: config::feeds::FeedListError| ConfigError::Parse {
        path: config_file.map_or_else(String::new, |p| p.display().to_string()),
        message: e.to_string(),
    };
    let settings = match one_off {
        Some(url) => {
            // The demo is offline: its articles' pages are not fetched.
            let full_text = if cli.demo {
                config::FullText::Never
            } else {
                config::FullText::Auto
            };
            let entry = config::FeedEntry {
                url,
                full_text,
                ..config::FeedEntry::default()
            };
            let specs = config::feeds::resolve(&[entry], config.feed_defaults()).map_err(bad)?;
            let mut settings = Settings::with_feeds(specs, data_dir);
            settings.one_off = true;
            settings
        }
        None => Settings::with_feeds(config.feed_specs().map_err(bad)?, data_dir),
    };
    Ok((settings, demo_dir))
}
