"""The directive in a real (small) Sphinx build."""

import io
import re
import tempfile
import unittest
from pathlib import Path

from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parents[3]

CONF = 'extensions = ["stacklayers_docs.sphinx"]\nproject = "t"\nhtml_theme = "alabaster"\n'


def build(index: str):
    src = Path(tempfile.mkdtemp(prefix="stacklayers-sphinx-"))
    (src / "conf.py").write_text(CONF)
    (src / "models").mkdir()
    (src / "models" / "cloud.json").write_text((ROOT / "public/models/default.json").read_text())
    (src / "index.rst").write_text(index)
    warnings = io.StringIO()
    app = Sphinx(str(src), str(src), str(src / "_build"), str(src / "_build" / ".doctrees"), "html",
                 status=None, warning=warnings, freshenv=True)
    app.build()
    # Every Sphinx app of this process registers the directive again in docutils: not the extension's fault.
    lines = [line for line in warnings.getvalue().splitlines() if "is already registered" not in line]
    return src / "_build", "\n".join(lines)


class Directive(unittest.TestCase):
    def test_model_file_and_inline_model(self):
        out, warnings = build(
            "Title\n=====\n\n.. stacklayers::\n   :model: models/cloud.json\n   :topology: both\n   :height: 480px\n\n"
            '.. stacklayers::\n   :theme: dark\n\n   {"version": 1, "name": "Inline", "hosts": [{"id": "h1", "roles": ["compute"]}], "services": []}\n'
        )
        self.assertEqual(warnings, "")
        html = (out / "index.html").read_text()
        self.assertEqual(html.count("<stacklayers-diagram"), 2)
        self.assertIn('<stacklayers-diagram class="stacklayers" topology="both" height="480px"><template>', html)
        self.assertIn('<stacklayers-diagram class="stacklayers" theme="dark"><template>&#123;&#34;version&#34;', html)
        self.assertRegex(html, r'id="sl[0-9a-f]{8}-1-t">Small cloud: both view<')
        self.assertRegex(html, r'id="sl[0-9a-f]{8}-2-t">Inline: traditional view<')
        # The component: copied once, loaded as a module script.
        self.assertTrue((out / "_static" / "stacklayers" / "stacklayers-diagram.js").is_file())
        self.assertRegex(html, r'<script type="module" src="_static/stacklayers/stacklayers-diagram.js"></script>')

    def test_errors_name_the_document_and_line(self):
        _, warnings = build("T\n=\n\n.. stacklayers::\n   :model: models/cloud.json\n   :topology: sideways\n")
        self.assertRegex(warnings, r"index.rst:4: ERROR: stacklayers: topology must be one of")
        _, warnings = build('T\n=\n\n.. stacklayers::\n\n   {"version": 1}\n')
        self.assertRegex(warnings, r"index.rst:4: ERROR: stacklayers: not a valid Stacklayers model:\n.*\$\.hosts")
        _, warnings = build("T\n=\n\n.. stacklayers::\n   :model: missing.json\n")
        self.assertIn("cannot read the model file", warnings)


if __name__ == "__main__":
    unittest.main()
