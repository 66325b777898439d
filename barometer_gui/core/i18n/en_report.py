"""English catalogue for report specs, report runs and report content: bokmål source → English."""

EN: dict[str, str] = {
    # report content (core/report/content.py): subtitles, footnotes, method page, alt text
    "Alle som svarte": "All respondents",
    "{area} mot resten av landet": "{area} compared with the rest of the country",
    "Etter {breakdown}": "By {breakdown}",
    "andel som svarer hemmer/fremmer": "share answering hinders/promotes",
    "vektet": "weighted",
    "uvektet": "unweighted",
    "Flere svar mulig, så prosentene summerer ikke til 100.": (
        "Several answers possible, so the percentages do not add up to 100."
    ),
    "Vektet med «{weight}».": "Weighted by “{weight}”.",
    "Kilde: {source}.": "Source: {source}.",
    "Forskjell mot resten (%-poeng)": "Difference from the rest (percentage points)",
    "Andre": "Other",
    "«{other}» er {count} svaralternativer under {limit} % lagt sammen: {names}": (
        "“{other}” is {count} options under {limit}% added together: {names}"
    ),
    "{count} svaralternativer under {limit} % i alle grupper er utelatt: {names}": (
        "{count} options under {limit}% in every group are left out: {names}"
    ),
    "Svaralternativer under {limit} % i alle grupper er slått sammen til «{other}» i diagrammer og tabeller "
    "(flervalg: utelatt, fordi andelene der ikke kan legges sammen; rutenett og sammenligninger med eget "
    "område vises alltid helt).": (
        "Options under {limit}% in every group are combined into “{other}” in charts and tables (multiple "
        "choice: left out, because those shares cannot be added; grids and comparisons with the own area "
        "are always shown in full)."
    ),
    "Svaralternativer under {limit} % i alle grupper er utelatt i diagrammer og tabeller (rutenett og "
    "sammenligninger med eget område vises alltid helt).": (
        "Options under {limit}% in every group are left out of charts and tables (grids and comparisons "
        "with the own area are always shown in full)."
    ),
    "Diagram: {title}. {subtitle}.": "Chart: {title}. {subtitle}.",
    "For få svar til å vise resultatet.": "Too few answers to show the result.",
    "Gjennomsnitt": "Mean",
    "Gjennomsnitt for alle: {mean} (n = {n}).": "Mean for all: {mean} (n = {n}).",
    "Størst andel blant alle: «{name}», {pct} (n = {n}).": "Largest share among all: “{name}”, {pct} (n = {n}).",
    "Beregner {done} av {total} …": "Calculating {done} of {total} …",
    "Prosentene er andelen av dem som svarte på spørsmålet i hver gruppe.": (
        "The percentages are the share of those in each group who answered the question."
    ),
    "Usikkerheten er beregnet som 95 % konfidensintervall (Wilson-metoden, med effektivt antall svar når "
    "tallene er vektet); intervallene står i Excel-utgaven av rapporten.": (
        "Uncertainty is calculated as 95% confidence intervals (the Wilson method, with the effective "
        "number of answers when the figures are weighted); the intervals are in the Excel version of the report."
    ),
    "Tallene er vektet med {weights} slik at utvalget speiler populasjonen.": (
        "The figures are weighted by {weights} so that the sample mirrors the population."
    ),
    "Forskjeller mellom grupper er testet med kjikvadrattest og parvise z-tester ({corrections} for mange "
    "sammenligninger, {level} % nivå). En bokstav ved et tall betyr at andelen er høyere enn i gruppen med den "
    "bokstaven.": (
        "Differences between groups are tested with a chi-square test and pairwise z-tests ({corrections} "
        "for many comparisons, {level}% level). A letter by a figure means the share is higher than in the group "
        "with that letter."
    ),
    "Grupper med færre enn {min_base} svar slås sammen med en nabogruppe (vist som «A + B»), eller vises "
    "ikke (:) der det ikke går, for å verne personvernet og fordi tallene blir for usikre; grupper med færre "
    "enn {low_base} svar er merket *.": (
        "Groups with fewer than {min_base} answers are merged with a neighbouring group (shown as “A + B”), "
        "or not shown (:) where that is not possible, to protect privacy and because the figures become too "
        "uncertain; groups with fewer than {low_base} answers are marked *."
    ),
    # free text
    "Ingen svar på dette spørsmålet i utvalget.": "No answers to this question in the selection.",
    "Svarene vises ikke: færre enn {min_base} har svart i utvalget, og svar fra så få kan peke ut hvem "
    "som skrev dem.": (
        "The answers are not shown: fewer than {min_base} answered in the selection, and answers from so "
        "few could point out who wrote them."
    ),
    "Viser {shown} av {total} svar, trukket tilfeldig.": "Showing {shown} of {total} answers, drawn at random.",
    "Antall svar: {total}.": "Number of answers: {total}.",
    "Fritekstsvarene er gjengitt slik de ble skrevet, uten retting, i alfabetisk rekkefølge og uten "
    "opplysninger om hvem som svarte; like svar står én gang med antall (×). Svar vises ikke når færre enn "
    "minste antall svar har svart i utvalget.": (
        "Free-text answers are shown as written, uncorrected, in alphabetical order and without anything "
        "about who answered; identical answers appear once with their number (×). Answers are not shown when "
        "fewer than the minimum number of answers answered in the selection."
    ),
    "«{question}» er ikke et fritekstspørsmål.": "“{question}” is not a free-text question.",
    "Om tallene": "About the figures",
    # report runs (core/report/run.py) and specs (core/report/spec.py)
    "Lagret {paths} ({count} spørsmål).": "Saved {paths} ({count} questions).",
    "Hoppet over {count}: {items}": "Skipped {count}: {items}",
    "Ukjent rapportformat «{suffix}». Bruk {formats}.": "Unknown report format “{suffix}”. Use {formats}.",
    "Velg minst ett format for rapporten.": "Choose at least one format for the report.",
    "Rapporten kan ikke skrives over datafila.": "The report cannot be written over the data file.",
    "Rapporten har ingen spørsmål som kan lages.": "The report has no questions that can be made.",
    "Rapporten har ingen spørsmål som kan lages. {skipped}": "The report has no questions that can be made. {skipped}",
    "Kan ikke skrive til «{folder}»: {reason}.": "Cannot write to “{folder}”: {reason}.",
    "Flytter filene på plass …": "Moving the files into place …",
    "Kunne ikke lagre «{name}»: {reason}.": "Could not save “{name}”: {reason}.",
    "«{item}»: fritekst blir ikke bilde (bildene er diagrammer); svarene står i PowerPoint, Excel og PDF": (
        "“{item}”: free text is not made into an image (the images are charts); the answers are in "
        "PowerPoint, Excel and PDF"
    ),
    "Rapportoppsettet sier ikke hvilken datafil det gjelder; oppgi fila: barometer report FIL --spec …": (
        "The report setup does not say which data file it is for; give the file: barometer report FILE --spec …"
    ),
    "Fant ikke datafila «{file}» som rapportoppsettet viser til (sett fra {folder}); oppgi fila: "
    "barometer report FIL --spec …": (
        "Could not find the data file “{file}” the report setup refers to (seen from {folder}); give the "
        "file: barometer report FILE --spec …"
    ),
    "Tittel": "Title",
    "Del": "Section",
    "Tekst": "Text",
    # finding questions again in next year's data (core/report/resolve.py)
    "fant ikke spørsmålet «{id}»": "could not find the question “{id}”",
    "«{text}» har ny id: {old} → {new}": "“{text}” has a new id: {old} → {new}",
    "«{text}» funnet som «{found}» ({id})": "“{text}” found as “{found}” ({id})",
    "«{text}» passer til flere spørsmål": "“{text}” matches several questions",
    "«{id}» er nå et annet spørsmål («{other}»); «{text}» finnes ikke": (
        "“{id}” is now another question (“{other}”); “{text}” does not exist"
    ),
    "fant ikke «{text}» ({id})": "could not find “{text}” ({id})",
    "fant ikke oppdelingen «{name}»": "could not find the breakdown “{name}”",
    "Utvalg: {filters}": "Selection: {filters}",
    "Eget område er sammenlignet med resten av landet med z-test ({level} % nivå); en forskjell merket * er "
    "statistisk sikker.": (
        "The own area is compared with the rest of the country by z-test ({level}% level); a difference marked * is "
        "statistically significant."
    ),
    # the report spec file (core/report/spec.py)
    "Fila er ikke et rapportoppsett fra Barometer.": "The file is not a Barometer report spec.",
    "Rapportoppsettet mangler versjonsnummer.": "The report spec has no version number.",
    "Rapportoppsettet er laget av en nyere Barometer (versjon {version}); "
    "denne versjonen leser versjon {supported}. Oppdater Barometer.": (
        "The report spec was made by a newer Barometer (version {version}); this version reads version "
        "{supported}. Update Barometer."
    ),
    "rapportoppsettet": "the report spec",
    "innstillingene": "the settings",
    "element {number}": "item {number}",
    "«items» i rapportoppsettet må være en liste.": "“items” in the report spec must be a list.",
    "«source» i rapportoppsettet må være et objekt.": "“source” in the report spec must be an object.",
    "Fant ikke rapportoppsettet «{name}».": "Could not find the report spec “{name}”.",
    "Kan ikke lese rapportoppsettet «{name}»: {reason}.": "Cannot read the report spec “{name}”: {reason}.",
    "Rapportoppsettet «{name}» er skadet (ugyldig JSON på linje {line}).": (
        "The report spec “{name}” is damaged (invalid JSON on line {line})."
    ),
    "«{name}» finnes og er ikke et rapportoppsett; velg et annet navn.": (
        "“{name}” exists and is not a report spec; choose another name."
    ),
    "«{name}» er laget av en nyere Barometer og blir ikke overskrevet; velg et annet navn.": (
        "“{name}” was made by a newer Barometer and is not overwritten; choose another name."
    ),
    "Ukjente felt i {where}: {fields}.": "Unknown fields in {where}: {fields}.",
    "«{name}» i rapportoppsettet må være tekst.": "“{name}” in the report spec must be text.",
    "«{name}» må være en av {allowed}, fikk «{value}».": "“{name}” must be one of {allowed}, got “{value}”.",
    "«settings» i rapportoppsettet må være et objekt.": "“settings” in the report spec must be an object.",
    "Ukjent korreksjon «{correction}».": "Unknown correction “{correction}”.",
    "«fold_below» må være et tall fra 0 til 100 (prosent).": "“fold_below” must be a number from 0 to 100 (percent).",
    "«template» må være et filnavn eller tomt.": "“template” must be a file name or empty.",
    "«{name}» må ha formen {form}.": "“{name}” must have the form {form}.",
    "Element {number} i rapportoppsettet må være et objekt.": "Item {number} in the report spec must be an object.",
    "Element {number} er et spørsmål uten «question».": "Item {number} is a question without “question”.",
    "Element {number}: «limit» må være et heltall fra 0 (alle svar) og opp.": (
        "Item {number}: “limit” must be a whole number from 0 (all answers) up."
    ),
    "Element {number} har ukjente overstyringer: {fields}.": "Item {number} has unknown overrides: {fields}.",
}
