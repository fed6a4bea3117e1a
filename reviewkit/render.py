"""The Jinja environments and the pack's text outputs: one function per output, each returning a string.

Deal text is data, never markup. In Markdown every `{{ value }}` is escaped by the
environment's `finalize` (pipes, newlines, emphasis, HTML) unless the code marked it as
already-safe `Markup`; in HTML autoescaping does the same. Templates cannot run deal text:
it is only ever a value, never template source.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import jinja2
from markupsafe import Markup

from reviewkit.assets import templates_dir
from reviewkit.pack import Pack
from reviewkit.textflow import paragraphs

_MD_ESCAPE = re.compile(r"([\\`*_\[\]|~#])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])")
_MERMAID_SPECIAL = re.compile(r"[&\"<>`|\[\]{}();#:]")


def md_escape(value: Any) -> str:
    """Text made inert in Markdown and safe in a table cell: one line, nothing interpreted."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return "<br><br>".join(
        "<br>".join(_md_line(line) for line in para) for para in paragraphs(str(value))
    )


def _md_line(line: str) -> str:
    text = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_ESCAPE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(
        lambda m: (
            (m.group(1) or m.group(4) or "")
            + (f"{m.group(2)}\\{m.group(3)}" if m.group(2) else f"\\{m.group(5)}")
        ),
        text,
    )


def mermaid_label(value: Any) -> str:
    """Text for inside a quoted Mermaid label: entities for anything Mermaid would read."""
    text = " ".join(str(value or "").split())
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group(0))};", text)


def _finalize_md(value: Any) -> str:
    return md_escape(value)


@functools.cache
def markdown_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize_md,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["mermaid"] = lambda v: Markup(mermaid_label(v))
    return env


def render_markdown(pack: Pack) -> str:
    """The pack as GitHub-flavoured Markdown."""
    template = markdown_environment().get_template("pack.md.j2")
    words = {key: Markup(value) for key, value in pack.t.items()}  # the pack's own words
    text = template.render(pack=pack, t=words, h=pack.header)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def _yaml_string(value: Any) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def _comment(value: Any, indent: int = 0) -> str:
    """Text continued over several comment lines at `indent` spaces."""
    pad = " " * indent
    return f"\n{pad}# ".join(" ".join(line.split()) for line in str(value).splitlines())


@functools.cache
def scaffold_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["q"] = _yaml_string
    env.filters["comment"] = _comment
    return env
