"""The MkDocs fence through Python-Markdown and pymdownx.superfences, configured as in mkdocs.yml."""

import os
import tempfile
import unittest
from pathlib import Path

import markdown
from pymdownx.superfences import SuperFencesException

from stacklayers_docs.superfences import fence_format

ROOT = Path(__file__).resolve().parents[3]


def convert(text: str) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {
                "custom_fences": [{"name": "stacklayers", "class": "stacklayers", "format": fence_format}]
            }
        },
    )
    return md.convert(text)


class SuperFences(unittest.TestCase):
    def setUp(self):
        self.cwd = os.getcwd()
        self.dir = tempfile.TemporaryDirectory()
        os.chdir(self.dir.name)
        Path("docs/models").mkdir(parents=True)
        Path("docs/models/cloud.json").write_text((ROOT / "public/models/default.json").read_text())

    def tearDown(self):
        os.chdir(self.cwd)
        self.dir.cleanup()

    def test_fence_becomes_the_component(self):
        html = convert("# A\n\n```stacklayers\nmodel: docs/models/cloud.json\ntopology: both\n```\n\n```json\n{}\n```\n")
        self.assertIn('<stacklayers-diagram class="stacklayers" topology="both"><template>&#123;', html)
        self.assertIn('data-view="both"', html)
        self.assertRegex(html, r"</h1>\n<stacklayers-diagram")
        self.assertNotIn("<p><stacklayers-diagram", html)
        self.assertIn("<code>", html)  # the other fence is still code
        self.assertEqual(html.count("<stacklayers-diagram"), 1)

    def test_two_fences_on_a_page_have_distinct_ids(self):
        fence = "```stacklayers\nmodel: docs/models/cloud.json\n```\n\n"
        html = convert(fence + fence)
        self.assertIn('id="sl', html)
        self.assertRegex(html, r'id="sl[0-9a-f]{8}-1-t"')
        self.assertRegex(html, r'id="sl[0-9a-f]{8}-2-t"')

    def test_a_broken_fence_fails_the_build(self):
        with self.assertRaisesRegex(SuperFencesException, "topology must be one of"):
            convert("```stacklayers\nmodel: docs/models/cloud.json\ntopology: sideways\n```\n")
        with self.assertRaisesRegex(SuperFencesException, r"\$\.hosts"):
            convert('```stacklayers\n{"version": 1}\n```\n')


if __name__ == "__main__":
    unittest.main()
