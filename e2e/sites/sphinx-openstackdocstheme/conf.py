# A minimal Sphinx site (openstackdocstheme) with the stacklayers directive (built by
# e2e/docs-sites-sphinx.spec.ts). The theme writes every script as text/javascript: the component must run
# as a classic script (see docs/embedding-docs-sites.md).
project = "Stacklayers in openstackdocstheme"
extensions = ["openstackdocstheme", "stacklayers_docs.sphinx"]
html_theme = "openstackdocs"
exclude_patterns = ["_build"]
# No analytics: nothing may leave the page's origin.
html_theme_options = {"analytics_tracking_code": ""}
openstackdocs_auto_name = False
openstackdocs_repo_name = "example/stacklayers-docs"
openstackdocs_use_storyboard = False
