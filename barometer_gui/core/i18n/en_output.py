"""English catalogue for tables, footnotes, disclosure notes, exports and the CLI: bokmål source → English."""

EN: dict[str, str] = {
    # the engine's own group and statistic names, and its summaries
    "Totalt": "Total",
    "Resten av landet": "Rest of the country",
    "Gjennomsnitt": "Mean",
    "Median": "Median",
    "Hemmer": "Hinders",
    "Fremmer": "Promotes",
    "Bunn 2": "Bottom 2",
    "Topp 2": "Top 2",
    "uoppgitt": "not stated",
    " eller ": " or ",
    "{first} og {last}": "{first} and {last}",
    # the test, as the method line says it
    "Kjikvadrattest": "Chi-square test",
    "Kjikvadrattest per alternativ": "Chi-square test per option",
    "Kjikvadrattest per delspørsmål": "Chi-square test per item",
    "{tests} og parvise z-tester ({correction}, {level} % nivå, effektiv base)": (
        "{tests} and pairwise z-tests ({correction}, {level}% level, effective base)"
    ),
    "ingen korreksjon": "no correction",
    "eget område mot resten av landet med z-test ({level} %-nivå)": (
        "own area against the rest of the country by z-test ({level}% level)"
    ),
    "parvise z-tester mellom gruppene ({level} %-nivå, ukorrigert)": (
        "pairwise z-tests between the groups ({level}% level, uncorrected)"
    ),
    "parvise z-tester mellom gruppene ({level} %-nivå, korrigert med {correction})": (
        "pairwise z-tests between the groups ({level}% level, corrected by {correction})"
    ),
    "95 % konfidensintervall (Wilson)": "95% confidence interval (Wilson)",
    "effektivt antall svar for vektede tall": "effective number of answers for weighted figures",
    "Metode: {method}": "Method: {method}",
    # the plain-language footnote
    "Antall svar: {counts}.": "Answers: {counts}.",
    "Antall svar: {counts}. Prosentene er andelen av dem som svarte i hver gruppe.": (
        "Answers: {counts}. Percentages are shares of those who answered in each group."
    ),
    "Antall svar per delspørsmål (vet ikke holdt utenfor): {counts}. "
    "Prosentene er andelen av dem som svarte på delspørsmålet.": (
        "Answers per item (don't know left out): {counts}. Percentages are shares of those who answered the item."
    ),
    "Antall svar: {counts}. Prosentene er andelen av dem som fikk spørsmålet i hver gruppe.": (
        "Answers: {counts}. Percentages are shares of those asked the question in each group."
    ),
    "Antall svar: {counts}. Prosentene er andelen av dem som svarte på minst ett delspørsmål.": (
        "Answers: {counts}. Percentages are shares of those who answered at least one item."
    ),
    "Forskjeller merket med bokstav er statistisk sikre: en bokstav ved et tall betyr at andelen "
    "er høyere enn i gruppen med den bokstaven.": (
        "Differences marked with a letter are statistically significant: a letter next to a number means "
        "the share is higher than in the group with that letter."
    ),
    "{sure} av {count} forskjeller mot resten av landet er statistisk sikre "
    "(merket * der forskjellen vises).": (
        "{sure} of {count} differences from the rest of the country are statistically significant "
        "(marked * where the difference is shown)."
    ),
    "Ingen av forskjellene mot resten av landet er statistisk sikre.": (
        "None of the differences from the rest of the country are statistically significant."
    ),
    "Ingen av forskjellene mellom gruppene er statistisk sikre.": (
        "None of the differences between the groups are statistically significant."
    ),
    "* ved antall svar: færre enn {n} svar, tolk med varsomhet.": (
        "* by the number of answers: fewer than {n} answers, interpret with caution."
    ),
    ": = for få svar til å vise tallet (færre enn {n}).": ": = too few answers to show the number (fewer than {n}).",
    "{groups} vises heller ikke, for at en liten gruppe ikke skal kunne regnes ut fra totalen.": (
        "{groups} is not shown either, so that a small group cannot be worked out from the total."
    ),
    "Flere svar mulig, så prosentene summerer ikke til 100.": (
        "Several answers possible, so the percentages do not add up to 100."
    ),
    "Utvalg: {filters}.": "Selection: {filters}.",
    "Vektet med «{weight}».": "Weighted by “{weight}”.",
    "Uvektede tall.": "Unweighted figures.",
    "Kilde: {source}.": "Source: {source}.",
    "Kilde: {source}": "Source: {source}",
    # disclosure control: merged groups and refused tables
    "(utvidet til {names} for å verne små grupper)": "(widened to {names} to protect small groups)",
    "Eget område {variable} = {value} er utvidet til {names} for å verne små grupper.": (
        "Own area {variable} = {value} is widened to {names} to protect small groups."
    ),
    "{variable}: {names} er slått sammen, så hver gruppe har minst {k} svar også "
    "når tabeller trekkes fra hverandre.": (
        "{variable}: {names} are merged, so every group has at least {k} answers even when tables "
        "are subtracted from each other."
    ),
    "«{variable}» har over {limit} ulike verdier og kan ikke brukes til å dele opp eller filtrere tabeller.": (
        "“{variable}” has more than {limit} different values and cannot be used to break down or filter tables."
    ),
    "Tabellen krysser {names}. For å verne små grupper kan en tabell bare krysse to "
    "bakgrunnsvariabler (ikke spørsmål); bruk færre filtre eller ingen oppdeling.": (
        "The table crosses {names}. To protect small groups a table can only cross two background "
        "variables (not questions); use fewer filters or no breakdown."
    ),
    "noen kombinasjoner har færre enn {k} svar (f.eks. {example})": (
        "some combinations have fewer than {k} answers (e.g. {example})"
    ),
    "forskjellen mot andre tabeller fra fila ville vise færre enn {k} svar": (
        "the difference from other tables from the file would show fewer than {k} answers"
    ),
    "Tabellen krysser {names}, men {reason}; slike tabeller kan trekkes fra hverandre og "
    "avsløre enkeltsvar. Bruk bare én av variablene.": (
        "The table crosses {names}, but {reason}; such tables can be subtracted from each other and "
        "reveal single answers. Use only one of the variables."
    ),
    # the engine's messages
    "Tabelloppsettet må være et objekt.": "The table settings must be an object.",
    "Ukjente felt i tabelloppsettet: {fields}.": "Unknown fields in the table settings: {fields}.",
    "Tabelloppsettet har feil form (filter, sammenligning eller tall).": (
        "The table settings have the wrong form (filter, comparison or numbers)."
    ),
    "Tabelloppsettet mangler spørsmål.": "The table settings lack a question.",
    "Minste base kan ikke være negativ.": "The minimum base cannot be negative.",
    "Ukjent korreksjon «{correction}». Velg blant: {choices}.": (
        "Unknown correction “{correction}”. Choose from: {choices}."
    ),
    "«{variable}» er et tall og kan ikke brukes som filter; bruk en gruppert variabel.": (
        "“{variable}” is a number and cannot be used as a filter; use a grouped variable."
    ),
    "Ingen respondenter oppfyller filteret ({filters}).": "No respondents meet the filter ({filters}).",
    "«{value}» er ikke en verdi av «{variable}». Verdier: {values}.": (
        "“{value}” is not a value of “{variable}”. Values: {values}."
    ),
    "«{variable}» er et tall og kan ikke brukes til å dele opp tabellen.": (
        "“{variable}” is a number and cannot be used to break down the table."
    ),
    "«{variable}» har ingen verdier blant respondentene her, så tabellen kan ikke deles opp etter den.": (
        "“{variable}” has no values among the respondents here, so the table cannot be broken down by it."
    ),
    "Oppsummering (topp/bunn to) krever en skala med minst fire trinn.": (
        "A summary (top/bottom two) needs a scale of at least four steps."
    ),
    # exports: deck, workbook, PDF, images
    "Lagrer …": "Saving …",
    "Lager lysbilder ({n} av {total}) …": "Making slides ({n} of {total}) …",
    "Lager ark {n} av {total} …": "Making sheet {n} of {total} …",
    "Lager side {n} av {total} …": "Making page {n} of {total} …",
    "Lager bilde {n} av {total} …": "Making picture {n} of {total} …",
    "Tabell: {title}. {subtitle}": "Table: {title}. {subtitle}",
    "Fant ikke malen «{name}».": "Could not find the template “{name}”.",
    "Malen «{name}» kunne ikke åpnes som PowerPoint-fil.": "The template “{name}” could not be opened as a PowerPoint file.",
    "Om tallene": "About the figures",
    "Ingen data å vise.": "No data to show.",
    "Innhold": "Contents",
    "Ark": "Sheet",
    "Svaralternativ": "Answer option",
    "Andel": "Share",
    "Nedre 95 %": "Lower 95%",
    "Øvre 95 %": "Upper 95%",
    "Sig.": "Sig.",
    "Verdi": "Value",
    "Antall svar": "Number of answers",
    "Antall svar (n)": "Answers (n)",
    "Effektivt antall (vektet)": "Effective number (weighted)",
    "Ikke med (fant ikke spørsmålet i dataene):": "Left out (question not found in the data):",
    "Sig.: bokstaven(e) viser hvilke grupper andelen er statistisk sikkert høyere enn ({pairs}).": (
        "Sig.: the letter(s) show which groups the share is significantly higher than ({pairs})."
    ),
    "{n} spørsmål": "{n} questions",
    "Side {n} av {total}": "Page {n} of {total}",
    "Mappa «{name}» finnes og inneholder andre filer; velg et annet navn.": (
        "The folder “{name}” exists and holds other files; choose another name."
    ),
    "Kan ikke skrive til «{folder}»: {reason}.": "Cannot write to “{folder}”: {reason}.",
    "Kunne ikke lagre «{name}»: {reason}.": "Could not save “{name}”: {reason}.",
    "Innovasjonsbarometeret": "The Innovation Barometer",
    "KOMMANDO": "COMMAND",
    "VAR=VERDI": "VAR=VALUE",
    "FIL": "FILE",
    # the command line (also in en.py until the UI's strings move to the .ts files)
    "Barometer – analyse av innovasjonsbarometeret. Uten kommando (eller med en fil) åpnes vinduet.": "Barometer – analysis of the innovation barometer. Without a command (or with a file) the window opens.",
    "CSV med semikolon og desimalkomma": "CSV with semicolons and decimal commas",
    "Fant ikke fila «{name}».": "Could not find the file “{name}”.",
    "Oppgi --out (og/eller --save-spec).": "Give --out (and/or --save-spec).",
    "Oppgi --spec SPEC.json eller minst ett spørsmål med -q.": "Give --spec SPEC.json or at least one question with -q.",
    "Oppgi enten --spec eller -q, ikke begge.": "Give either --spec or -q, not both.",
    "Oppgi enten en fil eller --demo, ikke begge.": "Give either a file or --demo, not both.",
    "PowerPoint-mal (.pptx eller .potx) å bygge på": "PowerPoint template (.pptx or .potx) to build on",
    "Språk: --lang en for engelsk, --lang nb for norsk (standard).": "Language: --lang en for English, --lang nb for Norwegian (default).",
    "Ugyldig kommando: {message}. Se «{prog} --help».": "Invalid command: {message}. See “{prog} --help”.",
    "Ukjent kommando eller fil «{given}». Kommandoer: {commands}. Se «barometer --help».": "Unknown command or file “{given}”. Commands: {commands}. See “barometer --help”.",
    "Ukjent kommando «{given}». Mente du «{command}»?": "Unknown command “{given}”. Did you mean “{command}”?",
    "Vinduet åpner én fil; fikk også {extra}. Se «barometer --help».": "The window opens one file; also got {extra}. See “barometer --help”.",
    "arknavn (standard: gjenkjennes automatisk)": "sheet name (default: recognised automatically)",
    "avbrutt.": "cancelled.",
    "bakgrunnsvariabel å dele opp etter (f.eks. fylke, kommunestorrelse)": "background variable to break down by (e.g. fylke, kommunestorrelse)",
    "bruk det innebygde demodatasettet": "use the built-in demo data set",
    "eget område mot resten av landet og hele landet": "own area against the rest of the country and the whole country",
    "eksportfil (.xlsx, .xls, .csv) eller SurveyXact-mappe; demo hvis tom": "export file (.xlsx, .xls, .csv) or SurveyXact folder; demo if empty",
    "filter (kan gjentas)": "filter (can be repeated)",
    "for lite minne til å lese fila.": "not enough memory to read the file.",
    "hoppet over {item}": "skipped {item}",
    "id, full tekst eller starten av teksten": "id, full text or the start of the text",
    "ikke bruk en lagret kobling": "do not use a saved mapping",
    "intern feil ({error}). Kjør med BAROMETER_DEBUG=1 for detaljer.": "internal error ({error}). Run with BAROMETER_DEBUG=1 for details.",
    "koblingsfil (JSON) fra koblingsdialogen": "mapping file (JSON) from the mapping dialog",
    "kodebok i egen fil (etiketter, typer, rekkefølge)": "codebook in a separate file (labels, types, order)",
    "korreksjon for parvise tester (standard holm)": "correction for pairwise tests (default holm)",
    "lagre rapportoppsettet hurtigformen gir": "save the report spec the quick form implies",
    "merk grupper med færre svar (standard 30)": "mark groups with fewer answers (default 30)",
    "rapport (.pptx, .xlsx, .pdf, .png/.svg) fra et rapportoppsett": "report (.pptx, .xlsx, .pdf, .png/.svg) from a report spec",
    "rapportens tittel": "the report's title",
    "rapportoppsett (JSON) lagret fra rapportveiviseren eller --save-spec": "report spec (JSON) saved from the report wizard or --save-spec",
    "rutenett: andel hemmer/fremmer (topp/bunn to)": "grid: share hinders/promotes (top/bottom two)",
    "skjul grupper med færre svar (standard 5)": "hide groups with fewer answers (default 5)",
    "skriv til fil i stedet for skjermen": "write to a file instead of the screen",
    "spørsmål (kan gjentas)": "question (can be repeated)",
    "tabell for ett spørsmål": "table for one question",
    "utfil; endelsen velger format (.pptx, .xlsx, .pdf, .png, .svg)": "output file; its extension picks the format (.pptx, .xlsx, .pdf, .png, .svg)",
    "vektvariabel": "weight variable",
    "vis spørsmålene som ble funnet, som JSON": "show the questions found, as JSON",
    "{option} skal ha formen VARIABEL=VERDI, fikk «{text}».": "{option} must look like VARIABLE=VALUE, got “{text}”.",
    "Svar": "Answer",
}
