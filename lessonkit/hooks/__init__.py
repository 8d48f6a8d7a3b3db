"""The adapters between the engine and MkDocs, the only code of lessonkit that imports MkDocs or Material.

mkdocs.yml names the hook files (notebooks.py, serve_cache.py); MkDocs runs a hook file afresh
at every rebuild, so state that must last across rebuilds lives in modules Python imports once
(serving.py).
"""
