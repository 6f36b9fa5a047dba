# A minimal Sphinx site (alabaster) with the stacklayers directive (built by e2e/docs-sites-sphinx.spec.ts).
project = "Stacklayers in Sphinx"
extensions = ["stacklayers_docs.sphinx"]
html_theme = "alabaster"
exclude_patterns = ["_build"]
