"""A report specification: what goes into a report, saved as readable JSON and rerun on next year's data.

A spec holds global settings (filters, own-area comparison, weight, bases, correction, language,
how small options are shown, template) and an ordered list of items. Questions are referenced by id
*and* text so a spec survives an export where the ids moved (see `resolve.py`). Loading checks the
whole file and says in Norwegian what is wrong; a file from a newer Barometer is refused, never
rewritten.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from barometer_gui.charts.model import Kind
from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.files import atomic_write_text
from barometer_gui.core.i18n import t
from barometer_gui.core.schema import QType, Survey
from barometer_gui.core.stats import CORRECTIONS
from barometer_gui.core.tabulate import TableSpec

FORMAT = "barometer-rapport"
VERSION = 1
KINDS = ("title", "section", "question", "freetext", "text")
#: "auto": the charts' fitting rule; "none": table only; else a chart kind (one that does not fit falls back).
CHARTS = ("auto", "none", *(k.value for k in Kind if k is not Kind.LINE))
FOLD_MODES = ("andre", "omit")
LANGUAGES = ("nb", "en")
#: TableSpec fields an item may set for itself; everything else comes from the global settings.
OVERRIDABLE = ("where", "weight", "min_base", "low_base", "benchmark", "grid_summary", "correction", "alpha")
#: A free-text item may narrow the report's filters, never its minimum base (privacy).
FREE_OVERRIDABLE = ("where",)
#: Kinds that refer to a question of the survey.
ASKING = ("question", "freetext")


@dataclass(frozen=True)
class Ref:
    """A question (or breakdown) as the spec remembers it: the id then, and its text."""

    id: str
    text: str = ""


@dataclass
class Settings:
    where: list[list[str]] = field(default_factory=list)
    benchmark: list[str] | None = None
    weight: str | None = None
    min_base: int = 5
    low_base: int = 30
    correction: str = "holm"
    alpha: float = 0.05
    language: str = "nb"
    fold_below: float = 0.0  # percent; options below it in every group are folded or left out
    fold_mode: str = "andre"
    template: str | None = None


@dataclass
class Item:
    kind: str
    title: str = ""
    text: str = ""  # subtitle of a title item, body of a text item
    question: Ref | None = None
    by: Ref | None = None
    chart: str = "auto"
    table: bool = False
    overrides: dict = field(default_factory=dict)
    limit: int = 0  # free text: list at most this many answers (0 = all), a stated random sample

    def label(self) -> str:
        """What the basket, the wizard and file names call the item."""
        if self.title:
            return self.title
        if self.question is not None:
            return self.question.text or self.question.id
        return {"title": t("Tittel"), "section": t("Del"), "text": t("Tekst")}.get(self.kind, self.kind)

    def table_spec(self, settings: Settings, question_id: str, by_id: str | None) -> TableSpec:
        """The engine's TableSpec for this item: global settings, then the item's own choices."""
        base = {
            "question": question_id,
            "by": by_id,
            "where": settings.where,
            "weight": settings.weight,
            "min_base": settings.min_base,
            "low_base": settings.low_base,
            "benchmark": settings.benchmark,
            "correction": settings.correction,
            "alpha": settings.alpha,
        }
        base.update(self.overrides)
        if self.kind == "freetext":  # answers are listed for the filtered respondents, no groups
            base.update(by=None, benchmark=None, weight=None, min_base=settings.min_base)
        if base.get("benchmark"):
            base["by"] = None
        return TableSpec.from_dict(base)


def question_item(spec: TableSpec, settings: Settings, question_text: str = "", by_text: str = "") -> Item:
    """An item from a view's TableSpec: only what differs from the report's settings is stored."""
    general = Item("question").table_spec(settings, spec.question, spec.by).to_dict()
    own = spec.to_dict()
    overrides = {k: own[k] for k in OVERRIDABLE if own[k] != general[k]}
    return Item(
        "question",
        question=Ref(spec.question, question_text),
        by=Ref(spec.by, by_text) if spec.by else None,
        overrides=overrides,
    )


def free_text_item(spec: TableSpec, settings: Settings, question_text: str = "", limit: int = 0) -> Item:
    """A free-text item from a view: its filters are stored only when they differ from the report's."""
    general = Item("freetext").table_spec(settings, spec.question, None)
    overrides = {"where": [list(pair) for pair in spec.where]} if spec.where != general.where else {}
    return Item("freetext", question=Ref(spec.question, question_text), overrides=overrides, limit=limit)


