//! Errors in the reader's words (issue 7, items 12 and 17): each cause said once, a data dir
//! that is a file, a redirect to `file:`, bad time zones, a missing `--config`, `--width 0`,
//! one canonical feed for a local file however it is written. Owns no product code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{Route, TestServer, fixture};

fn chmon_env(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chmon"));
    cmd.arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "Europe/Kyiv")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run chmon")
}

fn chmon(data: &Path, args: &[&str]) -> Output {
    chmon_env(data, args, &[])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// No part of the line (split at ": ") is said twice.
fn assert_said_once(line: &str) {
    let parts: Vec<&str> = line.trim().split(": ").collect();
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            assert!(
                a.len() < 8 || !b.contains(a),
                "{a:?} is said twice in {line:?}"
            );
        }
    }
}

#[test]
fn a_data_dir_that_is_a_file_says_exactly_that() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    std::fs::write(&file, "x").unwrap();
    for args in [&["list"][..], &["refresh"]] {
        let config_home = dir.path().join("no-config");
        let out = chmon_env(
            &file,
            args,
            &[("XDG_CONFIG_HOME", config_home.to_str().unwrap())],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "the data directory {} is a file, not a directory",
                file.display()
            )),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn a_redirect_to_a_file_url_is_refused_and_says_why() {
    let server = TestServer::start();
    server.route("/feed.xml", Route::redirect_to("file:///etc/passwd"));
    let dir = tempfile::tempdir().unwrap();
    let out = chmon(dir.path(), &["--feed", &server.url("/feed.xml"), "refresh"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("redirect"), "{err}");
    assert!(err.contains("file:"), "{err}");
    assert!(err.contains("refused"), "{err}");
    assert_said_once(&err);
}

#[test]
fn store_errors_say_their_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    // A directory where the cache file should be: SQLite cannot open it.
    std::fs::create_dir(data.join("cache.sqlite3")).unwrap();
    let out = chmon(&data, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cache.sqlite3"), "{err}");
    assert_said_once(&err);
}

#[test]
fn bad_time_zones_are_named_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = chmon(dir.path(), &["--demo", "--timezone", "Kyiv", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("\"Kyiv\""), "{}", stderr(&out));
    assert!(stderr(&out).contains("--timezone"), "{}", stderr(&out));
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "timezone = \"Mars/Olympus\"\n").unwrap();
    let out = chmon(
        dir.path(),
        &["--demo", "--config", config.to_str().unwrap(), "list"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"Mars/Olympus\""),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("c.toml"), "{}", stderr(&out));
    let ok = chmon(dir.path(), &["--demo", "--timezone", "Europe/Kiev", "list"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[test]
fn a_bogus_tz_falls_back_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = chmon_env(
        dir.path(),
        &["--demo", "list"],
        &[("TZ", "Nowhere/Atlantis")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Nowhere/Atlantis"),
        "{}",
        stderr(&out)
    );
    let posix = chmon_env(dir.path(), &["--demo", "list"], &[("TZ", "EET-2EEST")]);
    assert!(posix.status.success());
    assert_eq!(stderr(&posix), "");
}

#[test]
fn a_missing_config_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let out = chmon(dir.path(), &["--config", missing.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nope.toml: no such file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_width_0_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = chmon(dir.path(), &["--demo", "show", "1", "--width", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 to 1000"), "{}", stderr(&out));
}

#[test]
fn config_type_errors_name_the_key_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "lang = \"uk\"\n\nreading_width = \"wide\"\n").unwrap();
    let out = chmon(dir.path(), &["--config", config.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("reading_width"), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn a_local_feed_written_four_ways_is_one_feed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("f.xml"),
        fixture("cli/agency-1251-nodecl.xml"),
    )
    .unwrap();
    let abs = std::fs::canonicalize(dir.path().join("f.xml")).unwrap();
    let url = url::Url::from_file_path(&abs).unwrap().to_string();
    let data = dir.path().join("data");
    let abs = abs.to_str().unwrap().to_string();
    for spelling in ["f.xml", "./f.xml", &abs, &url] {
        let out = Command::new(env!("CARGO_BIN_EXE_chmon"))
            .current_dir(dir.path())
            .arg("--data-dir")
            .arg(&data)
            .args(["--feed", spelling, "refresh"])
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{spelling}: {}", stderr(&out));
    }
    let db = rusqlite::Connection::open(data.join("cache.sqlite3")).unwrap();
    let sources: Vec<String> = db
        .prepare("SELECT source FROM feeds")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(sources.len(), 1, "{sources:?}");
}
