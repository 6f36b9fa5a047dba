"""The fence grammar, the CLI call and the HTML: shared by the MkDocs fence and the Sphinx directive.

The JavaScript twin is integrations/core/ (fence.mjs, html.mjs); both pass integrations/fence-cases.json.
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

VIEWS = ("traditional", "control-plane-on-k8s", "k8s-in-tenant", "both")
CHOICES = {
    "topology": VIEWS,
    "theme": ("light", "dark", "auto", "page"),
    "persona": ("operator", "tenant"),
    "controls": ("true", "false"),
}
OPTION_KEYS = ("topology", "theme", "height", "persona", "select", "controls")
HEIGHT = re.compile(r"^(auto|\d{1,5}(\.\d{1,3})?(px|em|rem|vh|svh|lvh|dvh))$")
SELECT = re.compile(r"^[^\s<>\"'`]{1,200}$")

# When this package runs from a Stacklayers checkout, its CLI and its built one-file component are used.
# The one place of both paths.
CHECKOUT = Path(__file__).resolve().parents[3]
CHECKOUT_CLI = CHECKOUT / "bin" / "stacklayers.mjs"
CHECKOUT_COMPONENT = CHECKOUT / "dist" / "stacklayers-diagram.js"


class FenceError(ValueError):
    """A fence or directive the author has to fix."""


class StacklayersError(RuntimeError):
    """The CLI refused the model (its problem lines are in the message) or could not run."""


def check_option(key: str, value: str) -> None:
    choices = CHOICES.get(key)
    if choices and value not in choices:
        raise FenceError(f'{key} must be one of {", ".join(choices)} (got "{value}")')
    if key == "height" and not HEIGHT.match(value):
        raise FenceError(f'height must be auto or a CSS length such as 480px (got "{value}")')
    if key == "select" and not SELECT.match(value):
        raise FenceError(f'select must be one element id (got "{value}")')


def model_source(value: str) -> dict:
    if re.match(r"^https?://", value, re.I):
        return {"url": value}
    if re.match(r"^[a-z][a-z0-9+.-]+:", value, re.I):
        raise FenceError(f'model must be an http(s) URL or a file path (got "{value}")')
    return {"path": value}


def parse_fence(body: str) -> tuple[dict, dict]:
    """The fence's options and where its model is: ``{"json": text}``, ``{"path": p}`` or ``{"url": u}``."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    attrs: dict[str, str] = {}
    model = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if line == "" or line.startswith("#"):
            continue
        if line.startswith("{"):
            if model:
                raise FenceError("the fence has both a model: line and a model; keep one")
            model = {"json": "\n".join(lines[i:]).strip()}
            break
        at = line.find(":")
        if at < 1:
            raise FenceError(f'line {i + 1}: expected "key: value" or the model JSON, got "{line}"')
        key, value = line[:at].strip(), line[at + 1 :].strip()
        if key != "model" and key not in OPTION_KEYS:
            raise FenceError(f'unknown option "{key}" (use model, {", ".join(OPTION_KEYS)})')
        if key in attrs or (key == "model" and model):
            raise FenceError(f'"{key}" is given twice')
        if key == "model":
            model = model_source(value)
        else:
            check_option(key, value)
            attrs[key] = value
    if not model:
        if all(line.strip() == "" for line in lines):
            raise FenceError("the fence is empty: give the model JSON or a model: line")
        raise FenceError("no model: give the model JSON or a model: path/or/url.json line")
    return attrs, model


def cli_command() -> list[str]:
    """How to run the Stacklayers CLI: $STACKLAYERS_CLI, else the checkout's, else `stacklayers` on PATH, else npx."""
    configured = os.environ.get("STACKLAYERS_CLI")
    if configured:
        return shlex.split(configured)
    if CHECKOUT_CLI.is_file():
        return [shutil.which("node") or "node", str(CHECKOUT_CLI)]
    found = shutil.which("stacklayers")
    if found:
        return [found]
    return [shutil.which("npx") or "npx", "--no-install", "stacklayers"]


def component_script() -> Path:
    """The `<stacklayers-diagram>` script to copy into a site: $STACKLAYERS_COMPONENT, else the checkout's build."""
    configured = os.environ.get("STACKLAYERS_COMPONENT")
    return Path(configured) if configured else CHECKOUT_COMPONENT


