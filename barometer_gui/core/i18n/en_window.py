"""English for the numeric distribution chart (charts/distribution.py); the window's own texts are in the .ts."""

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
    "Midterste halvdel (25–75 %)": "Middle half (25–75%)",
    "Strek: 10–90 % av svarene": "Line: 10–90% of the answers",
    "Median": "Median",
    "Gjennomsnitt": "Mean",
    "Boks og median er uvektet; gjennomsnittet er vektet.": "Box and median are unweighted; the mean is weighted.",
    "* færre enn {n} svar, tolk med forsiktighet.": "* fewer than {n} answers, interpret with care.",
    "Søyler med færre enn {n} svar er slått sammen med naboen; en bred søyles høyde er antall svar per "
    "intervall på {width}.": "Bars with fewer than {n} answers are merged with a neighbour; a wide bar's height is "
    "the number of answers per interval of {width}.",
}
