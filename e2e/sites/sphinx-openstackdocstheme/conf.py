# A minimal Sphinx site (openstackdocstheme) with the stacklayers directive (built by
# e2e/docs-sites-sphinx.spec.ts). The theme writes every script as text/javascript: the component must run
# as a classic script (see docs/embedding-docs-sites.md).
project = "Stacklayers in openstackdocstheme"
extensions = ["openstackdocstheme", "stacklayers_docs.sphinx"]
html_theme = "openstackdocs"
exclude_patterns = ["_build"]
# No analytics: nothing may leave the page's origin.
html_theme_options = {"analytics_tracking_code": ""}
# The theme's footer script needs a bug project (openstackdocstheme 1.20's names for these settings).
repository_name = "example/docs"
bug_project = "example-docs"


def _drop_documentation_options(app, pagename, templatename, context, doctree):
    # Sphinx 5's documentation_options.js reads a <script id="documentation_options"> that openstackdocstheme
    # 1.20 does not write (it defines DOCUMENTATION_OPTIONS inline instead): without this, every page throws.
    scripts = context.get("script_files", [])
    context["script_files"] = [s for s in scripts if not str(s).endswith("documentation_options.js")]


def setup(app):
    app.connect("html-page-context", _drop_documentation_options)
