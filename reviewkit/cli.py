"""The `reviewkit` command line: parse flags, call the library, print, map errors to exit codes."""

# No `from __future__ import annotations` here: Typer would evaluate every annotation string
# on each start (about 4 ms of a 90 ms `check`).
import contextlib
import datetime as dt
import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from reviewkit import __version__, exitcodes
from reviewkit.errors import ReviewkitError

if TYPE_CHECKING:
    from reviewkit.ops.outcome import Outcome

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


def _language(value: str | None) -> str | None:
    """`--lang`: a language a text catalogue exists for (`fr` works once `fr.json` is there)."""
    if value is None:
        return None
    from reviewkit.text.catalogue import FALLBACK, languages, say

    if value not in languages():
        known = ", ".join(languages())
        raise typer.BadParameter(say(FALLBACK, "error.unknown-language", value=value, known=known))
    return value


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class PackFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


class RenderFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    xlsx = "xlsx"


class PipelineFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


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
    str | None,
    typer.Option(
        metavar="LANG",
        callback=_language,
        help="Language: en, zh, or one a text catalogue adds "
        "(default: the deal's or the config's, else en).",
    ),
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
        from reviewkit.text.catalogue import FALLBACK, say

        typer.echo(f"reviewkit: {say(FALLBACK, 'cli.interrupted')}", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # an internal error: say so in one line
        from reviewkit.text.catalogue import FALLBACK, say
        from reviewkit.text.errors import internal_error

        _fail([f"reviewkit: {say(FALLBACK, 'cli.bug', error=internal_error(exc))}"])
    raise typer.Exit(code)


def _run(operation: "Callable[[], Outcome]") -> None:
    """Run a command's operation; print what it returns and exit with its code."""

    def body() -> int:
        outcome = operation()
        sys.stdout.write(outcome.out)
        for line in outcome.err:
            typer.echo(line, err=True)
        return outcome.code

    _guard(body)


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
        str | None,
        typer.Option(
            metavar="LANG",
            callback=_language,
            help="Language of the file's comments and of the pack (default: the config's, else en).",
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

    def op() -> "Outcome":
        from reviewkit.ops.new import new_command

        return new_command(
            name,
            stage=stage,
            lang=lang,
            customer=customer,
            owner=owner,
            output=output,
            force=force,
            playbook=playbook,
            config=config,
        )

    _run(op)


class _CheckCommand(typer.core.TyperCommand):
    """`check`, whose help ends with the rules, read from the registry only when shown."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:  # Typer's own click types
        from reviewkit.judge.engine import RULES

        with formatter.section("Rules (reviewkit rule NAME explains one)"):
            formatter.write_dl([(rule.slug, rule.summary) for rule in RULES])
        super().format_epilog(ctx, formatter)


@app.command(cls=_CheckCommand)
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
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="First correct what has one obvious answer (High -> high, RMB -> CNY, "
            "full-width '：'), in place; with -, print the fixed file.",
        ),
    ] = False,
) -> None:
    """Check deal files against the playbook's checklist and rules.

    Example: reviewkit check deals/ --today 2026-12-01
    """

    def op() -> "Outcome":
        from reviewkit.ops.check import check_command

        return check_command(
            paths,
            format=format.value if format else None,
            strict=strict,
            today=_today(today),
            playbook=playbook,
            config=config,
            jobs=jobs,
            fix=fix,
        )

    _run(op)


@app.command()
def render(
    paths: PathsArgument,
    format: Annotated[
        RenderFormat, typer.Option("--format", "-f", help="Pack format.")
    ] = RenderFormat.md,
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

    def op() -> "Outcome":
        from reviewkit.present.pdfahead import ahead

        one_pdf = format is RenderFormat.pdf and output != "-" and len(paths) == 1
        # WeasyPrint is imported on another core while this one builds the pack
        with ahead(one_pdf and not paths[0].is_dir()):
            from reviewkit.ops.batch import render_command
            from reviewkit.ops.render import PackRequest

            pack_lang = lang
            request = PackRequest(
                format.value, pack_lang, reveal_floor, _today(today), playbook, config, since
            )
            return render_command(paths, request, output, jobs)

    _run(op)


@app.command()
def pipeline(
    paths: PathsArgument,
    format: Annotated[
        PipelineFormat, typer.Option("--format", "-f", help="Output format.")
    ] = PipelineFormat.md,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="OUT",
            help="Output file (default: stdout for md, json and csv; else pipeline.FORMAT).",
        ),
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            metavar="KEYS",
            help="Order of the deal table: deal, customer, owner, stage, value, close, gate, "
            "errors, warnings, review, next; comma-separated, '-' first for largest or latest "
            "first (default: stage,close).",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REF",
            help="List the deals whose expected close moved later since this git revision.",
        ),
    ] = None,
    lang: LangOption = None,
    today: TodayOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
    jobs: JobsOption = None,
) -> None:
    """The director's view of many deals: every open deal in one table, the four measures,
    value by stage and owner, who needs a review now.

    Example: reviewkit pipeline deals/ --format pdf --sort owner,-value
    """

    def op() -> "Outcome":
        from reviewkit.ops.pipeline import pipeline_command

        return pipeline_command(
            paths,
            format=format.value,
            output=output,
            lang=lang,
            today=_today(today),
            playbook=playbook,
            config=config,
            jobs=jobs,
            sort=sort,
            since=since,
        )

    _run(op)


class LessonsFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"


@app.command()
def lessons(
    paths: PathsArgument,
    format: Annotated[
        LessonsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LessonsFormat.md,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="OUT",
            help="Output file (default: stdout for md and json; else lessons.FORMAT).",
        ),
    ] = None,
    lang: LangOption = None,
    playbook: PlaybookOption = None,
    config: ConfigOption = None,
    jobs: JobsOption = None,
) -> None:
    """What lost deals teach: the checklist items and gates open at the close, ranked by how
    much more often they were open in lost deals than in won ones, with the playbook's lesson.

    Example: reviewkit lessons deals/ --format pdf
    """

    def op() -> "Outcome":
        from reviewkit.ops.lessons import lessons_command

        return lessons_command(
            paths,
            format=format.value,
            output=output,
            lang=lang,
            playbook=playbook,
            config=config,
            jobs=jobs,
        )

    _run(op)


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

    def op() -> "Outcome":
        from reviewkit.ops.diff import diff_command

        return diff_command(
            old,
            new,
            format=format.value,
            reveal_floor=reveal_floor,
            today=_today(today),
            playbook=playbook,
            config=config,
        )

    _run(op)


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

    def op() -> "Outcome":
        from reviewkit.ops.advance import advance_command

        return advance_command(
            path,
            to,
            force=force,
            reason=reason,
            today=_today(today),
            playbook=playbook,
            config=config,
        )

    _run(op)


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

    def op() -> "Outcome":
        from reviewkit.ops.schema import schema_command

        return schema_command(output, playbook, config)

    _run(op)


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

    def op() -> "Outcome":
        from reviewkit.ops.playbook import playbook_show_command

        return playbook_show_command(playbook, config, lang)

    _run(op)


@app.command()
def rule(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The rule's slug, e.g. gate.")],
    lang: LangOption = None,
) -> None:
    """Explain a rule of check: what it reports, why, how to fix it.

    Example: reviewkit rule single-threaded
    """

    def op() -> "Outcome":
        from reviewkit.ops.rule import rule_command

        return rule_command(name, lang)

    _run(op)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except SystemExit as done:
        _exit_now(done)
        raise


def _exit_now(done: SystemExit) -> None:
    """After a PDF, leave without tearing the interpreter down: every output is written and
    closed by then, and freeing WeasyPrint's hundreds of thousands of objects one by one only
    delays the prompt (a tenth of a second; a few hundredths when WeasyPrint was imported
    ahead, in a child process). Other commands exit as usual."""
    ahead = sys.modules.get("reviewkit.present.pdfahead")
    made = "reviewkit.present.pdf" in sys.modules or getattr(ahead, "made_ahead", False)
    if not made or not isinstance(done.code, int | None):
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that went away has nothing left to get
            stream.flush()
    os._exit(done.code or 0)