def view_item(view: TableSpec, survey: Survey) -> Item:
    """The report item for a view (the window's, or the CLI's quick form), kept against default
    settings: a text question's answers are listed (free text), any other question is tabulated."""
    question = survey.question(view.question)
    if question.type is QType.TEXT:
        return free_text_item(view, Settings(), question.text)
    by = survey.variable(view.by).text if view.by else ""
    return question_item(view, Settings(), question.text, by)


def rebased(items: list[Item], old: Settings, new: Settings) -> list[Item]:
    """The same items with overrides re-expressed against `new` settings (each table stays the same)."""
    out = []
    for item in items:
        if item.kind == "freetext" and item.question is not None:
            full = item.table_spec(old, item.question.id, None)
            moved = free_text_item(full, new, item.question.text, item.limit)
            out.append(replace(moved, title=item.title, text=item.text))
            continue
        if item.kind != "question" or item.question is None:
            out.append(item)
            continue
        full = item.table_spec(old, item.question.id, item.by.id if item.by else None)
        moved = question_item(full, new, item.question.text, item.by.text if item.by else "")
        out.append(
            replace(
                moved, kind=item.kind, title=item.title, text=item.text, chart=item.chart, table=item.table
            )
        )
    return out


def spec_from_views(
    items: list[Item], title: str = "Innovasjonsbarometeret", source: dict | None = None
) -> ReportSpec:
    """A spec from views kept against default settings (the basket, the CLI's quick form, «all questions»).

    The first question's filters, comparison, weight and bases become the report's settings, so
    changing them in the wizard changes the whole report; items that differ keep their own.
    """
    settings = Settings()
    first = next((i for i in items if i.kind == "question" and i.question is not None), None)
    if first is not None:
        settings = _from_table_spec(
            first.table_spec(settings, first.question.id, first.by.id if first.by else None)
        )
    return ReportSpec(
        title, dict(source or {}), settings, [Item("title"), *rebased(items, Settings(), settings)]
    )


@dataclass
class ReportSpec:
    title: str = "Innovasjonsbarometeret"
    source: dict = field(default_factory=dict)  # {"file": …, "sheet": …, "mapping": …} as last used
    settings: Settings = field(default_factory=Settings)
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "title": self.title,
            "source": dict(self.source),
            "settings": asdict(self.settings),
            "items": [item_to_dict(item) for item in self.items],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: object) -> ReportSpec:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BarometerError("Fila er ikke et rapportoppsett fra Barometer.")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise BarometerError("Rapportoppsettet mangler versjonsnummer.")
        if version > VERSION:
            raise BarometerError(
                "Rapportoppsettet er laget av en nyere Barometer (versjon {version}); "
                "denne versjonen leser versjon {supported}. Oppdater Barometer.",
                version=version,
                supported=VERSION,
            )
        _only(
            data, {"format", "version", "title", "source", "settings", "items"}, Message("rapportoppsettet")
        )
        items = data.get("items", [])
        if not isinstance(items, list):
            raise BarometerError("«items» i rapportoppsettet må være en liste.")
        source = data.get("source") or {}
        if not isinstance(source, dict):
            raise BarometerError("«source» i rapportoppsettet må være et objekt.")
        spec = cls(
            title=_text(data.get("title", ""), "title"),
            source={str(k): v for k, v in source.items()},
            settings=_settings(data.get("settings") or {}),
            items=[item_from_dict(entry, number) for number, entry in enumerate(items, start=1)],
        )
        return spec


