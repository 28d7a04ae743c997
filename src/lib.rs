//! chmon library root: declares the modules; owns no logic. `main.rs` is a thin wrapper over `cli`.

// Long test functions are fine; outside tests clippy denies functions over 40 lines.
#![cfg_attr(test, allow(clippy::too_many_lines))]

pub mod action;
pub mod agency;
pub mod app;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod extract;
pub mod feed;
pub mod fulltext;
pub mod hash;
pub mod i18n;
pub mod key;
pub mod keymap;
pub mod model;
pub mod opml;
pub mod refresh;
pub mod refresh_pool;
pub mod runtime;
pub mod schedule;
pub mod search;
pub mod store;
pub mod text;
pub mod timefmt;
pub mod ui;
