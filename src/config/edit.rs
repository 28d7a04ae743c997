//! Changing the feed list in the config file for `chmon add`, `remove`, `import` and `agency`:
//! `[[feed]]` tables are added or removed with `toml_edit`, so the rest of the file (comments,
//! order, other keys) stays as the user wrote it. `feed = "URL"`, or no list at all (which
//! means the agency's site), first becomes a `[[feed]]` of its own. The result is checked like
//! any config before it replaces the file (atomically: a temporary file renamed over it).

use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::feeds::{FeedEntry, FullText, same_feed_key};
use super::{Config, ConfigError, DEFAULT_FEED};

/// The config file, ready to be changed.
pub struct ConfigFile {
    path: std::path::PathBuf,
    doc: DocumentMut,
}

impl ConfigFile {
    /// Reads the file (a missing one is empty).
    pub fn open(path: &Path) -> Result<ConfigFile, ConfigError> {
        let fail = |message: String| ConfigError::Parse {
            path: path.display().to_string(),
            message,
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        let doc = text
            .parse::<DocumentMut>()
            .map_err(|e| fail(e.message().to_string()))?;
        Ok(ConfigFile {
            path: path.to_path_buf(),
            doc,
        })
    }

    /// The feed entries as the file has them now (none: the agency's site).
    pub fn entries(&self) -> Result<Vec<FeedEntry>, ConfigError> {
        Ok(self.config()?.feed_specs_entries())
    }

    /// Adds `entry` at the end; false (and nothing changes) when the list has that feed.
    pub fn add(&mut self, entry: &FeedEntry) -> Result<bool, ConfigError> {
        let list = self.entries()?;
        if list
            .iter()
            .any(|e| same_feed_key(&e.url) == same_feed_key(&entry.url))
        {
            return Ok(false);
        }
        let tables = self.tables(&list)?;
        tables.push(table(entry));
        Ok(true)
    }

    /// Adds every entry (an imported list): when the file has no list yet, the imported one
    /// takes the place of the default (the agency's site) instead of joining it. Returns how
    /// many were added and how many were listed already.
    pub fn add_all(&mut self, entries: &[FeedEntry]) -> Result<(usize, usize), ConfigError> {
        let has_list = self.config()?.feed.is_some_and(|l| !l.entries().is_empty());
        if !has_list && !entries.is_empty() {
            self.doc.remove("feed");
            self.doc
                .insert("feed", Item::ArrayOfTables(ArrayOfTables::new()));
        }
        let (mut added, mut known) = (0, 0);
        for entry in entries {
            let list = if self.doc.get("feed").is_some_and(Item::is_array_of_tables) {
                self.array_entries()?
            } else {
                self.entries()?
            };
            if list
                .iter()
                .any(|e| same_feed_key(&e.url) == same_feed_key(&entry.url))
            {
                known += 1;
                continue;
            }
            self.tables(&list)?.push(table(entry));
            added += 1;
        }
        Ok((added, known))
    }

    /// The `[[feed]]` tables as entries, even when there are none (no default).
    fn array_entries(&self) -> Result<Vec<FeedEntry>, ConfigError> {
        Ok(self.config()?.feed.map(|l| l.entries()).unwrap_or_default())
    }

    /// Removes the feed (any spelling of its URL); false when the list does not have it.
    pub fn remove(&mut self, url: &str) -> Result<Option<FeedEntry>, ConfigError> {
        let list = self.entries()?;
        let Some(at) = list
            .iter()
            .position(|e| same_feed_key(&e.url) == same_feed_key(url))
        else {
            return Ok(None);
        };
        let tables = self.tables(&list)?;
        tables.remove(at);
        Ok(list.into_iter().nth(at))
    }

    /// Checks the changed file as a config and writes it in place of the old one.
    pub fn save(&self) -> Result<(), ConfigError> {
        self.config()?;
        let text = self.doc.to_string();
        let io = |source| ConfigError::Read {
            path: self.path.display().to_string(),
            source,
        };
        let dir = match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(io)?;
        tmp.persist(&self.path).map_err(|e| io(e.error))?;
        Ok(())
    }

    fn config(&self) -> Result<Config, ConfigError> {
        let fail = |message: String| ConfigError::Parse {
            path: self.path.display().to_string(),
            message,
        };
        let config: Config =
            toml::from_str(&self.doc.to_string()).map_err(|e| fail(e.message().to_string()))?;
        config.feed_specs().map_err(|e| fail(e.to_string()))?;
        Ok(config)
    }

    /// The `[[feed]]` array, made from `list` when the file has none yet.
    fn tables(&mut self, list: &[FeedEntry]) -> Result<&mut ArrayOfTables, ConfigError> {
        if !self.doc.get("feed").is_some_and(Item::is_array_of_tables) {
            let mut tables = ArrayOfTables::new();
            for entry in list {
                tables.push(table(entry));
            }
            self.doc.remove("feed");
            self.doc.insert("feed", Item::ArrayOfTables(tables));
        }
        self.doc
            .get_mut("feed")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| ConfigError::Parse {
                path: self.path.display().to_string(),
                message: "feed: not a list of [[feed]] tables".into(),
            })
    }
}

