//! chmon library root: declares the modules; owns no logic. `main.rs` is a thin wrapper over `cli`.

pub mod action;
pub mod app;
pub mod article;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod extract;
pub mod feed;
pub mod hash;
pub mod i18n;
pub mod keymap;
pub mod model;
pub mod refresh;
pub mod runtime;
pub mod sanitize;
pub mod store;
pub mod timefmt;
pub mod ui;
