"""The fence grammar (the cases shared with the JavaScript plugins), the CLI call and the HTML."""

import json
import re
import unittest
from html import unescape
from pathlib import Path

from stacklayers_docs.core import (
    FenceError,
    StacklayersError,
    diagram_html,
    escape_html,
    inline_svg,
    parse_fence,
    render_svg,
)

ROOT = Path(__file__).resolve().parents[3]
CASES = json.loads((ROOT / "integrations" / "fence-cases.json").read_text(encoding="utf-8"))
DEFAULT_MODEL = (ROOT / "public" / "models" / "default.json").read_text(encoding="utf-8")


def hostile_model() -> str:
    model = json.loads(DEFAULT_MODEL)
    model["name"] = "{{ 6 * 7 }} </template><script>alert(1)</script> \"q\" 'a' & <b>"
    return json.dumps(model)


class FenceCases(unittest.TestCase):
    def test_ok(self):
        for case in CASES["ok"]:
            with self.subTest(case["name"]):
                self.assertEqual(parse_fence(case["body"]), (case["attrs"], case["model"]))

    def test_errors(self):
        for case in CASES["errors"]:
            with self.subTest(case["name"]):
                with self.assertRaises(FenceError) as caught:
                    parse_fence(case["body"])
                self.assertIn(case["message"], str(caught.exception))


class Html(unittest.TestCase):
    def test_escape(self):
        self.assertEqual(escape_html("<a x=\"1\">{{ y }}</a> & 'z'"), "&#60;a x=&#34;1&#34;&#62;&#123;&#123; y &#125;&#125;&#60;/a&#62; &#38; &#39;z&#39;")

    def test_diagram_with_hostile_text(self):
        model = hostile_model()
        html = diagram_html({"topology": "both", "theme": "dark"}, {"json": model}, ROOT)
        self.assertRegex(html, r'^<stacklayers-diagram class="stacklayers" topology="both" theme="dark"><template>')
        self.assertNotRegex(html, r"<script|<b>|\{\{")
        self.assertEqual(html.count("</template>"), 1)
        template = html[html.index("<template>") + 10 : html.index("</template>")]
        self.assertEqual(unescape(template), model)
        # The static SVG is the dark one, sized by the column, with prefixed ids.
        self.assertIn('<div class="stacklayers-static"><svg ', html)
        self.assertIn('data-theme="dark"', html)
        root = html[html.index("<svg") : html.index(">", html.index("<svg"))]
        self.assertNotRegex(root, r"\s(width|height)=")
        self.assertRegex(root, r'aria-labelledby="sl[0-9a-f]{8}-1-t sl[0-9a-f]{8}-1-d"')

    def test_model_file_relative_to_base_and_missing_file(self):
        html = diagram_html({}, {"path": "public/models/default.json"}, ROOT, 2)
        self.assertIn('data-view="traditional"', html)
        self.assertRegex(html, r'<title id="sl[0-9a-f]{8}-2-t">Small cloud: traditional view</title>')
        with self.assertRaisesRegex(FenceError, "cannot read the model file nope.json"):
            diagram_html({}, {"path": "nope.json"}, ROOT)

    def test_model_url(self):
        html = diagram_html({}, {"url": "https://example.org/a.json?x=1&y=2"}, ROOT)
        self.assertIn('model-src="https://example.org/a.json?x=1&#38;y=2"', html)
        self.assertNotIn("<template>", html)

    def test_ids_unique_per_index(self):
        svg = render_svg(DEFAULT_MODEL, "both")
        a, b = inline_svg(svg, "a"), inline_svg(svg, "b")
        ids = lambda s: re.findall(r'\sid="([^"]*)"', s)  # noqa: E731
        self.assertEqual(ids(a), ["a-t", "a-d"])
        self.assertFalse(set(ids(a)) & set(ids(b)))


class Cli(unittest.TestCase):
    def test_invalid_model_lists_the_problems(self):
        with self.assertRaises(StacklayersError) as caught:
            render_svg('{"version": 1}')
        self.assertIn("not a valid Stacklayers model", str(caught.exception))
        self.assertIn("$.hosts", str(caught.exception))

    def test_view_and_theme(self):
        svg = render_svg(DEFAULT_MODEL, "control-plane-on-k8s", "dark")
        self.assertIn('data-view="control-plane-on-k8s"', svg)
        self.assertIn('data-theme="dark"', svg)


if __name__ == "__main__":
    unittest.main()
