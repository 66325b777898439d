"""A report's content, tabulated once and shared by every format (deck, workbook, PDF, images).

`prepare` resolves each item against the survey, runs the one tabulation engine, folds small
options as the spec asks, and writes the texts a reader needs in plain Norwegian: a subtitle
naming breakdown, filters and own area; a footnote with n per group; the method in one short
line; alternative text; the table as text. Exporters only lay these out.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path

from barometer_gui.charts.model import ChartData, chart_model, group_keys, table_group_colours, whiskers_note
from barometer_gui.core.errors import BarometerError, Cancelled, translated
from barometer_gui.core.footnote import Footnote, footnote
from barometer_gui.core.formatting import fmt_int, fmt_level, fmt_number, fmt_pct
from barometer_gui.core.free_text import free_text
from barometer_gui.core.i18n import t
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.resolve import find_breakdown, find_question
from barometer_gui.core.report.spec import Item, ReportSpec
from barometer_gui.core.schema import QType, Survey
from barometer_gui.core.stats import correction_name
from barometer_gui.core.tabulate import Cell, Group, Stat, Table, tabulate

#: Norwegian letters sort after z, in their own order (æ, ø, å).
_SORT = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})


@dataclass
class Row:
    label: str
    cells: list[Cell | None]  # one per shown group
    diff: float | None = None  # own area minus the rest (percentage points), comparisons only
    diff_significant: bool = False


@dataclass
class Grid:
    """A table laid out for reading: one row per option (and item), one column per shown group."""

    groups: list[Group]
    rows: list[Row]
    percent: bool
    diff_header: str = ""

    def headers(self) -> list[str]:
        return [_group_name(g) for g in self.groups]


@dataclass
class Block:
    kind: str
    title: str
    text: str = ""
    item: Item | None = None
    table: Table | None = None
    subtitle: str = ""
    footnote: str = ""
    method: str = ""
    note: str = ""  # how the question was found or what was folded, said on the slide
    answers: list[str] = field(default_factory=list)  # free text: the answers to list, as written
    colour_keys: list[str] = field(default_factory=list)  # the breakdown's whole category list (group_keys)

    def grid(self) -> Grid:
        assert self.table is not None
        return grid(self.table)

    def group_colours(self) -> list[str]:
        """A colour per shown group (`grid().groups`), the same as the item's charts give them."""
        assert self.table is not None
        return table_group_colours(self.table, self.colour_keys)

    def chart(self) -> ChartData:
        """The item's chart model: its chosen kind, or the charts' fitting rule for "auto"."""
        assert self.table is not None
        chosen = self.item.chart if self.item is not None else "auto"
        kind = None if chosen in ("auto", "none") else chosen
        return chart_model(self.table, kind, colour_keys=self.colour_keys)


