"""The adapters between the engine and MkDocs, the only code of lessonkit that imports MkDocs or Material.

mkdocs.yml names the hook files (notebooks.py, pages.py, serve_cache.py). MkDocs 1.6 loads each hook file
once per command and calls its functions at each rebuild of `mkdocs serve`; the state kept
across rebuilds lives in serving.py, so that serve_cache.py is only the list MkDocs reads.
"""
