//! Running the chmon binary from a test: a data dir of the test's own, no config file, Kyiv
//! time and no proxies (tests touch no internet). Owns no product code.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `chmon --data-dir DATA ARGS…` to its end.
pub fn chmon(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chmon"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "Europe/Kyiv")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .expect("run chmon")
}

/// The standard output of a run that must have succeeded.
pub fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chmon failed: {err}");
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}