@dataclass
class Report:
    title: str
    source: str
    blocks: list[Block]
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "question"]

    @property
    def contents(self) -> list[Block]:
        """Every block that shows survey results: questions and free-text lists, in report order."""
        return [b for b in self.blocks if b.kind in ("question", "freetext")]

    def method_text(self) -> list[str]:
        """The method slide/page: the same for the whole report, in plain words."""
        tables = [b.table for b in self.questions if b.table is not None]
        lines = []
        if tables:
            lines += [
                t("Prosentene er andelen av dem som svarte på spørsmålet i hver gruppe."),
                t(
                    "Usikkerheten er beregnet som 95 % konfidensintervall (Wilson-metoden, med effektivt "
                    "antall svar når tallene er vektet); intervallene står i Excel-utgaven av rapporten."
                ),
            ]
        if any(table.weighted for table in tables):
            weights = sorted({x.spec.weight for x in tables if x.weighted and x.spec.weight})
            lines.append(
                t(
                    "Tallene er vektet med {weights} slik at utvalget speiler populasjonen.",
                    weights=", ".join(weights),
                )
            )
        lettered = [x for x in tables if x.method and not x.comparisons]
        if lettered:
            lines.append(
                t(
                    "Forskjeller mellom grupper er testet med kjikvadrattest og parvise z-tester "
                    "({corrections} for mange sammenligninger, {level} % nivå). "
                    "En bokstav ved et tall betyr at andelen er høyere enn i gruppen med den bokstaven.",
                    corrections=", ".join(sorted({correction_name(x.spec.correction) for x in lettered})),
                    level=_levels(lettered),
                )
            )
        compared = [x for x in tables if x.comparisons]  # own area against the rest: one test, no letters
        if compared:
            lines.append(
                t(
                    "Eget område er sammenlignet med resten av landet med z-test ({level} % nivå); en "
                    "forskjell merket * er statistisk sikker.",
                    level=_levels(compared),
                )
            )
        if tables:
            spec = tables[0].spec
            lines.append(
                t(
                    "Grupper med færre enn {min_base} svar slås sammen med en nabogruppe (vist som «A + B»), "
                    "eller vises ikke (:) der det ikke går, for å verne personvernet og fordi tallene blir "
                    "for usikre; grupper med færre enn {low_base} svar er merket *.",
                    min_base=spec.min_base,
                    low_base=spec.low_base,
                )
            )
        if any(b.kind == "freetext" for b in self.blocks):
            lines.append(free_text_method())
        if self.notes:
            lines += self.notes
        if self.source:
            lines.append(t("Kilde: {source}.", source=self.source))
        return lines


def _levels(tables: list[Table]) -> str:
    """The tests' significance levels as the method page says them: «5», or «1, 5» when items differ."""
    return ", ".join(fmt_level(alpha) for alpha in sorted({x.spec.alpha for x in tables}))


def prepare(survey: Survey, spec: ReportSpec, progress: Progress = no_progress) -> Report:
    """Tabulate every item; items that cannot be matched or computed are skipped and listed."""
    source = survey.source.rsplit("/", 1)[-1] if survey.source else ""
    report = Report(spec.title, source, [])
    questions = sum(1 for i in spec.items if i.kind in ("question", "freetext")) or 1
    done = 0
    for item in spec.items:
        if item.kind not in ("question", "freetext"):
            report.blocks.append(Block(item.kind, item.title, item.text, item=item))
            continue
        progress(0.5 * done / questions, t("Beregner {done} av {total} …", done=done + 1, total=questions))
        done += 1
        make = question_block if item.kind == "question" else free_text_block
        try:
            report.blocks.append(make(survey, spec, item))
        except Cancelled:
            raise
        except BarometerError as exc:
            report.skipped.append(f"«{item.label()}»: {exc.message}")
    if spec.settings.fold_below > 0:
        limit = fmt_number(spec.settings.fold_below, 1)
        report.notes.append(
            t(
                "Svaralternativer under {limit} % i alle grupper er slått sammen til «{other}» i diagrammer "
                "og tabeller (flervalg: utelatt, fordi andelene der ikke kan legges sammen; rutenett og "
                "sammenligninger med eget område vises alltid helt).",
                limit=limit,
                other=t("Andre"),
            )
            if spec.settings.fold_mode == "andre"
            else t(
                "Svaralternativer under {limit} % i alle grupper er utelatt i diagrammer og tabeller "
                "(rutenett og sammenligninger med eget område vises alltid helt).",
                limit=limit,
            )
        )
    return report


def question_block(survey: Survey, spec: ReportSpec, item: Item) -> Block:
    assert item.question is not None
    question, note = find_question(survey, item.question)
    if question is None:
        raise BarometerError(note)
    by, by_note = find_breakdown(survey, item.by)
    if item.by is not None and by is None:
        raise BarometerError(by_note)
    table = tabulate(survey, item.table_spec(spec.settings, question.id, by))
    table, folded = fold(table, spec.settings.fold_below, spec.settings.fold_mode)
    notes = [n for n in (note, by_note, folded) if n]
    foot = footnote(table)
    block = Block(
        "question",
        item.title or question.text,
        item=item,
        table=table,
        subtitle=subtitle(table),
        footnote=foot.text,
        method=foot.method,
        colour_keys=group_keys(survey, table.spec),  # a group keeps its colour whatever the filters keep
    )
    whiskers = whiskers_note()
    if item.chart != "none" and whiskers in block.chart().notes:  # the chart draws intervals
        notes.append(whiskers)
    block.note = sentences(notes)
    return block


