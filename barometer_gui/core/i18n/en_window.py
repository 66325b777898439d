"""English for the window branch's parts: the multi-value filter and the numeric distribution chart."""

EN: dict[str, str] = {
    # charts/distribution.py
    "For få svar til å vise fordelingen.": "Too few answers to show the distribution.",
    "Gjennomsnitt {value}": "Mean {value}",
    "Median {value}": "Median {value}",
    "Fordeling av svarene (n = {n})": "Distribution of the answers (n = {n})",
    "Antall svar": "Number of answers",
    "Fordeling av svarene etter {by}": "Distribution of the answers by {by}",
    "skjult for å beskytte en annen gruppe": "hidden to protect another group",
    "skjult: for få svar": "hidden: too few answers",
    "Midterste halvdel (25–75 %)": "Middle half (25–75 %)",
    "Strek: 10–90 % av svarene": "Line: 10–90 % of the answers",
    "Median": "Median",
    "Gjennomsnitt": "Mean",
    "Boks og median er uvektet; gjennomsnittet er vektet.": "Box and median are unweighted; the mean is weighted.",
    "* færre enn {n} svar, tolk med forsiktighet.": "* fewer than {n} answers, interpret with care.",
}
