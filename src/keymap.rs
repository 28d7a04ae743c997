//! The keymap: the key table (`table::TABLE`) with the user's `[keys]` applied, and which
//! `Intent` a key press means in a view. Keys act on press (and on auto-repeat for movement
//! only), never on release; on the help overlay the movement keys scroll it and any other key
//! that is not bound there closes it.
//! Pure; must not touch app state or terminal types.

pub mod table;

use std::collections::BTreeMap;

pub use crate::key::{Code, Key, KeyError, KeyKind, KeyPress};
pub use table::{Entry, Scope, TABLE};

use crate::action::{Intent, View};

/// The effective keys of every table entry (index-aligned with `TABLE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    keys: Vec<Vec<Key>>,
}

/// A bad `[keys]` section; each names the action and the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("[keys]: unknown action \"{action}\" (the actions: {known})")]
    UnknownAction { action: String, known: String },
    #[error("[keys] {0}: expected a key name or a list of key names")]
    NotKeys(String),
    #[error("[keys] {action}: {source}")]
    BadKey {
        action: String,
        #[source]
        source: KeyError,
    },
    #[error("[keys]: key \"{key}\" is bound to both \"{first}\" and \"{second}\" in the {view}")]
    Conflict {
        key: String,
        first: &'static str,
        second: &'static str,
        view: &'static str,
    },
}

impl Default for Keymap {
    fn default() -> Keymap {
        let keys = TABLE
            .iter()
            .map(|e| e.keys.iter().filter_map(|k| Key::parse(k).ok()).collect())
            .collect();
        Keymap { keys }
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name → its keys, replacing the defaults) applied.
    pub fn with_overrides(
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for (action, names) in overrides {
            let Some(index) = TABLE.iter().position(|e| e.name == action) else {
                let known = TABLE.iter().map(|e| e.name).collect::<Vec<_>>().join(", ");
                return Err(KeymapError::UnknownAction {
                    action: action.clone(),
                    known,
                });
            };
            let mut keys = Vec::with_capacity(names.len());
            for name in names {
                let key = Key::parse(name).map_err(|source| KeymapError::BadKey {
                    action: action.clone(),
                    source,
                })?;
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            map.keys[index] = keys;
        }
        map.check()?;
        Ok(map)
    }

    /// Two actions on one key in one view is an error.
    fn check(&self) -> Result<(), KeymapError> {
        for view in [
            View::List,
            View::Feeds,
            View::Article,
            View::Links,
            View::Help,
        ] {
            let mut seen: BTreeMap<Key, &'static str> = BTreeMap::new();
            for (entry, keys) in self.bindings().filter(|(e, _)| e.scope.has(view)) {
                for key in keys {
                    if let Some(first) = seen.insert(*key, entry.name) {
                        return Err(KeymapError::Conflict {
                            key: key.to_string(),
                            first,
                            second: entry.name,
                            view: view_name(view),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// Every table entry with its effective keys, in table order.
    pub fn bindings(&self) -> impl Iterator<Item = (&'static Entry, &[Key])> {
        TABLE.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// The intent of `press` in `view`, or `None` when it means nothing there.
    pub fn intent(&self, view: View, press: &KeyPress) -> Option<Intent> {
        let key = Key::new(
            press.key.code,
            press.key.ctrl,
            press.key.alt,
            press.key.shift,
        );
        let found = self
            .bindings()
            .find(|(e, keys)| e.scope.has(view) && keys.contains(&key));
        // On the help overlay the movement keys scroll it.
        let moves = || {
            self.bindings()
                .find(|(e, keys)| e.repeats && e.scope.has(View::List) && keys.contains(&key))
        };
        let (intent, repeats) = match (found, view) {
            (Some((entry, _)), _) => (entry.intent, entry.repeats),
            (None, View::Help) => match moves() {
                Some((entry, _)) => (entry.intent, entry.repeats),
                None => (Intent::CloseHelp, false),
            },
            (None, View::List | View::Feeds | View::Article | View::Links) => return None,
        };
        match press.kind {
            KeyKind::Press => Some(intent),
            KeyKind::Repeat => repeats.then_some(intent),
            KeyKind::Release => None,
        }
    }
}

fn view_name(view: View) -> &'static str {
    match view {
        View::List => "list",
        View::Feeds => "feed pane",
        View::Article => "article view",
        View::Links => "link list",
        View::Help => "help",
    }
}

/// One `[keys]` value: `"key"` or `["key", …]`.
fn key_names(action: &str, value: toml::Value) -> Result<Vec<String>, KeymapError> {
    let names = match value {
        toml::Value::String(name) => Some(vec![name]),
        toml::Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                toml::Value::String(name) => Some(name),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    names.ok_or_else(|| KeymapError::NotKeys(action.to_string()))
}

/// `[keys]` as the config file has it: action = "key" or ["key", …].
impl TryFrom<BTreeMap<String, toml::Value>> for Keymap {
    type Error = KeymapError;

    fn try_from(section: BTreeMap<String, toml::Value>) -> Result<Keymap, KeymapError> {
        let mut overrides = BTreeMap::new();
        for (action, value) in section {
            let names = key_names(&action, value)?;
            overrides.insert(action, names);
        }
        Keymap::with_overrides(&overrides)
    }
}

impl<'de> serde::Deserialize<'de> for Keymap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Keymap, D::Error> {
        let section = BTreeMap::<String, toml::Value>::deserialize(d)?;
        Keymap::try_from(section).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
