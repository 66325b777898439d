"""English catalogue for chart texts: bokmål source → English (charts/*, export/pptx_charts.py)."""

EN: dict[str, str] = {
    # chart types and palettes (the window's and the report wizard's choices)
    "Liggende søyler": "Horizontal bars",
    "100 % stablede søyler": "100% stacked bars",
    "Hemmer/fremmer (divergerende)": "Hinders/promotes (diverging)",
    "Punktdiagram (mange grupper)": "Dot plot (many groups)",
    "Ett panel per gruppe": "One panel per group",
    "Linje over målinger": "Line over survey waves",
    "Tabell": "Table",
    "Standard (Okabe–Ito)": "Standard (Okabe–Ito)",
    "Tol (dempet)": "Tol (muted)",
    "Blå først": "Blue first",
    # subtitles
    "Hele utvalget": "All respondents",
    "Hele utvalget, per måling": "All respondents, per survey wave",
    "Etter {variable}": "By {variable}",
    "Eget område mot resten av landet og hele landet": "Own area compared with the rest of the country and the whole country",
    "sortert etter verdi, linjen er hele landet": "sorted by value, the line is the whole country",
    "gjennomsnitt": "mean",
    # base, weighting, source and notes under every chart
    "n = {n}": "n = {n}",
    "n: {groups}": "n: {groups}",
    "n = {n} per delspørsmål": "n = {n} per item",
    "n per delspørsmål: {groups}": "n per item: {groups}",
    "n = {n} per delspørsmål, vet ikke holdt utenfor basen": "n = {n} per item, “don't know” left out of the base",
    "n per delspørsmål, vet ikke holdt utenfor basen: {groups}": "n per item, “don't know” left out of the base: {groups}",
    "Vektet": "Weighted",
    "Vektet ({weight})": "Weighted ({weight})",
    "Uvektet": "Unweighted",
    "Kilde: {source}.": "Source: {source}.",
    "Skjult (for få svar): {groups} (vist som {mark})": "Hidden (too few answers): {groups} (shown as {mark})",
    "{mark} Under {n} svar: tolk med varsomhet": "{mark} Fewer than {n} answers: interpret with care",
    "Strekene viser 95 % konfidensintervall (Wilson)": "The lines show 95% confidence intervals (Wilson)",
    "Andel av dem som tok stilling; resten svarte verken hemmer eller fremmer": "Share of those who took a position; the rest answered neither hinders nor promotes",
    # drawn in the chart
    "Hele landet": "Whole country",
    "Hele landet {values}": "Whole country {values}",
    "Verken/eller": "Neither/nor",
    "◀ Hemmer        Fremmer ▶": "◀ Hinders        Promotes ▶",
    "Ingen data å vise.": "No data to show.",
    "Grupper": "Groups",
}
