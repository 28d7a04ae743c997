//! Placeholder for the TUI's strings; `Lang` is the shared contract (the TUI branch owns this file).

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Uk,
    En,
}
