//! A small loopback HTTP/1.1 server for tests (std::net + threads, no internet). Owned by the
//! feed helper; reused by other test files. Must not reach outside 127.0.0.1.
//!
//! API:
//! - `TestServer::start()` binds 127.0.0.1:0 and serves in background threads; dropping it
//!   shuts it down. `server.url("/path")` → `http://127.0.0.1:PORT/path`.
//! - `server.route("/path", Route::ok(bytes))` sets (or replaces) what a path answers.
//!   Routes match on the path without the query string. An unknown path answers 404.
//! - `Route::ok(body)`, `Route::status(code)`, then `.header(name, value)`,
//!   `.delay(Duration)` (sleep before answering), `.no_length()` (no Content-Length: the body
//!   ends when the connection closes), `.redirect_to(location)` (status 302 + Location),
//!   `.chunked()` (Transfer-Encoding: chunked), `.trickle(Duration)` (the body one byte at a
//!   time with this pause before each, in chunks of one byte when chunked).
//! - Conditional GET: a route with an `ETag` header answers 304 to a matching
//!   `If-None-Match`; one with `Last-Modified` answers 304 to an equal `If-Modified-Since`.
//! - `server.requests()` → every request so far (`Recorded { method, path, headers }`, path
//!   with query); `Recorded::header(name)` is case-insensitive.
//! - `server.max_in_flight()` → the most requests it was answering at one time.
//! - `fixture(name)` reads `tests/fixtures/<name>` as bytes.
//! - `chmon(data, args)` runs the binary on a data dir of the test's own; `ok(&out)` is the
//!   standard output of a run that must have succeeded (see `run.rs`).
//!
//! Every response carries `Connection: close`; one request per connection.
#![allow(dead_code)]

mod run;
#[allow(unused_imports)] // not every test crate runs the binary
pub use run::{chmon, ok};

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What a path answers.
#[derive(Debug, Clone)]
pub struct Route {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Option<Duration>,
    pub send_length: bool,
    pub chunked: bool,
    pub trickle: Option<Duration>,
}

impl Route {
    pub fn ok(body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: 200,
            headers: Vec::new(),
            body: body.into(),
            delay: None,
            send_length: true,
            chunked: false,
            trickle: None,
        }
    }

    pub fn status(code: u16) -> Route {
        Route {
            status: code,
            ..Route::ok(format!("status {code}"))
        }
    }

    pub fn redirect_to(location: &str) -> Route {
        Route::status(302).header("Location", location)
    }

    pub fn header(mut self, name: &str, value: &str) -> Route {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn delay(mut self, delay: Duration) -> Route {
        self.delay = Some(delay);
        self
    }

    pub fn no_length(mut self) -> Route {
        self.send_length = false;
        self
    }

    pub fn chunked(mut self) -> Route {
        self.chunked = true;
        self.send_length = false;
        self
    }

    pub fn trickle(mut self, pause: Duration) -> Route {
        self.trickle = Some(pause);
        self
    }

    fn get_header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    requests: Vec<Recorded>,
    in_flight: usize,
    max_in_flight: usize,
}

pub struct TestServer {
    port: u16,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl TestServer {
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local addr").port();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (Arc::clone(&state), Arc::clone(&stop));
        let acceptor = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (st, sp) = (Arc::clone(&st), Arc::clone(&sp));
                    std::thread::spawn(move || serve(stream, &st, &sp));
                }
            }
        });
        TestServer {
            port,
            state,
            stop,
            acceptor: Some(acceptor),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn route(&self, path: &str, route: Route) {
        self.lock().routes.insert(path.to_string(), route);
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().requests.clone()
    }

    pub fn max_in_flight(&self) -> usize {
        self.lock().max_in_flight
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the acceptor so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(handle) = self.acceptor.take() {
            let _ = handle.join();
        }
    }
}

/// Reads `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn serve(stream: TcpStream, state: &Mutex<State>, stop: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Some(request) = read_request(&stream) else {
        return;
    };
    let route = {
        let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
        st.requests.push(request.clone());
        st.in_flight += 1;
        st.max_in_flight = st.max_in_flight.max(st.in_flight);
        let path = request.path.split('?').next().unwrap_or_default();
        st.routes.get(path).cloned()
    };
    let route = route.unwrap_or_else(|| Route::status(404));
    if let Some(delay) = route.delay {
        let until = Instant::now() + delay;
        while Instant::now() < until && !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    let _ = write_response(stream, &route, &request, stop);
    let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
    st.in_flight = st.in_flight.saturating_sub(1);
}

fn read_request(stream: &TcpStream) -> Option<Recorded> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    Some(Recorded {
        method,
        path,
        headers,
    })
}

fn write_response(
    mut stream: TcpStream,
    route: &Route,
    request: &Recorded,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let not_modified = matches(route.get_header("ETag"), request.header("If-None-Match"))
        || matches(
            route.get_header("Last-Modified"),
            request.header("If-Modified-Since"),
        );
    let status = if not_modified && route.status == 200 {
        304
    } else {
        route.status
    };
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nConnection: close\r\n",
        reason(status)
    );
    for (name, value) in &route.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let body: &[u8] = if status == 304 || request.method == "HEAD" {
        b""
    } else {
        &route.body
    };
    if route.send_length {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    if route.chunked {
        head.push_str("Transfer-Encoding: chunked\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.flush()?;
    let piece = if route.trickle.is_some() {
        1
    } else {
        body.len().max(1)
    };
    for part in body.chunks(piece) {
        if let Some(pause) = route.trickle {
            if stop.load(Ordering::SeqCst) {
                return Ok(());
            }
            std::thread::sleep(pause);
        }
        if route.chunked {
            stream.write_all(format!("{:x}\r\n", part.len()).as_bytes())?;
            stream.write_all(part)?;
            stream.write_all(b"\r\n")?;
        } else {
            stream.write_all(part)?;
        }
        stream.flush()?;
    }
    if route.chunked {
        stream.write_all(b"0\r\n\r\n")?;
    }
    stream.flush()
}

fn matches(have: Option<&str>, asked: Option<&str>) -> bool {
    matches!((have, asked), (Some(h), Some(a)) if h == a)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