def sentences(notes: list[str]) -> str:
    return " ".join(n[0].upper() + n[1:] + ("" if n.endswith(".") else ".") for n in notes if n)


# --------------------------------------------------------------------------- free text


def free_text_block(survey: Survey, spec: ReportSpec, item: Item) -> Block:
    """The answers to a text question, for listing: the engine's filter, the report's minimum base.

    Privacy first: answers are never listed when fewer than the minimum base answered inside the
    filters; they are listed without anything about who wrote them, in alphabetical order (so the
    file's order, often sorted by municipality, says nothing), identical answers once with a count.
    """
    assert item.question is not None
    question, note = find_question(survey, item.question)
    if question is None:
        raise BarometerError(note)
    found = free_text(survey, item.table_spec(spec.settings, question.id, None))
    parts = [t("Alle som svarte")]
    if found.filters:
        parts.append(t("Utvalg: {filters}", filters="; ".join(found.filters)))
    block = Block(
        "freetext", item.title or question.text, item=item, subtitle=" · ".join(parts), note=sentences([note])
    )
    source = Path(survey.source).name if survey.source else ""
    said = [t("Kilde: {source}.", source=source)] if source else []
    if found.base == 0:
        block.footnote = " ".join([t("Ingen svar på dette spørsmålet i utvalget."), *said])
        return block
    if found.too_few:
        block.footnote = " ".join(
            [
                t(
                    "Svarene vises ikke: færre enn {min_base} har svart i utvalget, og svar fra så få "
                    "kan peke ut hvem som skrev dem.",
                    min_base=found.min_base,
                ),
                *said,
            ]
        )
        return block
    answers = found.answers
    if 0 < item.limit < len(answers):
        answers = random.Random(question.id).sample(answers, item.limit)  # the same sample every run
        shown = t(
            "Viser {shown} av {total} svar, trukket tilfeldig.",
            shown=fmt_int(item.limit),
            total=fmt_int(found.base),
        )
    else:
        shown = t("Antall svar: {total}.", total=fmt_int(found.base))
    block.answers = counted(answers)
    block.footnote = " ".join([shown, free_text_method(), *said])
    return block


def counted(answers: list[str]) -> list[str]:
    """Alphabetical, each distinct answer once; a repeated one ends in «(×3)»."""
    counts: dict[str, int] = {}
    for answer in answers:
        counts[answer] = counts.get(answer, 0) + 1
    ordered = sorted(counts, key=lambda a: (a.casefold().translate(_SORT), a))
    return [a if counts[a] == 1 else f"{a} (×{counts[a]})" for a in ordered]


def free_text_method() -> str:
    return t(
        "Fritekstsvarene er gjengitt slik de ble skrevet, uten retting, i alfabetisk rekkefølge og uten "
        "opplysninger om hvem som svarte; like svar står én gang med antall (×). Svar vises ikke når færre "
        "enn minste antall svar har svart i utvalget."
    )


def answer_pages(answers: list[str], width: int, lines: int, gap: float = 0.3) -> list[list[str]]:
    """Answers in pages of at most `lines` lines of `width` characters (`gap` lines between answers).

    An answer keeps its own line breaks; one longer than a page is cut between words and continues
    on the next page, marked «…» at the cut. Every format pages its answers with this one rule.
    """
    pages: list[list[str]] = []
    page: list[str] = []
    used = 0.0
    for answer in answers:
        wrapped = wrapped_lines(answer, width)
        if len(wrapped) <= lines - used:
            page.append(answer)
            used += len(wrapped) + gap
            continue
        if page and len(wrapped) <= lines:  # it fits on a page of its own: start one
            pages.append(page)
            page, used = [answer], len(wrapped) + gap
            continue
        first = True
        while wrapped:
            room = int(lines - used)
            if room <= 0:
                pages.append(page)
                page, used = [], 0.0
                continue
            piece, wrapped = wrapped[:room], wrapped[room:]
            page.append(("… " if not first else "") + " ".join(piece) + (" …" if wrapped else ""))
            used += len(piece) + gap
            first = False
    if page or not pages:
        pages.append(page)
    return pages


