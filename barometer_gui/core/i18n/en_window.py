"""English for the window branch's parts: the multi-value filter and the numeric distribution chart."""

EN: dict[str, str] = {
    # charts/distribution.py
    "For få svar til å vise fordelingen.": "Too few answers to show the distribution.",
    "Gjennomsnitt {value}": "Mean {value}",
    "Median {value}": "Median {value}",
    "Fordeling av svarene (n = {n})": "Distribution of the answers (n = {n})",
    "Antall svar": "Number of answers",
    "Fordeling av svarene etter {by}": "Distribution of the answers by {by}",
    "Fordeling av svarene: eget område mot resten av landet": "Distribution of the answers: own area against the rest of the country",
    "skjult for å beskytte en annen gruppe": "hidden to protect another group",
    "skjult: for få svar": "hidden: too few answers",
    "Midterste halvdel (25–75 %)": "Middle half (25–75 %)",
    "Strek: 10–90 % av svarene": "Line: 10–90 % of the answers",
    "Median": "Median",
    "Gjennomsnitt": "Mean",
    "Boks og median er uvektet; gjennomsnittet er vektet.": "Box and median are unweighted; the mean is weighted.",
    "* færre enn {n} svar, tolk med forsiktighet.": "* fewer than {n} answers, interpret with care.",
    "Søyler med færre enn {n} svar er slått sammen med naboen; en bred søyles høyde er antall svar per "
    "intervall på {width}.": "Bars with fewer than {n} answers are merged with a neighbour; a wide bar's height is "
    "the number of answers per interval of {width}.",
    # ui/value_picker.py and the filter part of ui/controls.py (uitr: these move to the .ts file with the rest)
    "Søk i verdiene …": "Search the values …",
    "Søk i verdiene": "Search the values",
    "Verdier å ta med (mellomrom krysser av)": "Values to include (space ticks)",
    "Fjern alle kryss": "Clear all ticks",
    "Velg verdier …": "Choose values …",
    "Ingen verdier valgt: alle respondenter er med": "No values chosen: all respondents are included",
    "Utvalg: verdier": "Filter: values",
    "Utvalg 2: verdier": "Filter 2: values",
}