impl Config {
    /// The entries the file means (none: the agency's site), before defaults.
    fn feed_specs_entries(&self) -> Vec<FeedEntry> {
        let entries = self.feed.as_ref().map(|l| l.entries()).unwrap_or_default();
        if entries.is_empty() {
            return vec![FeedEntry {
                url: DEFAULT_FEED.to_string(),
                ..FeedEntry::default()
            }];
        }
        entries
    }
}

/// A `[[feed]]` table with only what the entry says.
fn table(entry: &FeedEntry) -> Table {
    let mut t = Table::new();
    t.insert("url", value(entry.url.as_str()));
    if let Some(name) = &entry.name {
        t.insert("name", value(name.as_str()));
    }
    if let Some(section) = &entry.section {
        t.insert("section", value(section.as_str()));
    }
    if entry.full_text != FullText::Auto {
        t.insert("full_text", value(entry.full_text.name()));
    }
    let number = |n: u64| value(i64::try_from(n).unwrap_or(i64::MAX));
    if let Some(n) = entry.refresh_minutes {
        t.insert("refresh_minutes", number(n));
    }
    if let Some(n) = entry.keep_days {
        t.insert("keep_days", number(n.into()));
    }
    if let Some(n) = entry.max_articles {
        t.insert("max_articles", number(n.into()));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_keeps_comments_and_turns_the_default_into_an_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "# мій конфіг\nlang = \"en\" # English\n\n[keys]\nquit = \"x\"\n",
        )
        .unwrap();
        let mut file = ConfigFile::open(&path).unwrap();
        let entry = FeedEntry {
            url: "https://example.org/rss".into(),
            name: Some("Приклад".into()),
            section: Some("Інше".into()),
            ..FeedEntry::default()
        };
        assert!(file.add(&entry).unwrap());
        assert!(!file.add(&entry).unwrap(), "a feed is listed once");
        file.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# мій конфіг\nlang = \"en\" # English\n"),
            "{text}"
        );
        assert!(text.contains("quit = \"x\""), "{text}");
        let urls: Vec<String> = ConfigFile::open(&path)
            .unwrap()
            .entries()
            .unwrap()
            .into_iter()
            .map(|e| e.url)
            .collect();
        assert_eq!(urls, [DEFAULT_FEED, "https://example.org/rss"]);
    }

    #[test]
    fn removing_by_any_spelling_and_a_single_feed_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "feed = \"https://a.ua/rss\"\n").unwrap();
        let mut file = ConfigFile::open(&path).unwrap();
        let entry = FeedEntry {
            url: "https://b.ua/rss".into(),
            ..FeedEntry::default()
        };
        file.add(&entry).unwrap();
        let gone = file.remove("http://www.a.ua/rss/").unwrap().unwrap();
        assert_eq!(gone.url, "https://a.ua/rss");
        assert!(file.remove("https://c.ua/").unwrap().is_none());
        file.save().unwrap();
        let entries = ConfigFile::open(&path).unwrap().entries().unwrap();
        assert_eq!(entries, vec![entry]);
    }
}
