"""The footnote a reader needs under a table or chart, in plain words, with the method in one short line.

One function for every place a table is shown: the window's table, the deck, the workbook, the PDF,
the images and the CLI's JSON. It says how many answered in each group, who the percentages are of,
what the signs mean (letters, `*`, `:`) only when the table shows them, the selection, the weighting,
merged groups, who counts as a respondent and the source; the test and interval follow in one short
technical line. Written in the current language (`i18n.using_language` for a report in another).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from barometer_gui.core.errors import translated
from barometer_gui.core.formatting import fmt_level
from barometer_gui.core.i18n import t
from barometer_gui.core.schema import QType
from barometer_gui.core.stats import correction_name

if TYPE_CHECKING:
    from barometer_gui.core.tabulate import Group, Table


@dataclass(frozen=True)
class Footnote:
    text: str  # plain words for every reader
    method: str  # the method in one short line ("" when nothing was tested or estimated)

    def method_line(self) -> str:
        """«Metode: …», the method as its own labelled line."""
        return t("Metode: {method}", method=self.method) if self.method else ""

    def lines(self, note: str = "") -> list[str]:
        """The plain text (with `note`, e.g. a report's remark on the item, after it), then the method."""
        text = " ".join(part for part in (self.text, note) if part)
        return [line for line in (text, self.method_line()) if line]

    def __str__(self) -> str:
        return "\n".join(self.lines())


def footnote(table: Table) -> Footnote:
    return Footnote(" ".join(_plain(table)), _method(table))


def _plain(table: Table) -> list[str]:
    parts = [_counts(table), *_signs(table)]
    if table.question.type is QType.MULTI:
        parts.append(t("Flere svar mulig, så prosentene summerer ikke til 100."))
    if table.filters:
        parts.append(t("Utvalg: {filters}.", filters="; ".join(table.filters)))
    parts.append(
        t("Vektet med «{weight}».", weight=table.spec.weight) if table.weighted else t("Uvektede tall.")
    )
    parts += table.privacy  # which small groups were merged, and why
    if table.population:
        parts.append(_sentence(translated(table.population)))
    if table.source:
        parts.append(t("Kilde: {source}.", source=table.source))
    return parts


def _sentence(text: str) -> str:
    return text if text.rstrip().endswith((".", "!", "?")) else text.rstrip() + "."


def _counts(table: Table) -> str:
    """n per group as the percentages use it, and of whom the percentages are."""
    shown = [g for g in table.groups if g.base > 0]
    counts = " · ".join(f"{g.label} {table.n_text(g)}{'*' if g.low_base else ''}" for g in shown) or "0"
    if table.question.type in (QType.NUMERIC, QType.TEXT):
        return t("Antall svar: {counts}.", counts=counts)
    if table.summary:
        return t(
            "Antall svar per delspørsmål (vet ikke holdt utenfor): {counts}. "
            "Prosentene er andelen av dem som svarte på delspørsmålet.",
            counts=counts,
        )
    if table.question.type is QType.MULTI:
        return t(
            "Antall svar: {counts}. Prosentene er andelen av dem som fikk spørsmålet i hver gruppe.",
            counts=counts,
        )
    if table.question.type is QType.GRID:
        return t(
            "Antall svar: {counts}. Prosentene er andelen av dem som svarte på minst ett delspørsmål.",
            counts=counts,
        )
    return t("Antall svar: {counts}. Prosentene er andelen av dem som svarte i hver gruppe.", counts=counts)


def _signs(table: Table) -> list[str]:
    """What the letters, `*` and `:` in this table mean, said only when the table has them."""
    parts = []
    lettered = any(c.sig for g in table.groups for c in g.cells)  # never with comparisons: see tabulate
    if lettered:
        parts.append(
            t(
                "Forskjeller merket med bokstav er statistisk sikre: en bokstav ved et tall betyr at andelen "
                "er høyere enn i gruppen med den bokstaven."
            )
        )
    if table.comparisons:
        sure = sum(c.significant for c in table.comparisons)
        parts.append(
            t(
                "{sure} av {count} forskjeller mot resten av landet er statistisk sikre "
                "(merket * der forskjellen vises).",
                sure=sure,
                count=len(table.comparisons),
            )
            if sure
            else t("Ingen av forskjellene mot resten av landet er statistisk sikre.")
        )
    elif table.method and not lettered:
        parts.append(t("Ingen av forskjellene mellom gruppene er statistisk sikre."))
    if any(g.low_base for g in table.groups):
        parts.append(t("* ved antall svar: færre enn {n} svar, tolk med varsomhet.", n=table.spec.low_base))
    if _hidden(table):
        parts.append(t(": = for få svar til å vise tallet (færre enn {n}).", n=table.spec.min_base))
    protecting = [g.label for g in table.groups if g.secondary]
    if protecting:
        parts.append(
            t(
                "{groups} vises heller ikke, for at en liten gruppe ikke skal kunne regnes ut fra totalen.",
                groups=", ".join(protecting),
            )
        )
    return parts


def _hidden(table: Table) -> bool:
    def hidden(group: Group) -> bool:
        return any(c.pct is None and c.count is None and c.value is None for c in group.cells)

    return any(g.suppressed and g.base > 0 for g in table.groups) or any(hidden(g) for g in table.groups)


def _method(table: Table) -> str:
    """The tests and interval in one short line, naming the methods without their formulas."""
    level = fmt_level(table.spec.alpha)
    parts = []
    if table.comparisons:
        parts.append(t("eget område mot resten av landet med z-test ({level} %-nivå)", level=level))
    elif table.method:
        correction = table.method.correction
        parts.append(
            t("parvise z-tester mellom gruppene ({level} %-nivå, ukorrigert)", level=level)
            if correction == "none"
            else t(
                "parvise z-tester mellom gruppene ({level} %-nivå, korrigert med {correction})",
                level=level,
                correction=correction_name(correction),
            )
        )
    if table.question.type not in (QType.NUMERIC, QType.TEXT):
        parts.append(t("95 % konfidensintervall (Wilson)"))
    if table.weighted and parts:
        parts.append(t("effektivt antall svar for vektede tall"))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""
