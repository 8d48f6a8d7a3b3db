"""Under `mkdocs serve`, the pages' Content-Security-Policy lets inline script run (overrides/main.html).

MkDocs' development server writes its live-reload script into each page it serves: inline, and different
on each request (it carries the build's number), so no hash can allow it. Under the site's policy it would
be refused, and an edit would no longer reload the page. `mkdocs build`, which the tests check and a
deployment publishes, keeps the strict policy.

MkDocs loads a hook file once and calls on_startup once, then on_config at every rebuild.
"""

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    config.extra["live_reload"] = _serving
    return config
