"""The `reviewkit` command and `python -m reviewkit`: for a PDF, WeasyPrint is started at once."""

import itertools
import sys
from collections.abc import Sequence


def reads_as_pdf_render(args: Sequence[str]) -> bool:
    """Whether a command line reads as `render ... --format pdf` or `render ... -o NAME.pdf`
    (without --watch), judged from its words before the command line's modules load. Only a
    hint: it starts WeasyPrint's import in a child process early (`reviewkit.present.pdfahead`),
    and the render command, once its options are parsed, keeps that child or stops it; a wrong
    guess costs a moment of the other core."""
    if not args or args[0] != "render" or "--watch" in args:
        return False
    words = list(args[1:])
    pairs = set(itertools.pairwise(words))
    asked = {"--format=pdf", "-fpdf"} & set(words) or {("--format", "pdf"), ("-f", "pdf")} & pairs
    named = [b for a, b in pairs if a in ("-o", "--output")]
    named += [w.removeprefix("--output=") for w in words if w.startswith("--output=")]
    return bool(asked) or any(name.lower().endswith(".pdf") for name in named)


def main() -> None:
    """Console entry point: the command line of `reviewkit.cli`, with WeasyPrint's import
    started before it loads when the words ask for a PDF."""
    if not reads_as_pdf_render(sys.argv[1:]):
        from reviewkit.cli import main as command_line

        command_line()
        return
    from reviewkit.present.pdfahead import ahead

    with ahead():
        from reviewkit.cli import main as command_line

        command_line()


if __name__ == "__main__":
    main()