def wrapped_lines(answer: str, width: int) -> list[str]:
    """An answer's lines at `width` characters, its own line breaks kept."""
    return [w for part in answer.splitlines() or [""] for w in textwrap.wrap(part, width) or [""]]


def free_text_notes(block: Block) -> str:
    """Speaker notes for a free-text slide: what is shown and how, never who wrote it."""
    return "\n".join(
        x for x in (block.title, block.subtitle, "", block.footnote, block.note) if x is not None
    )


# --------------------------------------------------------------------------- folding


def fold(table: Table, below: float, mode: str) -> tuple[Table, str]:
    """Options under `below` % in every shown group: summed into «Andre» (single choice) or left out.

    Only single-choice shares can be added (one answer each); for multiple choice and grids the
    small options are left out. Counts and shares of «Andre» are sums of the engine's numbers; it
    gets no interval or test letters. The returned text states what was done.
    """
    if below <= 0 or table.question.type not in (QType.SINGLE, QType.MULTI) or table.spec.benchmark:
        return table, ""
    shown = [g for g in table.groups if not g.suppressed and g.base > 0]
    small = [
        o
        for o in table.options
        if all((c.pct or 0.0) < below for g in shown for c in g.cells if c.option == o)
    ]
    if not small or len(small) == len(table.options):
        return table, ""
    summed = mode == "andre" and table.question.type is QType.SINGLE
    groups = []
    for group in table.groups:
        kept = [c for c in group.cells if c.option not in small]
        if summed:
            parts = [c for c in group.cells if c.option in small]
            hidden = any(c.pct is None for c in parts)
            kept.append(
                Cell(
                    None,
                    t("Andre"),
                    None if hidden else sum(c.count or 0 for c in parts),
                    None if hidden else sum(c.pct or 0.0 for c in parts),
                    None,
                    None,
                    base=parts[0].base if parts else None,
                )
            )
        groups.append(replace(group, cells=kept))
    limit = fmt_number(below, 1)
    names = ", ".join(f"«{o}»" for o in small[:8]) + (" …" if len(small) > 8 else "")
    text = (
        t(
            "«{other}» er {count} svaralternativer under {limit} % lagt sammen: {names}",
            other=t("Andre"),
            count=len(small),
            limit=limit,
            names=names,
        )
        if summed
        else t(
            "{count} svaralternativer under {limit} % i alle grupper er utelatt: {names}",
            count=len(small),
            limit=limit,
            names=names,
        )
    )
    return replace(table, groups=groups), text


# --------------------------------------------------------------------------- texts


def subtitle(table: Table) -> str:
    """What the chart shows, in words: the breakdown, the own area, the filters and the weighting."""
    parts = []
    if table.spec.benchmark:
        parts.append(t("{area} mot resten av landet", area=table.spec.benchmark[1]))
    elif table.by_label:
        name = translated(table.by_label)  # a derived background's name (Landsdel) in the report's language
        parts.append(t("Etter {breakdown}", breakdown=name[0].lower() + name[1:]))
    else:
        parts.append(t("Alle som svarte"))
    if table.filters:
        parts.append(t("Utvalg: {filters}", filters="; ".join(table.filters)))
    if table.question.type is QType.GRID and table.spec.grid_summary:
        parts.append(t("andel som svarer hemmer/fremmer"))
    parts.append(t("vektet") if table.weighted else t("uvektet"))
    return " · ".join(parts)


