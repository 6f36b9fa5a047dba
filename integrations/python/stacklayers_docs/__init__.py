"""Stacklayers diagrams in Python docs generators.

- MkDocs (Material, pymdownx.superfences): ``stacklayers_docs.superfences.fence_format``
- Sphinx: ``extensions = ["stacklayers_docs.sphinx"]`` and the ``.. stacklayers::`` directive

Both render a static SVG at build time with the Stacklayers CLI and write a ``<stacklayers-diagram>`` element
with the model inline. See docs/embedding-docs-sites.md in the Stacklayers repository.
"""

from .core import FenceError, StacklayersError, diagram_html, parse_fence, render_svg

__all__ = ["FenceError", "StacklayersError", "diagram_html", "parse_fence", "render_svg"]
