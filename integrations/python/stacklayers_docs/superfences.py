"""A ``stacklayers`` fence for MkDocs (Material) through pymdownx.superfences::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: stacklayers
              class: stacklayers
              format: !!python/name:stacklayers_docs.superfences.fence_format

Model paths (``model: docs/models/cloud.json``) are relative to the folder MkDocs runs in (where mkdocs.yml
is): the fence sees no page path. A broken fence fails the build with a message that says what to fix.
"""

from __future__ import annotations

from pathlib import Path

from pymdownx.superfences import SuperFencesException

from .core import FenceError, StacklayersError, diagram_html, parse_fence


def fence_format(src, language, class_name, options, md, **kwargs):  # noqa: ARG001 (superfences' signature)
    count = getattr(md, "stacklayers_count", 0) + 1
    md.stacklayers_count = count  # one Markdown instance per page: ids stay unique on the page
    # A block, not a <p>'s content: in a <p>, the HTML parser would close it (and the element) at the <div>.
    if "stacklayers-diagram" not in md.block_level_elements:
        md.block_level_elements.append("stacklayers-diagram")
    try:
        attrs, model = parse_fence(src)
        return diagram_html(attrs, model, Path.cwd(), count)
    except (FenceError, StacklayersError) as err:
        first = src.strip().splitlines()[0][:60] if src.strip() else ""
        raise SuperFencesException(f'stacklayers fence ("{first}"): {err}') from err
