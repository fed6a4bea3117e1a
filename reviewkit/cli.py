"""The `reviewkit` command line: parse flags, call the library, print, map errors to exit codes."""

# No `from __future__ import annotations` here: Typer would evaluate every annotation string
# on each start (about 4 ms of a 90 ms `check`).
import datetime as dt
import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from reviewkit import __version__, exitcodes
from reviewkit.errors import ReviewkitError

app = typer.Typer(
    name="reviewkit",
    help=(
        "Deal files, stage checklists and review-meeting packs for B2B project sales.\n\n"
        "Example: reviewkit new 'Provincial core upgrade' --stage relationship, then "
        "reviewkit check provincial-core-upgrade.yaml, then "
        "reviewkit render provincial-core-upgrade.yaml --format pdf"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: importing rich would cost ~80 ms on every --help
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(enum.StrEnum):
    en = "en"
    zh = "zh"


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class PackFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


TodayOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today",
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="Date that date rules count from (default: the system date).",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Use this reviewkit.yaml for every file (default: the nearest one above each file).",
    ),
]
PlaybookOption = Annotated[
    Path | None,
    typer.Option("--playbook", metavar="FILE", help="Use this playbook instead of the default."),
]
PathsArgument = Annotated[
    list[Path], typer.Argument(metavar="PATH...", help="Deal files or folders.")
]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Processes to use (default: all cores).")
]
LangOption = Annotated[
    Lang | None, typer.Option(help="Language (default: the deal's or the config's, else en).")
]


def _fail(lines: list[str]) -> NoReturn:
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(exitcodes.FAILURE)


def _guard(body: Callable[[], int]) -> None:
    """Run a command body: user errors exit 2 with their message, never a traceback."""
    try:
        code = body()
    except ReviewkitError as exc:
        _fail(
            [f"reviewkit: {line}" for line in exc.lines()]
            if not hasattr(exc, "problems")
            else exc.lines()
        )
    except KeyboardInterrupt:  # Ctrl-C: one line, exit 130 (outputs are whole or untouched)
        typer.echo("reviewkit: interrupted", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # an internal error: say so in one line
        _fail(
            [
                f"reviewkit: internal error ({type(exc).__name__}: {exc}). This is a bug in "
                "reviewkit; please report it with the command you ran."
            ]
        )
    raise typer.Exit(code)


def _today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reviewkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


@app.command()
def new(
    name: Annotated[str, typer.Argument(help="The deal's name, e.g. 'Provincial core upgrade'.")],
    stage: Annotated[
        str | None, typer.Option(help="Stage key to start at (default: the first).")
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            help="Language of the file's comments and of the pack (default: the config's, else en)."
        ),
    ] = None,
    customer: Annotated[str, typer.Option(help="The customer organisation.")] = "",
    owner: Annotated[str, typer.Option(help="The account manager who owns the deal.")] = "",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write (default: NAME as a file name)."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace an existing file.")] = False,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
) -> None:
    """Write a new deal file, commented to teach the methodology.

    Example: reviewkit new "Provincial core upgrade" --stage relationship --owner "Li Wei"
    """

    def body() -> int:
        from reviewkit.model.config import Settings
        from reviewkit.present.scaffold import scaffold, slug, write_new_deal

        path = output or Path(f"{slug(name)}.yaml")
        settings = Settings(config, playbook).for_file(path.absolute())
        text = scaffold(
            name,
            stage=stage,
            lang=lang.value if lang else settings.language or "en",
            customer=customer,
            owner=owner,
            playbook=settings.playbook,
            file_name=str(path),
        )
        write_new_deal(path, text, force=force)
        typer.echo(f"Wrote {path}. Next: fill it in, then run `reviewkit check {path}`.")
        return exitcodes.OK

    _guard(body)


