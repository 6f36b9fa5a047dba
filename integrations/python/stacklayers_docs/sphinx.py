"""The ``.. stacklayers::`` directive for Sphinx::

    extensions = ["stacklayers_docs.sphinx"]

    .. stacklayers::
       :model: models/cloud.json
       :topology: both
       :theme: auto
       :height: auto

The content may be the model JSON instead of ``:model:``. ``:model:`` is relative to the document (or to the
source folder when it starts with ``/``, like ``literalinclude``), and an http(s) URL is fetched by the
component in the browser. Options ``:persona:``, ``:select:``, ``:controls:`` pass through. The component's
script is copied to ``_static/stacklayers/`` and added to every page as a module script.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from .core import OPTION_KEYS, FenceError, StacklayersError, check_option, copy_component, diagram_html, model_source

STATIC = "stacklayers"


class StacklayersDirective(SphinxDirective):
    has_content = True
    option_spec = {"model": directives.unchanged_required, **{k: directives.unchanged_required for k in OPTION_KEYS}}

    def run(self):
        try:
            attrs = {}
            for key in OPTION_KEYS:
                if key in self.options:
                    value = self.options[key].strip()
                    check_option(key, value)
                    attrs[key] = value
            content = "\n".join(self.content).strip()
            if "model" in self.options and content:
                raise FenceError("give the model either as :model: or as the content, not both")
            if "model" in self.options:
                model = model_source(self.options["model"].strip())
                if "path" in model:
                    rel, path = self.env.relfn2path(model["path"])
                    self.env.note_dependency(rel)
                    model = {"path": path}
            elif content.startswith("{"):
                model = {"json": content}
            else:
                raise FenceError("no model: give :model: path/or/url.json or the model JSON as the content")
            index = self.env.temp_data.get("stacklayers_count", 0) + 1
            self.env.temp_data["stacklayers_count"] = index
            html = diagram_html(attrs, model, Path(self.env.srcdir), index)
        except (FenceError, StacklayersError) as err:
            raise self.error(f"stacklayers: {err}") from err
        return [nodes.raw("", html, format="html")]


def add_script(app, config):
    app.add_js_file(f"{STATIC}/stacklayers-diagram.js", type="module")


def copy_script(app, exception):
    if exception or app.builder.format != "html":
        return
    try:
        copy_component(Path(app.outdir) / "_static" / STATIC, Path(app.config.stacklayers_script) if app.config.stacklayers_script else None)
    except StacklayersError as err:
        raise ExtensionError(str(err)) from err


def setup(app):
    app.add_config_value("stacklayers_script", "", "html")
    app.add_directive("stacklayers", StacklayersDirective)
    app.connect("config-inited", add_script)
    app.connect("build-finished", copy_script)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
