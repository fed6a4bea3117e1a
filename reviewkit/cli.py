"""The `reviewkit` command line: parse flags, call the library, print, map errors to exit codes."""

# No `from __future__ import annotations` here: Typer would evaluate every annotation string
# on each start (about 4 ms of a 90 ms `check`).
import contextlib
import datetime as dt
import enum
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer import _click as click

from reviewkit import __version__, exitcodes
from reviewkit.errors import ReviewkitError

if TYPE_CHECKING:
    from reviewkit.ops.outcome import Outcome


class _Command(typer.core.TyperCommand):
    """A command whose usage line names its arguments plainly: `PATH...`, not `{PATH...}`."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]


class _Group(typer.core.TyperGroup):
    """reviewkit's commands; a usage error is one line in reviewkit's style, exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        call = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*call, **extra)
        try:
            code = super().main(*call, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # `reviewkit` alone: the help
            exc.show()
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            typer.echo(usage_error(exc), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            from reviewkit.text.catalogue import FALLBACK, say

            typer.echo(f"reviewkit: {say(FALLBACK, 'cli.interrupted')}", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def usage_error(exc: click.ClickException) -> str:
    """`reviewkit: MESSAGE — see reviewkit COMMAND --help`: a usage error in one line."""
    from reviewkit.text.catalogue import FALLBACK, say

    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "reviewkit"
    return f"reviewkit: {exc.format_message()} — {say(FALLBACK, 'cli.see-help', command=where)}"


app = typer.Typer(
    cls=_Group,
    name="reviewkit",
    help=(
        "Deal files, stage checklists and review-meeting packs for B2B project sales.\n\n"
        "Example: reviewkit new 'Provincial core upgrade' --stage relationship, then "
        "reviewkit check provincial-core-upgrade.yaml, then "
        "reviewkit render provincial-core-upgrade.yaml --format pdf"
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion and --show-completion SHELL (offline)
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


def _date(value: str) -> dt.date:
    """`--today`: a real date written YYYY-MM-DD, or a refusal in plain words."""
    from reviewkit.text.catalogue import FALLBACK, say

    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise typer.BadParameter(say(FALLBACK, "error.not-a-date", value=value))


class RenderFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    xlsx = "xlsx"


class Audience(enum.StrEnum):
    team = "team"
    wide = "wide"


class PipelineFormat(enum.StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


TodayOption = Annotated[
    dt.date | None,
    typer.Option(
        "--today",
        parser=_date,
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
    int | None,
    typer.Option("--jobs", "-j", min=1, metavar="N", help="Processes to use (default: all cores)."),
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
            typer.echo(line, err=True, color=True)  # colour was chosen already (present/colour)
        return outcome.code

    _guard(body)


def _today(value: dt.date | None) -> dt.date:
    return value or dt.date.today()


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


@app.command(cls=_Command)
def new(
    name: Annotated[
        str,
        typer.Argument(metavar="NAME", help="The deal's name, e.g. 'Provincial core upgrade'."),
    ],
    stage: Annotated[
        str | None,
        typer.Option(metavar="STAGE", help="Stage key to start at (default: the first)."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            metavar="LANG",
            callback=_language,
            help="Language of the file's comments and of the pack (default: the config's, else en).",
        ),
    ] = None,
    customer: Annotated[str, typer.Option(metavar="TEXT", help="The customer organisation.")] = "",
    owner: Annotated[
        str, typer.Option(metavar="TEXT", help="The account manager who owns the deal.")
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="FILE", help="File to write (default: NAME as a file name)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
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


class _CheckCommand(_Command):
    """`check`, whose help ends with the rules, read from the registry only when shown."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:  # Typer's own click types
        from reviewkit.judge.engine import RULES

        with formatter.section("Rules (reviewkit rule NAME explains one)"):
            formatter.write_dl([(rule.slug, rule.summary) for rule in RULES])
        super().format_epilog(ctx, formatter)


class Colour(enum.StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


ColourOption = Annotated[
    Colour,
    typer.Option(
        "--color",
        metavar="[auto|always|never]",
        help="Colour the output: auto (on a terminal, unless NO_COLOR is set; "
        "FORCE_COLOR forces it), always or never.",
    ),
]


@app.command(cls=_CheckCommand)
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Deal files or folders; '-' reads standard input."),
    ],
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[text|json|github|sarif]",
            help="Output format (default: text; github inside GitHub Actions).",
        ),
    ] = None,
    select: Annotated[
        str | None,
        typer.Option(
            metavar="RULE,...", help="Report only these rules (replaces the config's select)."
        ),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(metavar="RULE,...", help="Never report these rules (adds to the config's)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Hide info findings.")] = False,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when findings fail the check (2 still means 2)."
        ),
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings of each rule instead.")
    ] = False,
    output_file: Annotated[
        Path | None,
        typer.Option("--output-file", "-o", metavar="FILE", help="Write the output to FILE."),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            metavar="FILE", help="The name of the file read from standard input ('check -')."
        ),
    ] = None,
    color: ColourOption = Colour.auto,
    lang: LangOption = None,
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
        from reviewkit.model.config import Settings
        from reviewkit.ops.check import CheckOptions, check_command, parse_rules

        options = CheckOptions(
            format=format.value if format else None,
            strict=strict,
            quiet=quiet,
            exit_zero=exit_zero,
            statistics=statistics,
            colour=color.value,
            output_file=output_file,
            stdin_filename=stdin_filename,
            lang=lang,
        )
        settings = Settings(
            config, playbook, parse_rules(select), parse_rules(ignore) or frozenset()
        )
        return check_command(
            paths, options=options, today=_today(today), settings=settings, jobs=jobs, fix=fix
        )

    _run(op)


@app.command(cls=_Command)
def render(
    paths: PathsArgument,
    format: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[md|html|pdf|docx|xlsx]",
            help="Pack format (default: from the -o file's extension, else md).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="PATH",
            help="Output file, or folder (made when missing); '-' for stdout "
            "(default: beside the deal).",
        ),
    ] = None,
    lang: LangOption = None,
    reveal_floor: Annotated[
        bool, typer.Option("--reveal-floor", help="Show the commercial floor price.")
    ] = False,
    audience: Annotated[
        Audience,
        typer.Option(
            "--audience",
            metavar="[team|wide]",
            help="Who the pack is for: the review team, or a wide audience "
            "(quote, target and floor withheld).",
        ),
    ] = Audience.team,
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
    full_checklist: Annotated[
        bool,
        typer.Option(
            "--full-checklist", help="List every checklist item in the appendix, met ones too."
        ),
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Re-render the HTML pack on every save of the deal file; the page reloads "
            "itself in the browser. Ctrl-C stops (exit 0).",
        ),
    ] = False,
) -> None:
    """Write the review-meeting pack for a deal, or for many.

    Example: reviewkit render deals/prov-core.yaml  (writes deals/prov-core.review.md)

    Example: reviewkit render deals/prov-core.yaml --watch  (open the .html, then edit)
    """

    def op() -> "Outcome":
        from reviewkit.ops.batch import render_command
        from reviewkit.ops.render import PackRequest

        chosen = format.value if format else None
        request = PackRequest(
            chosen,
            lang,
            reveal_floor,
            _today(today),
            playbook,
            config,
            since,
            full_checklist,
            audience.value,
        )
        if watch:
            from reviewkit.ops.watch import watch_command

            if len(paths) != 1:
                from reviewkit.text.errors import error

                raise error("watch-one")
            return watch_command(paths[0], request, output, lambda line: typer.echo(line, err=True))
        return render_command(paths, request, output, jobs)

    _run(op)


@app.command(cls=_Command)
def pipeline(
    paths: PathsArgument,
    format: Annotated[
        PipelineFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[md|html|pdf|json|csv|xlsx]",
            help="Output format (default: from the -o file's extension, else md).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
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
        from reviewkit.ops.render import PIPELINE_EXTENSIONS, output_format

        return pipeline_command(
            paths,
            format=output_format(format.value if format else None, output, PIPELINE_EXTENSIONS),
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


@app.command(cls=_Command)
def lessons(
    paths: PathsArgument,
    format: Annotated[
        LessonsFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[md|html|pdf|json]",
            help="Output format (default: from the -o file's extension, else md).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
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
        from reviewkit.ops.render import LESSONS_EXTENSIONS, output_format

        return lessons_command(
            paths,
            format=output_format(format.value if format else None, output, LESSONS_EXTENSIONS),
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


@app.command(cls=_Command)
def diff(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The older version: a file, or a git revision of NEW."),
    ],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The deal file now.")],
    format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", metavar="[text|json]", help="Output format."),
    ] = DiffFormat.text,
    reveal_floor: Annotated[
        bool,
        typer.Option("--reveal-floor", help="Show the commercial floor where a change quotes it."),
    ] = False,
    color: ColourOption = Colour.auto,
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
            colour=color.value,
        )

    _run(op)


@app.command(cls=_Command)
def advance(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The deal file.")],
    to: Annotated[str, typer.Option("--to", metavar="STAGE", help="The later stage to move to.")],
    force: Annotated[
        bool, typer.Option("--force", help="Move on although work is open (needs --reason).")
    ] = False,
    reason: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT", help="Why the deal moves on regardless; recorded in the file."
        ),
    ] = None,
    color: ColourOption = Colour.auto,
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
            colour=color.value,
        )

    _run(op)


@app.command(cls=_Command)
def schema(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="FILE", help="File to write (default: stdout)."),
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
    help="Show the playbook in use: stages, items, rules, gates.\n\n"
    "Example: reviewkit playbook show --lang zh",
    no_args_is_help=True,
)
app.add_typer(playbook_app, name="playbook")


@playbook_app.command("show", cls=_Command)
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


@app.command(cls=_Command)
def rule(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The rule's slug, e.g. gate.")],
    lang: LangOption = None,
) -> None:
    """Explain a rule of check: what it reports, why, how to fix it.

    Example: reviewkit rule single-threaded --lang zh
    """

    def op() -> "Outcome":
        from reviewkit.ops.rule import rule_command

        return rule_command(name, lang)

    _run(op)


def main() -> None:
    """The command line (the `reviewkit` command runs it from reviewkit/__main__.py)."""
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