def load_spec(path: str | Path) -> ReportSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BarometerError("Fant ikke rapportoppsettet «{name}».", name=path.name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BarometerError(
            "Kan ikke lese rapportoppsettet «{name}»: {reason}.", name=path.name, reason=exc
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BarometerError(
            "Rapportoppsettet «{name}» er skadet (ugyldig JSON på linje {line}).",
            name=path.name,
            line=exc.lineno,
        ) from None
    return ReportSpec.from_dict(data)


def save_spec(spec: ReportSpec, path: str | Path) -> Path:
    """Write the spec atomically; a file from a newer Barometer or not a spec at all is never overwritten."""
    path = Path(path)
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            old = None
        if not isinstance(old, dict) or old.get("format") != FORMAT:
            raise BarometerError(
                "«{name}» finnes og er ikke et rapportoppsett; velg et annet navn.", name=path.name
            )
        if isinstance(old.get("version"), int) and old["version"] > VERSION:
            raise BarometerError(
                "«{name}» er laget av en nyere Barometer og blir ikke overskrevet; velg et annet navn.",
                name=path.name,
            )
    atomic_write_text(path, spec.to_json())
    return path


# --------------------------------------------------------------------------- the data source


def recorded_source(data: str | Path | None, spec_path: str | Path, sheet=None, mapping=None) -> dict:
    """The `source` a spec saved at `spec_path` records: paths relative to the spec's folder when
    they can be (the folder can then be moved or shared whole), else absolute; the demo as such."""
    if data is None:
        return {"demo": True}
    folder = Path(spec_path).resolve().parent
    source = {"file": _relative(Path(data), folder)}
    if sheet:
        source["sheet"] = str(sheet)
    if mapping:
        source["mapping"] = _relative(Path(mapping), folder)
    return source


def source_paths(spec: ReportSpec, spec_path: str | Path) -> tuple[Path | None, str | None, Path | None]:
    """The data file, sheet and mapping file the spec records (relative paths from the spec's folder);
    (None, None, None) for the demo data. A recorded file that is missing is a clear error."""
    source = spec.source
    name = source.get("file")
    if source.get("demo") or name == "demo":
        return None, None, None
    if not isinstance(name, str) or not name:
        raise BarometerError(
            "Rapportoppsettet sier ikke hvilken datafil det gjelder; oppgi fila: barometer report FIL --spec …"
        )
    folder = Path(spec_path).resolve().parent
    data = folder / name
    if not data.exists():
        raise BarometerError(
            "Fant ikke datafila «{file}» som rapportoppsettet viser til (sett fra {folder}); "
            "oppgi fila: barometer report FIL --spec …",
            file=name,
            folder=folder,
        )
    mapping = source.get("mapping")
    sheet = source.get("sheet")
    return (
        data,
        sheet if isinstance(sheet, str) else None,
        folder / mapping if isinstance(mapping, str) else None,
    )


def _relative(path: Path, folder: Path) -> str:
    path = path.resolve()
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


# --------------------------------------------------------------------------- validation


def _only(data: dict, allowed: set[str], where: str) -> None:
    """`where` names the part in the reader's language: a `Message`, or a field name as the file writes it."""
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise BarometerError("Ukjente felt i {where}: {fields}.", where=where, fields=", ".join(unknown))


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise BarometerError("«{name}» i rapportoppsettet må være tekst.", name=name)
    return value


def _choice(value: object, allowed: tuple, name: str) -> str:
    if value not in allowed:
        raise BarometerError(
            "«{name}» må være en av {allowed}, fikk «{value}».",
            name=name,
            allowed=", ".join(allowed),
            value=value,
        )
    return value  # type: ignore[return-value]


def _settings(data: object) -> Settings:
    if not isinstance(data, dict):
        raise BarometerError("«settings» i rapportoppsettet må være et objekt.")
    _only(data, {f.name for f in fields(Settings)}, Message("innstillingene"))
    merged = {**asdict(Settings()), **data}
    # The engine's own checks (pairs, numbers) run on the TableSpec the settings imply.
    checked = TableSpec.from_dict(
        {
            k: merged[k]
            for k in ("where", "weight", "min_base", "low_base", "benchmark", "correction", "alpha")
        }
        | {"question": "-"}
    )
    if checked.correction not in CORRECTIONS:
        raise BarometerError("Ukjent korreksjon «{correction}».", correction=checked.correction)
    fold = merged["fold_below"]
    if isinstance(fold, bool) or not isinstance(fold, int | float) or not 0 <= fold < 100:
        raise BarometerError("«fold_below» må være et tall fra 0 til 100 (prosent).")
    template = merged["template"]
    if template is not None and not isinstance(template, str):
        raise BarometerError("«template» må være et filnavn eller tomt.")
    return _from_table_spec(
        checked,
        language=_choice(merged["language"], LANGUAGES, "language"),
        fold_below=float(fold),
        fold_mode=_choice(merged["fold_mode"], FOLD_MODES, "fold_mode"),
        template=template,
    )


def _from_table_spec(view: TableSpec, **rest) -> Settings:
    """The report-wide settings a TableSpec implies (filters, comparison, weight, bases, test)."""
    return Settings(
        where=[list(pair) for pair in view.where],
        benchmark=list(view.benchmark) if view.benchmark else None,
        weight=view.weight,
        min_base=view.min_base,
        low_base=view.low_base,
        correction=view.correction,
        alpha=view.alpha,
        **rest,
    )


def _ref(value: object, name: str) -> Ref | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        raise BarometerError("«{name}» må ha formen {form}.", name=name, form='{"id": …, "text": …}')
    _only(value, {"id", "text"}, name)
    return Ref(value["id"], _text(value.get("text", ""), name))


def item_from_dict(data: object, number: int = 1) -> Item:
    if not isinstance(data, dict):
        raise BarometerError("Element {number} i rapportoppsettet må være et objekt.", number=number)
    _only(data, {f.name for f in fields(Item)}, Message("element {number}", number=number))
    kind = _choice(data.get("kind"), KINDS, f"element {number}: kind")
    item = Item(
        kind,
        title=_text(data.get("title", ""), "title"),
        text=_text(data.get("text", ""), "text"),
        question=_ref(data.get("question"), "question"),
        by=_ref(data.get("by"), "by"),
        chart=_choice(data.get("chart", "auto"), CHARTS, f"element {number}: chart"),
        table=bool(data.get("table", False)),
        overrides=dict(data.get("overrides") or {}),
        limit=data.get("limit", 0),
    )
    if kind in ASKING and item.question is None:
        raise BarometerError("Element {number} er et spørsmål uten «question».", number=number)
    if isinstance(item.limit, bool) or not isinstance(item.limit, int) or item.limit < 0:
        raise BarometerError(
            "Element {number}: «limit» må være et heltall fra 0 (alle svar) og opp.", number=number
        )
    bad = sorted(set(item.overrides) - set(FREE_OVERRIDABLE if kind == "freetext" else OVERRIDABLE))
    if bad:
        raise BarometerError(
            "Element {number} har ukjente overstyringer: {fields}.", number=number, fields=", ".join(bad)
        )
    TableSpec.from_dict({"question": "-", **item.overrides})  # same checks as the settings
    return item


#: The fields each kind keeps in a saved spec.
SAVED = {
    "question": ("kind", "title", "question", "by", "chart", "table", "overrides"),
    "freetext": ("kind", "title", "question", "overrides", "limit"),
}


def item_to_dict(item: Item) -> dict:
    data = asdict(item)
    data = {k: data[k] for k in SAVED.get(item.kind, ("kind", "title", "text"))}
    return {k: v for k, v in data.items() if v not in (None, "", {}) or k == "kind"}
