//! Turns reqwest and IO errors into a short human cause ("connection refused", "timed out
//! after 30s", "DNS lookup failed", "TLS failure: …"), walking `source()` instead of printing
//! reqwest's debug chain. Knows nothing about URLs (the caller names the URL).

use std::error::Error;
use std::io;

use super::{FetchOptions, MAX_REDIRECTS};

/// A one-line cause for a reqwest error.
pub fn describe(err: &reqwest::Error, opts: &FetchOptions) -> String {
    if err.is_redirect() {
        return format!("too many redirects (more than {MAX_REDIRECTS})");
    }
    if err.is_timeout() {
        return if err.is_connect() {
            format!("connection timed out after {:?}", opts.connect_timeout)
        } else {
            format!("timed out after {:?}", opts.timeout)
        };
    }
    if let Some(cause) = classify_chain(err) {
        return cause;
    }
    if err.is_connect() {
        return "connection failed".to_string();
    }
    if err.is_builder() {
        return format!("invalid request: {}", innermost(err));
    }
    one_line(&innermost(err))
}

/// A one-line cause for an IO error met while reading the body.
pub fn describe_io(err: &io::Error, opts: &FetchOptions) -> String {
    if let Some(inner) = err
        .get_ref()
        .and_then(|e| e.downcast_ref::<reqwest::Error>())
    {
        return describe(inner, opts);
    }
    if err.kind() == io::ErrorKind::TimedOut {
        return format!("timed out after {:?}", opts.timeout);
    }
    classify_chain(err).unwrap_or_else(|| one_line(&format!("reading the body failed: {err}")))
}

/// Looks through the chain for a cause we can name.
fn classify_chain(err: &(dyn Error + 'static)) -> Option<String> {
    let mut current: Option<&(dyn Error + 'static)> = Some(err);
    while let Some(e) = current {
        if let Some(cause) = e.downcast_ref::<io::Error>().and_then(io_cause) {
            return Some(cause);
        }
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(one_line(&format!("TLS failure: {tls}")));
        }
        let msg = e.to_string().to_ascii_lowercase();
        if msg.contains("dns error") || msg.contains("failed to lookup address") {
            return Some("DNS lookup failed".to_string());
        }
        if msg.contains("certificate") || msg.contains("tls handshake") {
            return Some(one_line(&format!("TLS failure: {e}")));
        }
        current = e.source();
    }
    None
}

fn io_cause(err: &io::Error) -> Option<String> {
    let cause = match err.kind() {
        io::ErrorKind::ConnectionRefused => "connection refused",
        io::ErrorKind::ConnectionReset => "connection reset by the server",
        io::ErrorKind::ConnectionAborted => "connection aborted",
        io::ErrorKind::UnexpectedEof => "connection closed before the end of the response",
        io::ErrorKind::TimedOut => "timed out",
        io::ErrorKind::HostUnreachable => "host unreachable",
        io::ErrorKind::NetworkUnreachable => "network unreachable",
        _ => return None,
    };
    Some(cause.to_string())
}

/// The message of the deepest error in the chain (the most specific one).
fn innermost(err: &(dyn Error + 'static)) -> String {
    let mut last: &(dyn Error + 'static) = err;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

fn one_line(s: &str) -> String {
    crate::text::sanitize::clean_line(s)
}
