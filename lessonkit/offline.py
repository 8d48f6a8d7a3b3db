"""A built site, offline: served on 127.0.0.1 as a static host would, to a Chromium that reaches nothing else.

The browser tests and benchmarks/site_budget.py both use it.

- A threaded `http.server` on a free port, silent, and only on the loopback address.
- Text responses are gzip-compressed when the browser asks for it, as static hosts do, so the
  bytes a browser counts here are the bytes a reader would download.
- `sitemap.xml` names pages by the configured `site_url`; Material's instant navigation only
  intercepts links that are in the sitemap, so it is served with `site_url` replaced by this
  server's own address (what `mkdocs serve` does by rewriting `site_url`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import re
import threading
from pathlib import Path

# Chromium must reach nothing but the site on 127.0.0.1. The flags stop its own background
# traffic; the proxy is a closed port on this machine, so a request to any other host fails here
# instead of leaving the machine (Chromium never sends loopback traffic through a proxy).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--proxy-server=http://127.0.0.1:9",
]

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    site_url: str | None = None

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        url_path = self.path.split("?")[0].split("#")[0]
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if not path.is_file() or path.suffix not in _COMPRESSIBLE:
            return super().send_head()  # directories without a slash are redirected, missing files get a 404
        body = path.read_bytes()
        if path.name == "sitemap.xml" and self.site_url:
            host, port = self.server.server_address[:2]
            body = body.replace(self.site_url.encode(), f"http://{host}:{port}/".encode())
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class StaticSite:
    """A built site served on http://127.0.0.1:<free port>/ until `close()`."""

    def __init__(self, site_dir: Path, site_url: str | None = None):
        self.site_dir = Path(site_dir)
        handler = type("Handler", (_Handler,), {"site_url": site_url or site_url_of(self.site_dir)})
        self._server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(self.site_dir))
        )
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def pages(self) -> list[str]:
        """Every page of the site as a path relative to its root: '', 'chain_rule/', '404.html'."""
        pages = []
        for html in sorted(self.site_dir.rglob("*.html")):
            relative = html.relative_to(self.site_dir).as_posix()
            pages.append(relative[: -len("index.html")] if html.name == "index.html" else relative)
        return pages

    def close(self):
        self._server.shutdown()
        self._server.server_close()


def site_url_of(site_dir: Path) -> str | None:
    """The `site_url` the site was built with, read back from its sitemap (None if it has none)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8"))
    if not locations:
        return None
    return min(locations, key=len)