def grid(table: Table) -> Grid:
    shown = [g for g in table.groups if g.base > 0]
    percent = table.question.type not in (QType.NUMERIC, QType.TEXT)
    keys = list(dict.fromkeys((c.item, c.option) for c in shown[0].cells)) if shown else []
    lookup = [{(c.item, c.option): c for c in g.cells} for g in shown]
    comparisons = {(c.item, c.option): c for c in table.comparisons}
    rows = []
    for item, option in keys:
        name = option.label() if isinstance(option, Stat) else option
        label = f"{item} – {name}" if item else name
        comparison = comparisons.get((item, option))
        rows.append(
            Row(
                label,
                [cells.get((item, option)) for cells in lookup],
                comparison.diff_rest if comparison else None,
                bool(comparison and comparison.significant),
            )
        )
    header = t("Forskjell mot resten (%-poeng)") if table.spec.benchmark else ""
    return Grid(shown, rows, percent, header)


def _group_name(group: Group) -> str:
    name = f"{group.label} ({group.letter})" if group.letter else group.label
    return name + ("*" if group.low_base else "")


def cell_text(cell: Cell | None, percent: bool, hidden: bool) -> str:
    if cell is None or hidden:
        return ":"
    if not percent:
        return fmt_number(cell.value, 1) if cell.value is not None else fmt_int(cell.count)
    return (fmt_pct(cell.pct, 0) + (f" {cell.sig}" if cell.sig else "")) if cell.pct is not None else ":"


def table_lines(grid: Grid, rows: list[Row] | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and body text of a table (or some of its rows), with the bases last: every format's cells."""
    headers = ["", *grid.headers()] + ([grid.diff_header] if grid.diff_header else [])
    body = []
    for row in grid.rows if rows is None else rows:
        cells = [
            cell_text(c, grid.percent, g.suppressed) for c, g in zip(row.cells, grid.groups, strict=True)
        ]
        if grid.diff_header:
            cells.append(diff_text(row))
        body.append([row.label, *cells])
    body.append(
        [t("Antall svar (n)"), *(fmt_int(g.base) for g in grid.groups)] + ([""] if grid.diff_header else [])
    )
    return headers, body


def diff_text(row: Row) -> str:
    """Own area minus the rest in whole percentage points, * when statistically sure."""
    if row.diff is None:
        return ""
    points = round(row.diff)
    text = "0" if points == 0 else f"{points:+d}".replace("-", "−")
    return text + (" *" if row.diff_significant else "")


def table_text(block: Block) -> str:
    """The table as plain text: for speaker notes and screen readers."""
    headers, body = table_lines(block.grid())
    lines = [block.title, block.subtitle, "", "\t".join(headers), *("\t".join(line) for line in body)]
    return "\n".join([*lines, "", *foot_lines(block)])


def alt_text(block: Block) -> str:
    """Alternative text (universell utforming): the question and its main result in one sentence."""
    table = block.table
    assert table is not None
    total = table.groups[0] if table.groups else None
    head = t("Diagram: {title}. {subtitle}.", title=block.title, subtitle=block.subtitle)
    if total is None or total.suppressed:
        return head + " " + t("For få svar til å vise resultatet.")
    n = fmt_int(total.base)
    if table.question.type is QType.NUMERIC:
        mean = next((c.value for c in total.cells if c.stat is Stat.MEAN), None)
        return head + " " + t("Gjennomsnitt for alle: {mean} (n = {n}).", mean=fmt_number(mean, 1), n=n)
    best = max((c for c in total.cells if c.pct is not None), key=lambda c: c.pct, default=None)
    if best is None:
        return head
    name = f"{best.item} – {best.option}" if best.item else best.option
    return (
        head
        + " "
        + t("Størst andel blant alle: «{name}», {pct} (n = {n}).", name=name, pct=fmt_pct(best.pct, 0), n=n)
    )


def foot_lines(block: Block) -> list[str]:
    """An item's footnote lines on a slide or page: the plain words with the item's note, then the method."""
    return Footnote(block.footnote, block.method).lines(block.note)