@app.command()
def check(
    paths: PathsArgument,
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: text; github inside GitHub Actions)."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 on warnings too.")] = False,
    today: TodayOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
    jobs: JobsOption = None,
) -> None:
    """Check deal files against the playbook's checklist and rules.

    Example: reviewkit check deals/ --today 2026-12-01
    """

    def body() -> int:
        from reviewkit.model.config import Settings
        from reviewkit.ops.check import check_paths
        from reviewkit.present import report

        run = check_paths(paths, Settings(config, playbook), _today(today), jobs)
        summary = report.Summary.of(run.findings, run.files, run.invalid)
        chosen = format or (
            CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text
        )
        if chosen is CheckFormat.json:
            out = report.as_json(run.findings, summary)
        elif chosen is CheckFormat.github:
            out = report.github(run.findings, summary)
        elif chosen is CheckFormat.sarif:
            out = report.sarif(run.findings, summary)
        else:
            colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
            out = report.text(run.findings, summary, colour=colour)
        sys.stdout.write(out)
        return exitcodes.for_check(
            invalid=run.invalid, errors=summary.errors, warnings=summary.warnings, strict=strict
        )

    _guard(body)


@app.command()
def render(
    paths: PathsArgument,
    format: Annotated[
        PackFormat, typer.Option("--format", "-f", help="Pack format.")
    ] = PackFormat.md,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="OUT",
            help="Output file; '-' for stdout (default: beside the deal).",
        ),
    ] = None,
    lang: LangOption = None,
    reveal_floor: Annotated[bool, typer.Option(help="Show the commercial floor price.")] = False,
    today: TodayOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REF",
            help="Add what changed since REF: an older file, or a git revision (HEAD~1, a tag).",
        ),
    ] = None,
    jobs: JobsOption = None,
) -> None:
    """Write the review-meeting pack for a deal, or for many.

    Example: reviewkit render deals/prov-core.yaml  (writes deals/prov-core.review.md)
    """

    def body() -> int:
        from reviewkit.ops.render import PackRequest, render_pack

        request = PackRequest(
            format.value,
            lang.value if lang else None,
            reveal_floor,
            _today(today),
            playbook,
            config,
            since,
        )
        if len(paths) == 1 and not paths[0].is_dir():
            written = render_pack(
                paths[0],
                format=request.format,
                output=output,
                lang=request.lang,
                reveal_floor=reveal_floor,
                today=request.today,
                playbook=playbook,
                config=config,
                since=since,
            )
            if written is not None:
                typer.echo(f"Wrote {written}", err=True)
            return exitcodes.OK
        from reviewkit.ops.batch import render_many

        result = render_many(paths, request, output, jobs)
        typer.echo(f"Wrote {len(result.written)} pack(s).", err=True)
        if result.failures:
            typer.echo(f"{len(result.failures)} deal(s) failed:", err=True)
            for _, lines in result.failures:
                for line in lines:
                    typer.echo(f"  {line}", err=True)
            return exitcodes.FAILURE
        return exitcodes.OK

    _guard(body)


@app.command()
def pipeline(
    paths: PathsArgument,
    format: Annotated[
        PackFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PackFormat.md,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="OUT",
            help="Output file (default: stdout for md, pipeline.html / pipeline.pdf).",
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
    jobs: JobsOption = None,
) -> None:
    """One page over many deals: funnel, value, who needs a review now.

    Example: reviewkit pipeline deals/ --format pdf
    """

    def body() -> int:
        from reviewkit.model.config import Settings
        from reviewkit.ops.render import write_pack
        from reviewkit.present.pipeline import build_pipeline, collect
        from reviewkit.present.render import render_pipeline

        settings = Settings(config, playbook)
        view_lang = lang.value if lang else settings.for_folder(Path.cwd()).language or "en"
        lines = collect(paths, settings, _today(today), view_lang, jobs)
        view = build_pipeline(lines, _today(today), view_lang)
        target = output or ("-" if format is PackFormat.md else f"pipeline.{format.value}")
        if format is PackFormat.md:
            data: str | bytes = render_pipeline(view, "md")
        else:
            html = render_pipeline(view, "html")
            if format is PackFormat.pdf:
                from reviewkit.ops.render import _pdf

                if target == "-":
                    raise ReviewkitError(
                        "a PDF cannot be written to the terminal", hint="use -o FILE.pdf"
                    )
                data = _pdf(html)
            else:
                data = html
        if target == "-":
            assert isinstance(data, str)
            sys.stdout.write(data)
        else:
            write_pack(Path(target), data)
            typer.echo(f"Wrote {target}", err=True)
        return exitcodes.OK

    _guard(body)


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The older version: a file, or a git revision of NEW."),
    ],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The deal file now.")],
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    reveal_floor: Annotated[
        bool, typer.Option(help="Show the commercial floor where a change quotes it.")
    ] = False,
    today: TodayOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
) -> None:
    """Show what changed in a deal between two versions.

    Example: reviewkit diff HEAD~1 deals/prov-core.yaml
    """

    def body() -> int:
        from reviewkit.judge.changes import changes_between, load_version, report
        from reviewkit.model.config import Settings
        from reviewkit.model.deal import load_deal

        settings = Settings(config, playbook).for_file(new)
        after = load_deal(new, settings.playbook, language=settings.language)
        before = load_version(new, old, settings)
        changes = changes_between(before, after, _today(today), settings, reveal_floor)
        if format is DiffFormat.json:
            import json

            document = {
                "old": before.display,
                "new": after.display,
                "changes": [
                    {
                        "kind": c.kind,
                        "subject": c.subject,
                        "before": c.before,
                        "after": c.after,
                        "line": c.line,
                        "column": c.column,
                        "reversal": c.reversal,
                        "text": c.text(after.language),
                    }
                    for c in changes
                ],
            }
            sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(report(changes, after.language, f"{before.display} → {after.display}"))
        return exitcodes.OK

    _guard(body)


