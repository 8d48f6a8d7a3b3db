"""`mkdocs serve` keeps answering while a page is broken, shows the problem on the page, and recovers."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.engine.conftest import PAGE, as_site, edit, line_of


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # a request that hangs fails the test
        return response.read().decode()


def wait_for(url: str, text: str, present: bool = True, timeout: float = 120) -> str:
    """The page once it shows `text` (or, with present=False, once it no longer does)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            html = fetch(url)
            if (text in html) == present:
                return html
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not {'show' if present else 'drop'} {text!r} within {timeout} s")


@pytest.mark.slow  # a server of its own
def test_serve_shows_a_broken_page_and_keeps_answering(mini, tmp_path):
    as_site(mini, ["mini.md"])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=mini.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    page = f"http://127.0.0.1:{port}/mini/"
    try:
        first = wait_for(page, "by hand: 6.0")
        edit(mini.root / PAGE, '"mini/square.py:by_hand"', '"mini/square.py:by_hnd"')
        broken = wait_for(page, "This part of the page could not be built")
        line = line_of(mini.root / PAGE, "by_hnd")
        assert f"{PAGE}:{line}: snippets/mini/square.py has no section 'by_hnd'" in broken
        assert "autograd: 6.0" in broken  # the rest of the page is there
        assert "<urlset" in fetch(f"http://127.0.0.1:{port}/sitemap.xml")  # and the server answers every request
        edit(mini.root / PAGE, '"mini/square.py:by_hnd"', '"mini/square.py:by_hand"')
        fixed = wait_for(page, "could not be built", present=False)
        code_blocks = '<div class="highlight"'  # a code block, not an output (no-copy)
        assert fixed.count(code_blocks) == first.count(code_blocks) == 3  # the section is back
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert "ERROR" in (tmp_path / "serve.log").read_text()  # the problem was logged, with its page and line


class Serving:
    """`mkdocs serve` of a fixture copy on a free port, until the end of the `with` block."""

    def __init__(self, project, log_path):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.log = log_path.open("w")
        self.server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.terminate()
        self.server.wait(timeout=30)
        self.log.close()


@pytest.mark.slow  # a server of its own
def test_serve_keeps_answering_other_pages_while_one_has_a_front_matter_error(mini, tmp_path):
    as_site(mini, ["mini.md", "other.md"])
    (mini.docs_dir / "other.md").write_text("# Other\n\nNothing broken here.\n", encoding="utf-8")
    with Serving(mini, tmp_path / "serve.log") as serving:
        wait_for(serving.url("mini/"), "by hand: 6.0")
        edit(mini.root / PAGE, "description: A fixture", 'description: "A fixture')
        broken = wait_for(serving.url("mini/"), "the front matter is not valid YAML")
        assert f"{PAGE}:3:" in broken and "check its quotes, colons and indentation" in broken
        assert "by hand: 6.0" in broken  # the rest of the page is there
        assert "Nothing broken here." in fetch(serving.url("other/"))
        edit(mini.root / PAGE, 'description: "A fixture', "description: A fixture")
        wait_for(serving.url("mini/"), "the front matter is not valid YAML", present=False)


@pytest.mark.slow  # a server of its own
def test_serve_keeps_answering_other_pages_while_one_is_not_utf_8(mini, tmp_path):
    as_site(mini, ["mini.md", "other.md"])
    (mini.docs_dir / "other.md").write_text("# Other\n\nNothing broken here.\n", encoding="utf-8")
    with Serving(mini, tmp_path / "serve.log") as serving:
        wait_for(serving.url("mini/"), "by hand: 6.0")
        path = mini.root / PAGE
        path.write_bytes(path.read_bytes().replace(b"# Squares", b"# Squ\xe9res"))
        edit(mini.docs_dir / "other.md", "Nothing broken here.", "Nothing broken here, still.")
        assert "Nothing broken here, still." in wait_for(serving.url("other/"), "still.", timeout=60)
        broken = wait_for(serving.url("mini/"), "is not UTF-8", timeout=30)
        assert f"{PAGE}:6:6: byte 0xE9 is not UTF-8" in broken
