"""The headless face of Barometer: `python main.py inspect|table|report …`.

Everything the GUI does to produce numbers or files can be done here, with
the same core functions. User errors print one Norwegian line on stderr and
exit with status 2; nothing is written unless the whole result is ready.

This module is also the program's front door (`front_door`): it decides between
window and command before anything heavy is imported, so `--help` and argument
errors answer at once. pandas, numpy and Qt are imported only after parsing.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.i18n import argparse_words, language, set_language, t
from barometer_gui.core.i18n.messages import explain_os_error

if TYPE_CHECKING:
    from barometer_gui.core.schema import Survey
    from barometer_gui.core.tabulate import TableSpec

COMMANDS = ("inspect", "table", "report")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, status 2, no usage dump
        raise BarometerError(
            "Ugyldig kommando: {message}. Se «{prog} --help».", message=message, prog=self.prog
        )


def take_language(argv: list[str]) -> tuple[list[str], str | None]:
    """Apply and remove `--lang CODE` / `--lang=CODE` wherever it stands (for window and commands alike)."""
    rest, chosen, index = [], None, 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--lang" and index + 1 < len(argv):
            chosen = set_language(argv[index + 1])
            index += 2
            continue
        if arg.startswith("--lang="):
            chosen = set_language(arg.split("=", 1)[1])
        else:
            rest.append(arg)
        index += 1
    return rest, chosen


def front_door(argv: list[str]) -> tuple[str, list[str]]:
    """("gui", [file]) or ("cli", argv); a misspelt command or a missing file is an error, never a window."""
    if not argv:
        return "gui", []
    first = argv[0]
    if first in COMMANDS or first.startswith("-"):
        return "cli", argv
    if Path(first).exists():
        if len(argv) > 1:
            raise BarometerError(
                "Vinduet åpner én fil; fikk også {extra}. Se «barometer --help».", extra=" ".join(argv[1:])
            )
        return "gui", [first]
    close = difflib.get_close_matches(first.lower(), COMMANDS, n=1, cutoff=0.6)
    if close:
        raise BarometerError(
            "Ukjent kommando «{given}». Mente du «{command}»?", given=first, command=close[0]
        )
    if Path(first).suffix or os.sep in first or "/" in first:
        raise BarometerError("Fant ikke fila «{name}».", name=first)
    raise BarometerError(
        "Ukjent kommando eller fil «{given}». Kommandoer: {commands}. Se «barometer --help».",
        given=first,
        commands=", ".join(COMMANDS),
    )


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()
    parser = _Parser(
        prog="barometer",
        description=t(
            "Barometer – analyse av innovasjonsbarometeret. Uten kommando (eller med en fil) åpnes vinduet."
        ),
        epilog=t("Språk: --lang en for engelsk, --lang nb for norsk (standard)."),
    )
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar=t("KOMMANDO")
    )

    def source(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "file", nargs="?", help=t("eksportfil (.xlsx, .xls, .csv) eller SurveyXact-mappe; demo hvis tom")
        )
        sub.add_argument("--demo", action="store_true", help=t("bruk det innebygde demodatasettet"))
        sub.add_argument("--sheet", help=t("arknavn (standard: gjenkjennes automatisk)"))
        sub.add_argument("--mapping", help=t("koblingsfil (JSON) fra koblingsdialogen"))
        sub.add_argument(
            "--codebook", metavar=t("FIL"), help=t("kodebok i egen fil (etiketter, typer, rekkefølge)")
        )
        sub.add_argument("--no-saved-mapping", action="store_true", help=t("ikke bruk en lagret kobling"))

    def table_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--by", help=t("bakgrunnsvariabel å dele opp etter (f.eks. fylke, kommunestorrelse)")
        )
        sub.add_argument(
            "--where", action="append", default=[], metavar=t("VAR=VERDI"), help=t("filter (kan gjentas)")
        )
        sub.add_argument("--weight", help=t("vektvariabel"))
        sub.add_argument(
            "--min-base", type=int, default=5, help=t("skjul grupper med færre svar (standard 5)")
        )
        sub.add_argument(
            "--low-base", type=int, default=30, help=t("merk grupper med færre svar (standard 30)")
        )
        sub.add_argument(
            "--benchmark", metavar=t("VAR=VERDI"), help=t("eget område mot resten av landet og hele landet")
        )
        sub.add_argument(
            "--summary", action="store_true", help=t("rutenett: andel hemmer/fremmer (topp/bunn to)")
        )
        sub.add_argument(
            "--correction", default="holm", help=t("korreksjon for parvise tester (standard holm)")
        )

    inspect = commands.add_parser("inspect", help=t("vis spørsmålene som ble funnet, som JSON"))
    source(inspect)

    table = commands.add_parser("table", help=t("tabell for ett spørsmål"))
    source(table)
    table.add_argument("--question", "-q", required=True, help=t("id, full tekst eller starten av teksten"))
    table_options(table)
    table.add_argument("--format", choices=["json", "csv"], default="json")
    table.add_argument("--decimal-comma", action="store_true", help=t("CSV med semikolon og desimalkomma"))
    table.add_argument("--out", help=t("skriv til fil i stedet for skjermen"))

    report = commands.add_parser(
        "report", help=t("rapport (.pptx, .xlsx, .pdf, .png/.svg) fra et rapportoppsett")
    )
    source(report)
    report.add_argument(
        "--spec", help=t("rapportoppsett (JSON) lagret fra rapportveiviseren eller --save-spec")
    )
    report.add_argument("--question", "-q", action="append", default=[], help=t("spørsmål (kan gjentas)"))
    table_options(report)
    report.add_argument("--template", help=t("PowerPoint-mal (.pptx eller .potx) å bygge på"))
    report.add_argument("--title", help=t("rapportens tittel"))
    report.add_argument("--save-spec", metavar="SPEC.json", help=t("lagre rapportoppsettet hurtigformen gir"))
    report.add_argument("--out", help=t("utfil; endelsen velger format (.pptx, .xlsx, .pdf, .png, .svg)"))
    return parser


def run(argv: list[str]) -> int:
    try:
        argv, chosen = take_language(argv)
        args = build_parser().parse_args(argv)
        args.lang = chosen
        return _dispatch(args)
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    except BarometerError as exc:
        print(f"barometer: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("barometer: " + t("avbrutt."), file=sys.stderr)
        return 130
    except MemoryError:
        print("barometer: " + t("for lite minne til å lese fila."), file=sys.stderr)
        return 2
    except OSError as exc:
        print("barometer: " + explain_os_error(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # a bug in Barometer: one line for the user, the traceback on request
        if os.environ.get("BAROMETER_DEBUG"):
            raise
        error = f"{type(exc).__name__}: {exc}"
        print(
            "barometer: " + t("intern feil ({error}). Kjør med BAROMETER_DEBUG=1 for detaljer.", error=error),
            file=sys.stderr,
        )
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    import json

    from barometer_gui.core.files import check_output_path
    from barometer_gui.core.importer import demo_path
    from barometer_gui.core.tabulate import tabulate

    if args.command == "report":
        _spec_source(args)
    if getattr(args, "out", None):  # before any work: never write over an input
        check_output_path(args.out, args.file or demo_path(), args.mapping, getattr(args, "template", None))
    survey = _load(args)
    if args.command == "inspect":
        print(json.dumps(survey.describe(), ensure_ascii=False, indent=2))
        return 0
    if args.command == "table":
        from barometer_gui.export.tables import to_csv, to_json

        table = tabulate(survey, _spec(args, args.question))
        text = to_json(table) if args.format == "json" else to_csv(table, args.decimal_comma)
        if args.out:
            from barometer_gui.core.files import atomic_write_text

            atomic_write_text(args.out, text)
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    return _report(args, survey)


def _report(args: argparse.Namespace, survey: Survey) -> int:
    """`report`: a saved spec, or the spec the quick form (-q … --by …) implies; run_report does the rest."""
    from barometer_gui.core.report import run_report, save_spec
    from barometer_gui.core.report.run import output_format

    if not args.out and not args.save_spec:
        raise BarometerError("Oppgi --out (og/eller --save-spec).")
    if args.out:
        output_format(args.out)
    spec = args.loaded_spec or _quick_spec(args, survey)
    if args.template:
        spec.settings.template = args.template
    if args.title:
        spec.title = args.title
    if getattr(args, "lang", None) or not args.spec:  # --lang, or the quick form: the CLI's language
        spec.settings.language = language()
    if args.save_spec:
        save_spec(spec, args.save_spec)
        print(args.save_spec)
    if args.out:
        result = run_report(survey, spec, args.out)
        for skipped in result.skipped:
            print("barometer: " + t("hoppet over {item}", item=skipped), file=sys.stderr)
        print(result.path)
    return 0


def _spec_source(args: argparse.Namespace) -> None:
    """`report --spec SPEC` without FILE reruns on the data the spec records (FILE given overrides it)."""
    from barometer_gui.core.report import load_spec
    from barometer_gui.core.report.spec import source_paths

    if args.spec and args.question:
        raise BarometerError("Oppgi enten --spec eller -q, ikke begge.")
    args.loaded_spec = load_spec(args.spec) if args.spec else None
    if args.loaded_spec is None or args.file or args.demo:
        return
    data, sheet, mapping = source_paths(args.loaded_spec, args.spec)
    args.file = str(data) if data is not None else None
    args.sheet = args.sheet or sheet
    args.mapping = args.mapping or (str(mapping) if mapping is not None else None)


def _quick_spec(args: argparse.Namespace, survey: Survey):
    from barometer_gui.core.report.spec import recorded_source, spec_from_views, view_item

    if not args.question:
        raise BarometerError("Oppgi --spec SPEC.json eller minst ett spørsmål med -q.")
    views = [view_item(_spec(args, survey.question(name).id), survey) for name in args.question]
    source = recorded_source(args.file, args.save_spec or args.out, args.sheet, args.mapping)
    return spec_from_views(views, args.title or t("Innovasjonsbarometeret"), source)


def _load(args: argparse.Namespace) -> Survey:
    from barometer_gui.core.importer import demo_path, open_survey

    if args.demo and args.file:
        raise BarometerError("Oppgi enten en fil eller --demo, ikke begge.")
    path = Path(args.file) if args.file else demo_path()
    return open_survey(
        path,
        sheet=args.sheet,
        mapping=args.mapping,
        use_saved_mapping=not args.no_saved_mapping,
        codebook=args.codebook,
    )


def _spec(args: argparse.Namespace, question: str) -> TableSpec:
    from barometer_gui.core.tabulate import TableSpec

    return TableSpec(
        question=question,
        by=args.by,
        where=tuple(_pair(w, "--where") for w in args.where),
        weight=args.weight,
        min_base=args.min_base,
        low_base=args.low_base,
        benchmark=_pair(args.benchmark, "--benchmark") if args.benchmark else None,
        grid_summary=args.summary,
        correction=args.correction,
    )


def _pair(text: str, option: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise BarometerError(
            "{option} skal ha formen VARIABEL=VERDI, fikk «{text}».", option=option, text=text
        )
    return name.strip(), value.strip()
