//! Opening a link in the browser with no shell: `$BROWSER` (one program, never split) or the
//! platform opener, detached, stdio null. The app has already checked the scheme.

use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;

use super::Msg;
use crate::action::Action;

fn opener() -> std::ffi::OsString {
    match std::env::var_os("BROWSER") {
        Some(browser) if !browser.is_empty() => browser,
        _ if cfg!(target_os = "macos") => "open".into(),
        _ => "xdg-open".into(),
    }
}

/// Spawns the opener; a start failure or a failing exit comes back as `OpenLinkFailed`.
pub fn open(url: &str, tx: &Sender<Msg>) {
    let program = opener();
    let spawned = Command::new(&program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let name = program.to_string_lossy().into_owned();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            let _ = tx.send(Msg::Action(Action::OpenLinkFailed(format!("{name}: {e}"))));
            return;
        }
    };
    let _ = tx.send(Msg::Action(Action::LinkOpened));
    let tx = tx.clone();
    // Reap the child so it never lingers as a zombie; report a failing exit.
    let _ = std::thread::Builder::new()
        .name("opener".into())
        .spawn(move || {
            if let Ok(status) = child.wait()
                && !status.success()
            {
                let msg = format!("{name}: {status}");
                let _ = tx.send(Msg::Action(Action::OpenLinkFailed(msg)));
            }
        });
}
