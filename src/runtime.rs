//! Placeholder for the terminal loop (the TUI branch owns this file); `RunOptions`/`run` are the contract.

use std::path::PathBuf;

/// Everything the TUI needs from the command line and config.
pub struct RunOptions {
    pub cache_path: PathBuf,
    pub source: String,
    pub lang: crate::i18n::Lang,
    pub zone: crate::timefmt::Zone,
    pub measure: usize,
    pub fetch: crate::feed::fetch::FetchOptions,
    pub log_path: PathBuf,
    pub refresh_on_start: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("the terminal reader is not built yet")]
    NotBuilt,
}

pub fn run(opts: RunOptions) -> Result<(), RuntimeError> {
    let _ = opts;
    Err(RuntimeError::NotBuilt)
}
