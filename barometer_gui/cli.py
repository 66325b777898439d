"""The headless face of Barometer: `python main.py inspect|table|report …`.

Everything the GUI does to produce numbers or files can be done here, with
the same core functions. User errors print one Norwegian line on stderr and
exit with status 2; nothing is written unless the whole result is ready.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import check_output_path
from barometer_gui.core.importer import demo_path, open_survey
from barometer_gui.core.schema import Survey
from barometer_gui.core.stats import CORRECTIONS
from barometer_gui.core.tabulate import TableSpec, tabulate

COMMANDS = ("inspect", "table", "report")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, status 2, no usage dump
        raise BarometerError(f"Ugyldig kommando: {message}. Se «{self.prog} --help».")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="barometer", description="Barometer – analyse av innovasjonsbarometeret.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def source(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "file", nargs="?", help="eksportfil (.xlsx, .xls, .csv) eller SurveyXact-mappe; demo hvis tom"
        )
        sub.add_argument("--demo", action="store_true", help="bruk det innebygde demodatasettet")
        sub.add_argument("--sheet", help="arknavn (standard: gjenkjennes automatisk)")
        sub.add_argument("--mapping", help="koblingsfil (JSON) fra koblingsdialogen")
        sub.add_argument(
            "--codebook", metavar="FILE", help="kodebok i egen fil (etiketter, typer, rekkefølge)"
        )
        sub.add_argument("--no-saved-mapping", action="store_true", help="ikke bruk en lagret kobling")

    def table_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--by", help="bakgrunnsvariabel å dele opp etter (f.eks. fylke, kommunestorrelse)")
        sub.add_argument(
            "--where", action="append", default=[], metavar="VAR=VERDI", help="filter (kan gjentas)"
        )
        sub.add_argument("--weight", help="vektvariabel")
        sub.add_argument("--min-base", type=int, default=5, help="skjul grupper med færre svar (standard 5)")
        sub.add_argument("--low-base", type=int, default=30, help="merk grupper med færre svar (standard 30)")
        sub.add_argument(
            "--benchmark", metavar="VAR=VERDI", help="eget område mot resten av landet og hele landet"
        )
        sub.add_argument(
            "--summary", action="store_true", help="rutenett: andel hemmer/fremmer (topp/bunn to)"
        )
        sub.add_argument(
            "--correction", default="holm", choices=sorted(CORRECTIONS), help="korreksjon for parvise tester"
        )

    inspect = commands.add_parser("inspect", help="vis spørsmålene som ble funnet, som JSON")
    source(inspect)

    table = commands.add_parser("table", help="tabell for ett spørsmål")
    source(table)
    table.add_argument("--question", "-q", required=True, help="id, full tekst eller starten av teksten")
    table_options(table)
    table.add_argument("--format", choices=["json", "csv"], default="json")
    table.add_argument("--decimal-comma", action="store_true", help="CSV med semikolon og desimalkomma")
    table.add_argument("--out", help="skriv til fil i stedet for skjermen")

    report = commands.add_parser("report", help="PowerPoint med ett lysbilde per spørsmål")
    source(report)
    report.add_argument("--question", "-q", action="append", required=True, help="spørsmål (kan gjentas)")
    table_options(report)
    report.add_argument("--template", help="PowerPoint-mal (.pptx) å bygge på")
    report.add_argument("--out", required=True, help="utfil (.pptx)")
    return parser


def run(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except BarometerError as exc:
        print(f"barometer: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("barometer: avbrutt.", file=sys.stderr)
        return 130
    except MemoryError:
        print("barometer: for lite minne til å lese fila.", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug in Barometer: one line for the user, the traceback on request
        if os.environ.get("BAROMETER_DEBUG"):
            raise
        print(
            f"barometer: intern feil ({exc.__class__.__name__}: {exc}). Kjør med BAROMETER_DEBUG=1 for detaljer.",
            file=sys.stderr,
        )
        return 1


def _dispatch(args: argparse.Namespace) -> int:
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
    from barometer_gui.export.pptx import write_report

    tables = [tabulate(survey, _spec(args, q)) for q in args.question]
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise BarometerError("Utfila for rapporten må slutte på .pptx.")
    write_report(tables, out, template=args.template)
    print(out)
    return 0


def _load(args: argparse.Namespace) -> Survey:
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
        raise BarometerError(f"{option} skal ha formen VARIABEL=VERDI, fikk «{text}».")
    return name.strip(), value.strip()
