//! Text primitives at the bottom of the crate, shared by `feed`, `article`, `store` and the
//! TUI: sanitising untrusted text, character references, link keys and display width.
//! Pure functions over strings; must not import any other chmon module but `hash`.

pub mod entities;
pub mod link;
pub mod sanitize;
pub mod tame;
pub mod width;

pub use link::link_key;
pub use sanitize::{clean_line, clean_text, clean_text_owned};
