"""A report's content, tabulated once and shared by every format (deck, workbook, PDF, images).

`prepare` resolves each item against the survey, runs the one tabulation engine, folds small
options as the spec asks, and writes the texts a reader needs in plain Norwegian: a subtitle
naming breakdown, filters and own area; a footnote with n per group; the method in one short
line; alternative text; the table as text. Exporters only lay these out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from barometer_gui.charts.model import WHISKERS_NOTE, ChartData, chart_model
from barometer_gui.core.errors import BarometerError, Cancelled
from barometer_gui.core.formatting import fmt_int, fmt_number, fmt_pct
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.resolve import find_breakdown, find_question
from barometer_gui.core.report.spec import Item, ReportSpec
from barometer_gui.core.schema import QType, Survey
from barometer_gui.core.stats import CORRECTIONS
from barometer_gui.core.tabulate import Cell, Group, Table, tabulate

OTHER = "Andre"


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

    def grid(self) -> Grid:
        assert self.table is not None
        return grid(self.table)

    def chart(self) -> ChartData:
        """The item's chart model: its chosen kind, or the charts' fitting rule for "auto"."""
        assert self.table is not None
        chosen = self.item.chart if self.item is not None else "auto"
        return chart_model(self.table, None if chosen in ("auto", "none") else chosen)


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

    def method_text(self) -> list[str]:
        """The method slide/page: the same for the whole report, in plain words."""
        tables = [b.table for b in self.questions if b.table is not None]
        lines = [
            "Prosentene er andelen av dem som svarte på spørsmålet i hver gruppe.",
            "Usikkerheten er beregnet som 95 % konfidensintervall (Wilson-metoden, med effektivt antall svar når "
            "tallene er vektet); intervallene står i Excel-utgaven av rapporten.",
        ]
        if any(t.weighted for t in tables):
            weights = sorted({t.spec.weight for t in tables if t.weighted and t.spec.weight})
            lines.append(f"Tallene er vektet med {', '.join(weights)} slik at utvalget speiler populasjonen.")
        corrections = sorted({CORRECTIONS[t.spec.correction] for t in tables if t.method})
        if corrections:
            lines.append(
                "Forskjeller mellom grupper er testet med kjikvadrattest og parvise z-tester "
                f"({', '.join(corrections)} for mange sammenligninger, 5 % nivå). "
                "En bokstav ved et tall betyr at andelen er høyere enn i gruppen med den bokstaven."
            )
        if tables:
            spec = tables[0].spec
            lines.append(
                f"Grupper med færre enn {spec.min_base} svar slås sammen med en nabogruppe (vist som «A + B»), "
                "eller vises ikke (:) der det ikke går, for å verne personvernet og fordi tallene blir for usikre; "
                f"grupper med færre enn {spec.low_base} svar er merket *."
            )
        if self.notes:
            lines += self.notes
        if self.source:
            lines.append(f"Kilde: {self.source}.")
        return lines


def prepare(survey: Survey, spec: ReportSpec, progress: Progress = no_progress) -> Report:
    """Tabulate every item; items that cannot be matched or computed are skipped and listed."""
    source = survey.source.rsplit("/", 1)[-1] if survey.source else ""
    report = Report(spec.title, source, [])
    questions = sum(1 for i in spec.items if i.kind == "question") or 1
    done = 0
    for item in spec.items:
        if item.kind != "question":
            report.blocks.append(Block(item.kind, item.title, item.text, item=item))
            continue
        progress(0.5 * done / questions, f"Beregner {done + 1} av {questions} …")
        done += 1
        try:
            report.blocks.append(question_block(survey, spec, item))
        except Cancelled:
            raise
        except BarometerError as exc:
            report.skipped.append(f"«{item.label()}»: {exc.message}")
    if spec.settings.fold_below > 0:
        verb = "slått sammen til «Andre»" if spec.settings.fold_mode == "andre" else "utelatt"
        report.notes.append(
            f"Svaralternativer under {fmt_number(spec.settings.fold_below, 1)} % i alle grupper er {verb} "
            "i diagrammer og tabeller (flervalg: utelatt, fordi andelene der ikke kan legges sammen; "
            "rutenett og sammenligninger med eget område vises alltid helt)."
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
    block = Block(
        "question",
        item.title or question.text,
        item=item,
        table=table,
        subtitle=subtitle(table),
        footnote=footnote(table),
        method=method_line(table),
    )
    if item.chart != "none" and WHISKERS_NOTE in block.chart().notes:  # the chart draws intervals
        notes.append(WHISKERS_NOTE)
    block.note = " ".join(n[0].upper() + n[1:] + ("" if n.endswith(".") else ".") for n in notes)
    return block


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
                    OTHER,
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
        f"«{OTHER}» er {len(small)} svaralternativer under {limit} % lagt sammen: {names}"
        if summed
        else f"{len(small)} svaralternativer under {limit} % i alle grupper er utelatt: {names}"
    )
    return replace(table, groups=groups), text


# --------------------------------------------------------------------------- texts


def subtitle(table: Table) -> str:
    """What the chart shows, in words: the breakdown, the own area, the filters and the weighting."""
    parts = []
    if table.spec.benchmark:
        parts.append(f"{table.spec.benchmark[1]} mot resten av landet")
    elif table.by_label:
        parts.append(f"Etter {table.by_label[0].lower()}{table.by_label[1:]}")
    else:
        parts.append("Alle som svarte")
    if table.filters:
        parts.append("Utvalg: " + "; ".join(table.filters))
    if table.question.type is QType.GRID and table.spec.grid_summary:
        parts.append("andel som svarer hemmer/fremmer")
    parts.append("vektet" if table.weighted else "uvektet")
    return " · ".join(parts)


def footnote(table: Table) -> str:
    """n per group, suppression and merged groups, weighting and source, in one plain paragraph."""
    counts = " · ".join(f"{g.label} {table.n_text(g)}" for g in table.groups if g.base > 0)
    per_item = " per delspørsmål, vet ikke holdt utenfor" if table.summary else ""
    parts = [f"Antall svar{per_item}: {counts}."]
    hidden = [g.label for g in table.groups if g.suppressed and g.base > 0]
    if hidden:
        parts.append(f"Vises ikke (færre enn {table.spec.min_base} svar): {', '.join(hidden)}.")
    parts += table.privacy  # which small groups were merged, and why
    if any(g.low_base for g in table.groups):
        parts.append(f"* Færre enn {table.spec.low_base} svar: tolk med varsomhet.")
    if table.question.type is QType.MULTI:
        parts.append("Flere svar mulig, så prosentene summerer ikke til 100.")
    if table.weighted:
        parts.append(f"Vektet med «{table.spec.weight}».")
    if table.source:
        parts.append(f"Kilde: {table.source}.")
    return " ".join(parts)


def method_line(table: Table) -> str:
    """The test and its verdict in one short line, without jargon or a bare p-value."""
    if not table.method:
        return ""
    correction = CORRECTIONS[table.spec.correction]
    if table.spec.benchmark:
        significant = sum(c.significant for c in table.comparisons)
        verdict = (
            f"{significant} av {len(table.comparisons)} forskjeller mot resten av landet er statistisk sikre"
            if significant
            else "Ingen av forskjellene mot resten av landet er statistisk sikre"
        )
    elif table.p_value is not None:
        verdict = (
            "Forskjellene mellom gruppene er statistisk sikre"
            if table.p_value < table.spec.alpha
            else "Forskjellene mellom gruppene er ikke statistisk sikre"
        )
    else:
        sure = sum(p < table.spec.alpha for p in table.p_values.values())
        verdict = f"Statistisk sikre forskjeller mellom gruppene i {sure} av {len(table.p_values)} tilfeller"
    return f"{verdict} (5 % nivå, {correction}-korrigert). Bokstav = høyere enn gruppen med den bokstaven."


def grid(table: Table) -> Grid:
    shown = [g for g in table.groups if g.base > 0]
    percent = table.question.type not in (QType.NUMERIC, QType.TEXT)
    keys = list(dict.fromkeys((c.item, c.option) for c in shown[0].cells)) if shown else []
    lookup = [{(c.item, c.option): c for c in g.cells} for g in shown]
    comparisons = {(c.item, c.option): c for c in table.comparisons}
    rows = []
    for item, option in keys:
        label = f"{item} – {option}" if item else option
        comparison = comparisons.get((item, option))
        rows.append(
            Row(
                label,
                [cells.get((item, option)) for cells in lookup],
                comparison.diff_rest if comparison else None,
                bool(comparison and comparison.significant),
            )
        )
    header = "Forskjell mot resten (%-poeng)" if table.spec.benchmark else ""
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
        ["Antall svar (n)", *(fmt_int(g.base) for g in grid.groups)] + ([""] if grid.diff_header else [])
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
    return "\n".join([*lines, "", block.footnote, block.method])


def alt_text(block: Block) -> str:
    """Alternative text (universell utforming): the question and its main result in one sentence."""
    table = block.table
    assert table is not None
    total = table.groups[0] if table.groups else None
    head = f"Diagram: {block.title}. {block.subtitle}."
    if total is None or total.suppressed:
        return head + " For få svar til å vise resultatet."
    if table.question.type is QType.NUMERIC:
        mean = next((c.value for c in total.cells if c.option == "Gjennomsnitt"), None)
        return head + f" Gjennomsnitt for alle: {fmt_number(mean, 1)} (n = {fmt_int(total.base)})."
    best = max((c for c in total.cells if c.pct is not None), key=lambda c: c.pct, default=None)
    if best is None:
        return head
    name = f"{best.item} – {best.option}" if best.item else best.option
    return head + f" Størst andel blant alle: «{name}», {fmt_pct(best.pct, 0)} (n = {fmt_int(total.base)})."
