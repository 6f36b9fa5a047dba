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


# openstackdocstheme 1.20 (Debian's) was written for older Sphinx; with Sphinx 5 every page carries three faults
# of the theme's own, none of them Stacklayers': (1) documentation_options.js reads a <script
# id="documentation_options"> the theme does not write (it defines DOCUMENTATION_OPTIONS inline instead), so it
# throws; (2) the theme's footer loads doctools.js again after Sphinx's own copy, and Sphinx 5's doctools.js
# declares top-level constants, so the second copy throws a SyntaxError: Sphinx's copy goes, and with it
# sphinx_highlight.js, which needs doctools.js before it (search-word highlighting is not part of this test);
# (3) theme.conf names a stylesheet css/basic.css that the theme does not ship (a 404). A docs author on these
# versions would drop the same files; the theme's footer still loads doctools.js and searchtools.js.
_DROPPED_SCRIPTS = ("documentation_options.js", "doctools.js", "sphinx_highlight.js")
_DROPPED_STYLES = ("_static/css/basic.css",)


def _drop_broken_assets(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files", [])
    context["script_files"] = [s for s in scripts if not str(s).endswith(_DROPPED_SCRIPTS)]
    styles = context.get("css_files", [])
    context["css_files"] = [s for s in styles if str(s) not in _DROPPED_STYLES]


def setup(app):
    app.connect("html-page-context", _drop_broken_assets)