@app.command()
def advance(
    path: Annotated[Path, typer.Argument(help="The deal file.")],
    to: Annotated[str, typer.Option("--to", metavar="STAGE", help="The later stage to move to.")],
    force: Annotated[
        bool, typer.Option(help="Move on although work is open (needs --reason).")
    ] = False,
    reason: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT", help="Why the deal moves on regardless; recorded in the file."
        ),
    ] = None,
    today: TodayOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
) -> None:
    """Move a deal to a later stage once the work before it is done.

    Example: reviewkit advance deals/prov-core.yaml --to partner
    """

    def body() -> int:
        from reviewkit.model.config import Settings
        from reviewkit.ops.advance import advance as move

        settings = Settings(config, playbook).for_file(path)
        deal, gaps, moved = move(
            path, to, config=settings, today=_today(today), force=force, reason=reason
        )
        for gap in gaps:
            where = f"{deal.display}:{gap.line}:{gap.column}:"
            typer.echo(
                f"{where} {gap.stage} › {gap.item} ({gap.label}): {gap.state}", err=not moved
            )
        if not moved:
            typer.echo(
                f"reviewkit: {deal.display} stays at '{deal.stage}': {len(gaps)} item(s) or gate(s) "
                f"before '{to}' do not hold — complete them, or pass --force --reason TEXT",
                err=True,
            )
            return exitcodes.FINDINGS
        note = f" (forced past {len(gaps)} open item(s); recorded in history)" if gaps else ""
        typer.echo(f"Moved {deal.display} from '{deal.stage}' to '{to}'{note}.")
        return exitcodes.OK

    _guard(body)


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
) -> None:
    """Write the JSON Schema of deal files, for editors.

    Example: reviewkit schema -o deals/deal.schema.json
    """

    def body() -> int:
        from reviewkit.model.config import Settings
        from reviewkit.model.jsonschema import deal_json_schema, dumps
        from reviewkit.ops.render import write_pack

        folder = output.absolute().parent if output else Path.cwd()
        text = dumps(deal_json_schema(Settings(config, playbook).for_folder(folder).playbook))
        if output is None:
            sys.stdout.write(text)
        else:
            write_pack(output, text)
            typer.echo(f"Wrote {output}", err=True)
        return exitcodes.OK

    _guard(body)


playbook_app = typer.Typer(
    help="Show the playbook in use: stages, items, rules, gates.",
    no_args_is_help=True,
)
app.add_typer(playbook_app, name="playbook")


@playbook_app.command("show")
def playbook_show(
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Print the playbook's stages, items, rules and gates.

    Example: reviewkit playbook show --playbook samples/playbooks/meddpicc.yaml
    """

    def body() -> int:
        from reviewkit.model.config import Settings
        from reviewkit.model.playbook import describe

        settings = Settings(config, playbook).for_folder(Path.cwd())
        sys.stdout.write(
            describe(settings.playbook, lang.value if lang else settings.language or "en")
        )
        return exitcodes.OK

    _guard(body)


def main() -> None:
    """Console entry point."""
    app()
