"""A realistic, deterministic chief-executive innovation-barometer export.

Written in the coded-data-plus-codebook layout (sheets Data, Variabler,
Verdier) that Ipsos-style deliveries use. Distributions follow KS' published
2024 results in broad strokes: about one in ten kommuner has a written
innovation strategy (most politically adopted, more often in large kommuner),
about one in five has earmarked innovation funds, and 'andre kommuner' is the
most common partner at around 80 %. Also used by tests and benchmarks, so it
lives in the package; `scripts/make_demo.py` writes the shipped file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from barometer_gui.core.files import atomic_write

#: 2024 fylker and roughly how many kommuner each has.
KOMMUNER_PER_FYLKE = {
    "03": 1, "11": 23, "15": 26, "18": 41, "31": 12, "32": 21, "33": 18, "34": 46,
    "39": 6, "40": 17, "42": 25, "46": 43, "50": 38, "55": 21, "56": 18,
}  # fmt: skip

STRATEGY = ["Ja, politisk vedtatt", "Ja, administrativt vedtatt", "Under utarbeiding", "Nei", "Vet ikke"]
FUNDS = ["Ja", "Nei", "Vet ikke"]
FUND_PURPOSES = [
    "Kompetanseutvikling",
    "Prosjektledelse og prosessveiledning",
    "Innkjøp og utprøving av teknologi",
    "Pilotering og utprøving av nye løsninger",
    "Samarbeid med eksterne aktører",
    "Frikjøp av ansatte",
    "Annet",
]
REASONS = [
    "Bedre kvalitet på tjenestene",
    "Effektivisering og lavere kostnader",
    "Demografiske endringer",
    "Politiske mål og krav",
    "Nye lovkrav og statlige pålegg",
    "Bedre arbeidsmiljø",
    "Nye teknologiske muligheter",
]
PARTNERS = [
    "Andre kommuner",
    "Fylkeskommunen",
    "Statlige etater",
    "Private virksomheter",
    "Forsknings- og utdanningsinstitusjoner",
    "Frivillige organisasjoner",
    "Innbyggere og brukere",
    "Har ikke samarbeidet med andre",
]
STAFF = ["Ja, sentralt", "Ja, desentralt", "Ja, både sentralt og desentralt", "Nei", "Vet ikke"]
SCALE = [
    "Hemmer i stor grad",
    "Hemmer i noen grad",
    "Verken hemmer eller fremmer",
    "Fremmer i noen grad",
    "Fremmer i stor grad",
]
FACTORS = [
    "Økonomiske rammer",
    "Tid og kapasitet til innovasjonsarbeid",
    "Ledelsens støtte",
    "Ansattes kompetanse",
    "Lover og regelverk",
    "Digital infrastruktur",
    "Samarbeid med andre kommuner",
    "Politisk støtte",
]
#: Mean and spread on the 1-5 scale per factor; 'økonomiske rammer' splits about 40 % hemmer / 41 % fremmer.
FACTOR_SCALES = [
    (2.95, 1.75),
    (2.4, 1.1),
    (4.1, 1.0),
    (3.7, 1.0),
    (2.7, 1.2),
    (3.2, 1.2),
    (3.6, 1.1),
    (3.9, 1.0),
]
SENTRALITET = ["1 (mest sentral)", "2", "3", "4", "5", "6 (minst sentral)"]

Q_STRATEGY = "Har kommunen/fylkeskommunen en skriftlig innovasjonsstrategi?"
Q_FUNDS = "Har dere øremerkede midler til innovasjon i budsjettet?"
Q_PURPOSES = "Hva brukes de øremerkede innovasjonsmidlene til?"
Q_REASONS = "Hva er de viktigste grunnene til at dere innoverer?"
Q_PARTNERS = "Hvem har dere samarbeidet med om innovasjon de siste to årene?"
Q_FACTORS = "I hvilken grad fremmer eller hemmer følgende forhold innovasjon hos dere?"
Q_STAFF = "Har dere ansatte med innovasjon som hovedoppgave?"
Q_FTE = "Hvor mange årsverk arbeider med innovasjon sentralt i organisasjonen?"
Q_STORY = "Beskriv kort en innovasjon dere er stolte av."

STORIES = [
    "Digitalt tilsyn i hjemmetjenesten",
    "Felles innbyggerdialog med nabokommunene",
    "Tverrfaglig team for unge utenfor skole og arbeid",
    "Velferdsteknologi i sykehjem",
    "Ny modell for tidlig innsats i barnehagene",
    "Automatisert saksbehandling av startlån",
    "Gjenbrukssenter drevet sammen med frivillige",
]


@dataclass
class Municipality:
    number: str
    inhabitants: int


def register(rng: np.random.Generator) -> list[Municipality]:
    """Real-looking 2024 kommune and fylkeskommune numbers with plausible populations."""
    units: list[Municipality] = []
    for fylke, count in KOMMUNER_PER_FYLKE.items():
        if fylke == "03":
            units.append(Municipality("0301", 717_710))
            continue
        numbers = sorted(rng.choice(np.arange(1, 99), size=count, replace=False))
        sizes = np.sort(np.exp(rng.normal(8.6, 1.05, size=count)).astype(int) + 250)[::-1]
        sizes[0] = max(sizes[0], int(rng.integers(40_000, 290_000)))
        rng.shuffle(sizes[1:])
        units += [Municipality(f"{fylke}{n:02d}", int(s)) for n, s in zip(numbers, sizes, strict=True)]
        units.append(Municipality(f"{fylke}00", int(sizes.sum())))
    return units


def respondents(seed: int = 2024, rate: float = 0.56) -> list[dict]:
    """One record per responding kommune/fylkeskommune, answers as codes."""
    rng = np.random.default_rng(seed)
    rows = []
    for unit in register(rng):
        is_county = unit.number.endswith("00")
        if rng.random() > (0.75 if is_county else rate):
            continue
        rows.append(_answers(rng, unit, is_county))
    return rows


def _answers(rng: np.random.Generator, unit: Municipality, is_county: bool) -> dict:
    size = np.log10(unit.inhabitants)  # 2.5 (tiny) … 5.9 (Oslo)
    large = 1.0 if is_county else np.clip((size - 3.3) / 2.0, 0, 1)
    strategy_p = np.array([0.04 + 0.16 * large, 0.012 + 0.05 * large, 0.09 + 0.05 * large, 0.75, 0.05])
    funds_p = np.array([0.12 + 0.35 * large, 0.80, 0.05])
    row: dict = {
        "kommunenr": int(unit.number),  # stored as a number, as Excel does: 301 means 0301
        "innbyggere": unit.inhabitants,
        "sentralitet": int(np.clip(6 - round((size - 2.7) * 1.6 + rng.normal(0, 0.6)), 1, 6)),
        "q1": _pick(rng, strategy_p) + 1,
        "q2": _pick(rng, funds_p) + 1,
    }
    got_funds = row["q2"] == 1
    for j, base in enumerate([0.55, 0.35, 0.45, 0.6, 0.3, 0.25, 0.1]):
        row[f"q3_{j + 1}"] = int(rng.random() < base) if got_funds else None
    for j, base in enumerate([0.85, 0.7, 0.55, 0.35, 0.3, 0.2, 0.45]):
        row[f"q4_{j + 1}"] = int(rng.random() < base)
    chosen = [
        int(rng.random() < p)
        for p in (0.8, 0.45 + 0.2 * is_county, 0.35, 0.4 + 0.2 * large, 0.3 + 0.3 * large, 0.2, 0.35)
    ]
    row.update({f"q5_{j + 1}": v for j, v in enumerate(chosen)})
    row["q5_8"] = int(not any(chosen))
    for j, (mean, spread) in enumerate(FACTOR_SCALES):
        if rng.random() < 0.06:
            row[f"q6_{j + 1}"] = 9
        else:
            row[f"q6_{j + 1}"] = int(np.clip(round(rng.normal(mean + 0.2 * large, spread)), 1, 5))
    row["q7"] = _pick(rng, np.array([0.08 + 0.3 * large, 0.10, 0.05 + 0.2 * large, 0.72, 0.05])) + 1
    has_staff = row["q7"] in (1, 3)
    row["q8"] = round(float(rng.gamma(1.5, 0.6 + 2.5 * large)), 1) if has_staff else None
    row["q9"] = str(rng.choice(STORIES)) if rng.random() < 0.35 else None
    return row


def _pick(rng: np.random.Generator, weights: np.ndarray) -> int:
    return int(rng.choice(len(weights), p=weights / weights.sum()))


def add_weights(rows: list[dict]) -> None:
    """Post-stratify to the register: size class × type, mean weight 1."""
    population = _strata(register(np.random.default_rng(2024)))
    sample = _strata([Municipality(str(r["kommunenr"]).zfill(4), r["innbyggere"]) for r in rows])
    total_pop, total_sample = sum(population.values()), len(rows)
    for row in rows:
        key = _stratum(str(row["kommunenr"]).zfill(4), row["innbyggere"])
        row["vekt"] = round((population[key] / total_pop) / (sample[key] / total_sample), 4)


def _strata(units: list[Municipality]) -> dict[tuple[bool, int], int]:
    counts: dict[tuple[bool, int], int] = {}
    for unit in units:
        key = _stratum(unit.number, unit.inhabitants)
        counts[key] = counts.get(key, 0) + 1
    return counts


def _stratum(number: str, inhabitants: int) -> tuple[bool, int]:
    return number.endswith("00"), int(np.searchsorted([5000, 10000, 20000], inhabitants, side="right"))


def codebook() -> tuple[list[tuple[str, str]], list[tuple[str, int, str]]]:
    """Variable labels and value labels, in questionnaire order."""
    variables = [
        ("kommunenr", "Kommunenummer"),
        ("innbyggere", "Antall innbyggere"),
        ("sentralitet", "Sentralitet"),
        ("vekt", "Vekt"),
        ("q1", Q_STRATEGY),
        ("q2", Q_FUNDS),
    ]
    variables += [(f"q3_{j + 1}", f"{Q_PURPOSES}: {o}") for j, o in enumerate(FUND_PURPOSES)]
    variables += [(f"q4_{j + 1}", f"{Q_REASONS}: {o}") for j, o in enumerate(REASONS)]
    variables += [(f"q5_{j + 1}", f"{Q_PARTNERS}: {o}") for j, o in enumerate(PARTNERS)]
    variables += [(f"q6_{j + 1}", f"{Q_FACTORS} - {o}") for j, o in enumerate(FACTORS)]
    variables += [("q7", Q_STAFF), ("q8", Q_FTE), ("q9", Q_STORY)]
    values = [("sentralitet", i + 1, label) for i, label in enumerate(SENTRALITET)]
    values += [("q1", i + 1, label) for i, label in enumerate(STRATEGY)]
    values += [("q2", i + 1, label) for i, label in enumerate(FUNDS)]
    for j in range(len(FACTORS)):
        values += [(f"q6_{j + 1}", i + 1, label) for i, label in enumerate(SCALE)]
        values.append((f"q6_{j + 1}", 9, "Vet ikke"))
    values += [("q7", i + 1, label) for i, label in enumerate(STAFF)]
    return variables, values


def write_demo(path: str | Path, seed: int = 2024) -> Path:
    rows = respondents(seed)
    add_weights(rows)
    variables, values = codebook()
    columns = [name for name, _ in variables]
    atomic_write(path, lambda temp: _write_workbook(temp, columns, rows, variables, values))
    return Path(path)


def _write_workbook(temp: Path, columns, rows, variables, values) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_numbers": False})
    workbook.set_properties({"created": dt.datetime(2024, 6, 1), "title": "Innovasjonsbarometeret (demo)"})
    data = workbook.add_worksheet("Data")
    data.write_row(0, 0, columns)
    for r, row in enumerate(rows, start=1):
        for c, name in enumerate(columns):
            value = row.get(name)
            if value is not None:
                data.write(r, c, value)
    sheet = workbook.add_worksheet("Variabler")
    sheet.write_row(0, 0, ["Variabel", "Etikett"])
    for r, entry in enumerate(variables, start=1):
        sheet.write_row(r, 0, entry)
    sheet = workbook.add_worksheet("Verdier")
    sheet.write_row(0, 0, ["Variabel", "Verdi", "Etikett"])
    for r, entry in enumerate(values, start=1):
        sheet.write_row(r, 0, entry)
    workbook.close()
