#!/usr/bin/env python3
"""Loopback HTTP server for the benchmark's feeds. Owns serving only: never generates or measures.

Usage: serve.py DIR --port-file FILE [--charset windows-1251]

Serves DIR/<name> at http://127.0.0.1:<port>/<name> (port chosen by the OS, written to FILE once
listening). Two modes, switched at run time by GET /_mode/etag or /_mode/plain:
  etag  (default) ETag and Last-Modified on every 200; If-None-Match (or, without it,
        If-Modified-Since) that matches gets 304 Not Modified with no body;
  plain every request gets 200 and the whole unchanged body, no validators (a server that
        ignores conditional requests).
GET /_log returns one "STATUS PATH" line per feed request served so far (the harness checks
that a 304 row really got 304s); GET /_log/clear empties it.
"""

import argparse
import hashlib
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Fri, 20 Nov 2026 16:05:00 GMT"


class State:
    def __init__(self, root, charset):
        self.root = root
        self.charset = charset
        self.mode = "etag"
        self.files = {}
        self.log = []
        self.lock = threading.Lock()

    def file(self, name):
        """(bytes, etag) of a served file, read once and kept in memory; None if absent."""
        with self.lock:
            if name not in self.files:
                path = os.path.join(self.root, name)
                if "/" in name or name.startswith(".") or not os.path.isfile(path):
                    return None
                with open(path, "rb") as f:
                    data = f.read()
                self.files[name] = (data, '"%s"' % hashlib.sha1(data).hexdigest()[:20])
            return self.files[name]


class Handler(BaseHTTPRequestHandler):
    server_version = "chmon-bench"

    def log_message(self, *args):
        pass

    def small(self, status, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        st = self.server.state
        path = self.path.split("?", 1)[0]
        if path in ("/_mode/etag", "/_mode/plain"):
            st.mode = path.rsplit("/", 1)[1]
            return self.small(200, st.mode + "\n")
        if path == "/_log":
            with st.lock:
                return self.small(200, "".join("%d %s\n" % e for e in st.log))
        if path == "/_log/clear":
            with st.lock:
                st.log.clear()
            return self.small(200, "cleared\n")
        found = st.file(path.lstrip("/"))
        if found is None:
            return self.small(404, "not found\n")
        status = self.send_feed(st, *found)
        with st.lock:
            st.log.append((status, path))

    def not_modified(self, etag):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        return self.headers.get("If-Modified-Since") == LAST_MODIFIED

    def send_feed(self, st, data, etag):
        if st.mode == "etag" and self.not_modified(etag):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return 304
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=%s" % st.charset)
        self.send_header("Content-Length", str(len(data)))
        if st.mode == "etag":
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        self.wfile.write(data)
        return 200


def main(argv):
    ap = argparse.ArgumentParser(description="Loopback feed server with 304 and 200-unchanged modes")
    ap.add_argument("root")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--charset", default="windows-1251")
    a = ap.parse_args(argv)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.state = State(a.root, a.charset)
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(httpd.server_address[1]))
    os.replace(tmp, a.port_file)
    httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