def copy_component(dest: Path, script: Path | None = None) -> Path:
    """Copies the component into ``dest``: the script and every module it imports by a relative path."""
    script = script or component_script()
    if not script.is_file():
        raise StacklayersError(f"the component script {script} does not exist (build Stacklayers first)")
    dest.mkdir(parents=True, exist_ok=True)
    todo, done = [script], set()
    while todo:
        file = todo.pop()
        if file in done:
            continue
        done.add(file)
        shutil.copyfile(file, dest / file.name)
        text = file.read_text(encoding="utf-8")
        for name in re.findall(r"""(?:from|import)\s*\(?\s*["']\./([\w.-]+\.js)["']""", text):
            todo.append(file.parent / name)
    return dest / script.name


def render_svg(model_json: str, topology: str = "traditional", theme: str = "light") -> str:
    """One view of a model as an SVG document, by the Stacklayers CLI (``render - --out -``)."""
    # "page" (follow the site's toggle) is the component's; the static picture follows the reader's system.
    theme = theme if theme in ("light", "dark") else "auto"
    command = [*cli_command(), "render", "-", "--topology", topology, "--theme", theme, "--out", "-"]
    try:
        done = subprocess.run(command, input=model_json, capture_output=True, text=True, check=False)
    except OSError as err:
        raise StacklayersError(f"cannot run the Stacklayers CLI ({shlex.join(command)}): {err}") from err
    if done.returncode != 0:
        problems = "\n".join(f"  {line}" for line in done.stderr.strip().splitlines())
        raise StacklayersError(f"not a valid Stacklayers model:\n{problems}")
    return done.stdout


def escape_html(text: str) -> str:
    """Markup, quotes and braces as character references (braces: Vue-compiled pages, as in the JS twin)."""
    return re.sub(r"[&<>\"'{}]", lambda m: f"&#{ord(m.group())};", text)


def inline_svg(svg: str, uid: str) -> str:
    """An SVG document as a page fragment: no prolog, no fixed size, ids prefixed with ``uid``."""
    start = svg.find("<svg")
    if start < 0:
        raise StacklayersError("the CLI did not write an SVG document")
    out = svg[start:].strip()
    end = out.index(">")
    root = re.sub(r'\s(width|height)="[^"]*"', "", out[:end])
    root = re.sub(
        r'\saria-labelledby="([^"]*)"',
        lambda m: ' aria-labelledby="' + " ".join(f"{uid}-{i}" for i in m.group(1).split()) + '"',
        root,
        count=1,
    )
    out = root + out[end:]
    out = re.sub(r'\sid="([^"]*)"', lambda m: f' id="{uid}-{m.group(1)}"', out)
    out = re.sub(r"url\(#([^)]*)\)", lambda m: f"url(#{uid}-{m.group(1)})", out)
    return re.sub(r"[{}]", lambda m: f"&#{ord(m.group())};", out)


def make_uid(text: str, index: int = 0) -> str:
    return f"sl{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}-{index}"


def diagram_html(attrs: dict, model: dict, base: Path, index: int = 1) -> str:
    """The element for one diagram (the same HTML as integrations/core/html.mjs); model paths from ``base``."""
    attributes = "".join(f' {k}="{escape_html(v)}"' for k, v in attrs.items())
    if "url" in model:
        url = escape_html(model["url"])
        return (
            f'<stacklayers-diagram class="stacklayers"{attributes} model-src="{url}">'
            f'<p class="stacklayers-static">Stacklayers diagram of <a href="{url}">{url}</a>'
            " (shown where JavaScript runs).</p></stacklayers-diagram>"
        )
    if "json" in model:
        text = model["json"]
    else:
        try:
            text = (base / model["path"]).read_text(encoding="utf-8").strip()
        except OSError as err:
            raise FenceError(f"cannot read the model file {model['path']}: {err.strerror}") from err
    svg = render_svg(text, attrs.get("topology", "traditional"), attrs.get("theme", "auto"))
    return (
        f'<stacklayers-diagram class="stacklayers"{attributes}><template>{escape_html(text)}</template>'
        f'<div class="stacklayers-static">{inline_svg(svg, make_uid(text, index))}</div></stacklayers-diagram>'
    )
