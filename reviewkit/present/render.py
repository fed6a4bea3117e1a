"""The Jinja environments (Markdown, HTML, the deal scaffold) and the text outputs: one function per
output, each returning a string.

Deal text is data, never markup. In Markdown every `{{ value }}` is escaped by the
environment's `finalize` (pipes, newlines, emphasis, HTML) unless the code marked it as
already-safe `Markup`; in HTML autoescaping does the same. Templates cannot run deal text:
it is only ever a value, never template source.
"""

from __future__ import annotations

import functools
import json
import os
import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

from reviewkit.assets import templates_dir
from reviewkit.present.pack import Pack
from reviewkit.present.textflow import paragraphs
from reviewkit.text.catalogue import say

_MD_ESCAPE = re.compile(r"([\\`*_\[\]|~#])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])")
_MERMAID_SPECIAL = re.compile(r"[&\"<>`|\[\]{}();#:]")
#: Control characters (tab, line feed and carriage return excepted): a deal's text may carry
#: them as YAML escapes ("\e[2J"), and printed to a terminal they would drive it.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """An output with every control character shown as \ufffd, as `check` shows them."""
    return _CONTROL.sub("\ufffd", text)


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


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, like .pyc files (compiling the HTML template
    costs about 0.1 s); nothing from any deal is stored. None when there is nowhere to keep them."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "reviewkit", "templates")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(folder)


def _environment(**settings: Any) -> jinja2.Environment:
    """What every reviewkit environment shares: its own templates only, undefined names are
    errors (never blanks), compiled templates cached, block tags leave no blank lines."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **settings,
    )


@functools.cache
def markdown_environment() -> jinja2.Environment:
    env = _environment(autoescape=False, finalize=md_escape, keep_trailing_newline=True)
    env.filters["mermaid"] = lambda v: Markup(mermaid_label(v))
    return env


def render_markdown(pack: Pack) -> str:
    """The pack as GitHub-flavoured Markdown."""
    template = markdown_environment().get_template("pack.md.j2")
    words = {key: Markup(value) for key, value in pack.t.items()}  # the pack's own words
    text = template.render(pack=pack, t=words, h=pack.header)
    return inert(re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n")


def html_text(value: Any) -> Markup:
    """Deal text for HTML: escaped, with its paragraphs and kept line breaks."""
    if value is None:
        return Markup("")
    return Markup("<br><br>").join(
        Markup("<br>").join(escape(line) for line in para) for para in paragraphs(str(value))
    )


def css_string(value: Any) -> Markup:
    """A quoted CSS string that cannot end the string or the <style> element."""
    text = str(value)
    for char in '\\"<>&':
        text = text.replace(char, f"\\{ord(char):x} ")
    return Markup(f'"{text}"')


@functools.cache
def html_environment() -> jinja2.Environment:
    env = _environment(autoescape=True)
    env.filters["text"] = html_text
    env.filters["css_string"] = css_string
    return env


def render_html(pack: Pack) -> str:
    """The pack as one self-contained HTML page: styles inline, figures as inline SVG."""
    from reviewkit.present.figures import chain_map

    css = (templates_dir() / "pack.css").read_text(encoding="utf-8")
    h = pack.header
    keywords = [pack.t["title"], h["stage"], h["status"]]
    if h["customer"]:
        keywords.insert(1, h["customer"])
    return inert(
        html_environment()
        .get_template("pack.html.j2")
        .render(
            pack=pack,
            t=pack.t,
            h=h,
            css=Markup(css),
            page_label=Markup(pack.t["page_label"]),
            html_lang=say(pack.lang, "html.lang"),
            keywords=keywords,
            stage_bar=pack.progress,
            chain_map=chain_map(pack) if pack.people else Markup(""),
        )
    )


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def render_pipeline(view: Any, format: str) -> str:
    """The pipeline view as Markdown or HTML (the PDF is made from the HTML)."""
    from reviewkit.present.pipeline import sort_label, summary_line
    from reviewkit.text.packtext import pack_text

    t = pack_text(view.lang)
    if format == "md":
        words = {key: Markup(value) for key, value in t.items()}
        text = (
            markdown_environment()
            .get_template("pipeline.md.j2")
            .render(view=view, t=words, summary=summary_line(view), sorted_by=sort_label(view))
        )
        return inert(re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n")
    css = (templates_dir() / "pack.css").read_text(encoding="utf-8")
    return inert(
        html_environment()
        .get_template("pipeline.html.j2")
        .render(
            view=view,
            t=t,
            css=Markup(css),
            page_label=Markup(t["page_label"]),
            html_lang=say(view.lang, "html.lang"),
            summary=summary_line(view),
            sorted_by=sort_label(view),
        )
    )


def render_lessons(view: Any, format: str) -> str:
    """What lost deals teach, as Markdown or HTML (the PDF is made from the HTML)."""
    from reviewkit.text.packtext import pack_text

    t = pack_text(view.lang)
    if format == "md":
        words = {key: Markup(value) for key, value in t.items()}
        text = markdown_environment().get_template("lessons.md.j2").render(view=view, t=words)
        return inert(re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n")
    css = (templates_dir() / "pack.css").read_text(encoding="utf-8")
    return inert(
        html_environment()
        .get_template("lessons.html.j2")
        .render(
            view=view,
            t=t,
            css=Markup(css),
            page_label=Markup(t["page_label"]),
            html_lang=say(view.lang, "html.lang"),
        )
    )


def yaml_string(value: Any) -> str:
    """A YAML double-quoted scalar that reads back exactly (JSON string syntax, plus escapes
    for the characters YAML treats as line breaks or refuses)."""
    text = json.dumps("" if value is None else str(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _comment(value: Any, indent: int = 0) -> str:
    """Text continued over several comment lines at `indent` spaces."""
    pad = " " * indent
    return f"\n{pad}# ".join(" ".join(line.split()) for line in str(value).splitlines())


@functools.cache
def scaffold_environment() -> jinja2.Environment:
    env = _environment(autoescape=False, keep_trailing_newline=True)
    env.filters["q"] = yaml_string
    env.filters["comment"] = _comment
    return env
