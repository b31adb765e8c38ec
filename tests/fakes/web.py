"""A small web server on 127.0.0.1 for fetch tests: pages, a hanging URL, a redirect, wrong types, big bodies.
Every page is served with an ETag (a hash of its body); a request that sends it back gets 304 Not Modified."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class WebServer:
    """Serves `routes` ({path: (status, content type, body)}). `/hang` waits until `release` is set (or the
    server stops), then closes without answering."""

    def __init__(self, routes: dict[str, tuple[int, str, bytes]] | None = None):
        self.routes = dict(routes or {})
        self.release = threading.Event()
        self.hit = threading.Event()  # set at the first request
        self.requests: list[str] = []
        self.not_modified: list[str] = []  # paths answered 304
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                server.hit.set()
                if self.path == "/hang":
                    server.release.wait(30)
                    return
                if self.path.startswith("/redirect?to="):
                    self.send_response(302)
                    self.send_header("Location", self.path.split("=", 1)[1])
                    self.end_headers()
                    return
                path = self.path.split("?", 1)[0]
                status, content_type, body = server.routes.get(path, (404, "text/plain", b"not found"))
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    server.not_modified.append(path)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("ETag", etag)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> WebServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
