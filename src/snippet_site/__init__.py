"""The site adapter: Python-Markdown extensions any generator runs, and a small MkDocs plugin.

- ``directives``: expands ``{{ output }}``, ``{{ figure }}`` and ``{{ value }}`` (``expand``);
- ``glossary``: ``abbr`` tooltips that also find a term followed by a Korean particle;
- ``plugin``: the ``snippet-site`` MkDocs plugin (runs stale snippets, publishes figures, notebooks);
- ``cli``: ``snippet-site publish SITE_DIR`` for a generator without the plugin (Zensical).
"""
