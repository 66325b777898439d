<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nb_NO">
<context>
    <name>AboutDialog</name>
    <message>
        <source>NumPy (med OpenBLAS)</source>
        <translation>NumPy (with OpenBLAS)</translation>
    </message>
    <message>
        <source>Matplotlib License (PSF-basert)</source>
        <translation>Matplotlib License (PSF-based)</translation>
    </message>
    <message>
        <source>DejaVu-skrifter (i Matplotlib)</source>
        <translation>DejaVu fonts (in Matplotlib)</translation>
    </message>
    <message>
        <source>Bitstream Vera / fri lisens</source>
        <translation>Bitstream Vera / free licence</translation>
    </message>
    <message>
        <source>&lt;p&gt;Analyse av innovasjonsbarometeret for kommunal sektor: import, tabeller med base og tester, diagrammer og PowerPoint. Barometer er fri programvare under MIT-lisensen.&lt;/p&gt;&lt;p&gt;Barometer bruker aldri nettverket. Dataene dine og eventuelle feilrapporter blir på denne maskinen.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Analysis of the innovation barometer for Norwegian local government: import, tables with bases and tests, charts and PowerPoint. Barometer is free software under the MIT licence.&lt;/p&gt;&lt;p&gt;Barometer never uses the network. Your data and any error reports stay on this computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Komponenter og lisenser</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>Komponent</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Versjon</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Lisens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Qt og LGPL&lt;/h3&gt;&lt;p&gt;Barometer bruker Qt {version} gjennom PySide6, begge under GNU Lesser General Public License versjon 3 (LGPL v3). Qt er ikke endret. Programmet er installert som en vanlig mappe, ikke som én samlet fil, og Qt-bibliotekene ligger som egne filer i denne mappa:&lt;/p&gt;&lt;p&gt;&lt;code&gt;{folder}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Du kan derfor bytte dem ut med din egen bygg av Qt av samme hovedversjon (for eksempel en rettet versjon): legg de nye bibliotekene over de gamle og start Barometer på nytt. Kildekoden til Qt og PySide6 og lisensteksten (LGPL v3) finnes hos Qt-prosjektet (qt.io).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Qt and the LGPL&lt;/h3&gt;&lt;p&gt;Barometer uses Qt {version} through PySide6, both under the GNU Lesser General Public License version 3 (LGPL v3). Qt is unmodified. The program is installed as an ordinary folder, not as one bundled file, and the Qt libraries are separate files in this folder:&lt;/p&gt;&lt;p&gt;&lt;code&gt;{folder}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;You can therefore replace them with your own build of Qt of the same major version (for example a patched one): copy the new libraries over the old ones and restart Barometer. The source code of Qt and PySide6 and the licence text (LGPL v3) are available from the Qt project (qt.io).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Om Barometer</source>
        <translation>About Barometer</translation>
    </message>
    <message>
        <source>&amp;Lukk</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Diagram:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <source>Diagramtyper som passer til denne tabellen</source>
        <translation>Chart types that suit this table</translation>
    </message>
    <message>
        <source>Diagramtype</source>
        <translation>Chart type</translation>
    </message>
    <message>
        <source>Spørreskjemaets rekkefølge</source>
        <translation>Questionnaire order</translation>
    </message>
    <message>
        <source>Sortert etter størrelse</source>
        <translation>Sorted by size</translation>
    </message>
    <message>
        <source>Rekkefølge</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Vis usikkerhet (95 %)</source>
        <translation>Show uncertainty (95%)</translation>
    </message>
    <message>
        <source>Farger:</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <source>Farger</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Grunnstørrelse for teksten i diagrammet</source>
        <translation>Base size of the chart&apos;s text</translation>
    </message>
    <message>
        <source>Skriftstørrelse</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>Tittel (tom: spørsmålsteksten)</source>
        <translation>Title (empty: the question text)</translation>
    </message>
    <message>
        <source>Diagramtittel</source>
        <translation>Chart title</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Innhold</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Velg hva rapporten skal inneholde og i hvilken rekkefølge. Dra for å flytte.</source>
        <translation>Choose what the report contains and in which order. Drag to move.</translation>
    </message>
    <message>
        <source>Tittel (tom: spørsmålsteksten)</source>
        <translation>Title (empty: the question text)</translation>
    </message>
    <message>
        <source>Tekst (for tittel-, del- og tekstelementer)</source>
        <translation>Text (for title, section and text items)</translation>
    </message>
    <message>
        <source>Diagram (det som passer best)</source>
        <translation>Chart (the best fit)</translation>
    </message>
    <message>
        <source>Diagram: {kind}</source>
        <translation>Chart: {kind}</translation>
    </message>
    <message>
        <source>Bare tabell</source>
        <translation>Table only</translation>
    </message>
    <message>
        <source>Ingen (bare totalt)</source>
        <translation>None (total only)</translation>
    </message>
    <message>
        <source>Tabell i tillegg (eget lysbilde)</source>
        <translation>Table as well (own slide)</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Fritekst: vis høyst så mange svar (et tilfeldig utvalg; antallet står i fotnoten)</source>
        <translation>Free text: show at most this many answers (a random sample; the number is stated in the footnote)</translation>
    </message>
    <message>
        <source>Opp</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ny del …</source>
        <translation>New section …</translation>
    </message>
    <message>
        <source>Ny tekst …</source>
        <translation>New text …</translation>
    </message>
    <message>
        <source>Legg til spørsmål</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>Tittel:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Tekst:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Del opp etter:</source>
        <translation>Break down by:</translation>
    </message>
    <message>
        <source>Vis som:</source>
        <translation>Show as:</translation>
    </message>
    <message>
        <source>Høyst antall svar:</source>
        <translation>Most answers shown:</translation>
    </message>
    <message>
        <source>Rapportens tittel:</source>
        <translation>Report title:</translation>
    </message>
    <message>
        <source> + tabell</source>
        <translation> + table</translation>
    </message>
    <message>
        <source> (bare tabell)</source>
        <translation> (table only)</translation>
    </message>
    <message>
        <source>Blir hoppet over: {reason}</source>
        <translation>Will be skipped: {reason}</translation>
    </message>
    <message>
        <source>«{chosen}» passer ikke her; viser «{shown}». </source>
        <translation>“{chosen}” does not fit here; showing “{shown}”. </translation>
    </message>
    <message>
        <source>{n} ulike svar listes. </source>
        <translation>{n} different answers are listed. </translation>
    </message>
    <message>
        <source>Overskrift for delen:</source>
        <translation>Heading of the section:</translation>
    </message>
    <message>
        <source>Overskrift:</source>
        <translation>Heading:</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>&amp;Del opp etter:</source>
        <extracomment>filters on different variables are combined with &quot;and&quot;; the values ticked for one variable with &quot;or&quot; how the table is shown (not what is counted): the window places these beside the title</extracomment>
        <translation>&amp;Break down by:</translation>
    </message>
    <message>
        <source>&amp;Utvalg:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>og</source>
        <translation>and</translation>
    </message>
    <message>
        <source>&amp;Mitt område mot landet:</source>
        <translation>&amp;My area against the country:</translation>
    </message>
    <message>
        <source>V&amp;ekt:</source>
        <translation>W&amp;eight:</translation>
    </message>
    <message>
        <source>Minste &amp;base:</source>
        <translation>Minimum &amp;base:</translation>
    </message>
    <message>
        <source>Del opp etter</source>
        <translation>Break down by</translation>
    </message>
    <message>
        <source>Utvalg: variabel</source>
        <translation>Filter: variable</translation>
    </message>
    <message>
        <source>Utvalg 2: variabel</source>
        <translation>Filter 2: variable</translation>
    </message>
    <message>
        <source>Utvalg: verdier</source>
        <translation>Filter: values</translation>
    </message>
    <message>
        <source>Utvalg 2: verdier</source>
        <translation>Filter 2: values</translation>
    </message>
    <message>
        <source>Områdetype å sammenligne</source>
        <translation>Area type to compare</translation>
    </message>
    <message>
        <source>Mitt område</source>
        <translation>My area</translation>
    </message>
    <message>
        <source>Vekt</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Minste base: grupper med færre svar skjules</source>
        <translation>Minimum base: groups with fewer answers are hidden</translation>
    </message>
    <message>
        <source>Hemmer/fremmer (topp/bunn to)</source>
        <translation>Hinders/promotes (top/bottom two)</translation>
    </message>
    <message>
        <source>Bytt rader og kolonner</source>
        <translation>Swap rows and columns</translation>
    </message>
    <message>
        <source>Konfidensintervall</source>
        <translation>Confidence intervals</translation>
    </message>
    <message>
        <source>Vis 95 % konfidensintervall i cellene</source>
        <translation>Show 95% confidence intervals in the cells</translation>
    </message>
    <message>
        <source>Ingen (bare totalt)</source>
        <translation>None (total only)</translation>
    </message>
    <message>
        <source>Svar på: {question}</source>
        <translation>Answer to: {question}</translation>
    </message>
    <message>
        <source>Alle respondenter</source>
        <translation>All respondents</translation>
    </message>
    <message>
        <source>Ingen flere</source>
        <translation>No more</translation>
    </message>
    <message>
        <source>Ingen sammenligning</source>
        <translation>No comparison</translation>
    </message>
    <message>
        <source>Uvektet</source>
        <translation>Unweighted</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Barometer {version} – feilrapport {time}</source>
        <translation>Barometer {version} – error report {time}</translation>
    </message>
    <message>
        <source>Frosset utgave: {frozen}; tråd: {thread}</source>
        <translation>Frozen build: {frozen}; thread: {thread}</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nei</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Barometer – uventet feil</source>
        <translation>Barometer – unexpected error</translation>
    </message>
    <message>
        <source>Rapporten er lagret i &lt;b&gt;{path}&lt;/b&gt;.</source>
        <translation>The report has been saved in &lt;b&gt;{path}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Rapporten kunne ikke lagres på disken; kopier den herfra.</source>
        <translation>The report could not be saved to disk; copy it from here.</translation>
    </message>
    <message>
        <source>&lt;p&gt;En kopi av arbeidet ditt er lagret: {paths}. Åpne den for å fortsette der du var.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A copy of your work has been saved: {paths}. Open it to carry on where you were.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Barometer støtte på en feil programmet ikke var forberedt på.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Filene dine er ikke endret, og ingenting er sendt noe sted. Lagre arbeidet ditt og start Barometer på nytt hvis noe oppfører seg rart.&lt;/p&gt;&lt;p&gt;{saved} Send gjerne rapporten til den som gir deg brukerstøtte: trykk «Kopier rapporten» og lim den inn i en e-post.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Barometer ran into an error it was not prepared for.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Your files have not been changed, and nothing has been sent anywhere. Save your work and restart Barometer if anything behaves oddly.&lt;/p&gt;&lt;p&gt;{saved} Please send the report to whoever gives you user support: press “Copy the report” and paste it into an e-mail.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Kopier rapporten</source>
        <translation>&amp;Copy the report</translation>
    </message>
    <message>
        <source>Åpne &amp;mappa</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <source>&amp;Lukk</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Kunne ikke redde «{name}»:</source>
        <translation>Could not rescue “{name}”:</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Tabellen er kopiert – lim den inn i Excel, Word eller PowerPoint.</source>
        <translation>Table copied – paste it into Excel, Word or PowerPoint.</translation>
    </message>
    <message>
        <source>Diagrammet er kopiert som bilde.</source>
        <translation>Chart copied as an image.</translation>
    </message>
    <message>
        <source>Lagret {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Eksporter tabell til Excel</source>
        <translation>Export table to Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Eksporter tabell som CSV</source>
        <translation>Export table as CSV</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Lagre diagram</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>PNG-bilde (*.png);;SVG-vektorgrafikk (*.svg);;PDF (*.pdf)</source>
        <translation>PNG image (*.png);;SVG vector graphics (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Velg .png, .svg eller .pdf som filtype for diagrammet.</source>
        <translation>Choose .png, .svg or .pdf as the chart&apos;s file type.</translation>
    </message>
    <message>
        <source>Eksporter fritekstsvar</source>
        <translation>Export free-text answers</translation>
    </message>
    <message>
        <source>Eksporter til PowerPoint</source>
        <translation>Export to PowerPoint</translation>
    </message>
    <message>
        <source>PowerPoint (*.pptx)</source>
        <translation>PowerPoint (*.pptx)</translation>
    </message>
    <message>
        <source>Lager PowerPoint …</source>
        <translation>Making PowerPoint …</translation>
    </message>
</context>
<context>
    <name>FormatsPage</name>
    <message>
        <source>Format og mappe</source>
        <translation>Format and folder</translation>
    </message>
    <message>
        <source>Velg ett eller flere formater og hvor rapporten skal lagres.</source>
        <translation>Choose one or more formats and where to save the report.</translation>
    </message>
    <message>
        <source>PNG-bilder</source>
        <translation>PNG images</translation>
    </message>
    <message>
        <source>SVG-bilder</source>
        <translation>SVG images</translation>
    </message>
    <message>
        <source>rapport</source>
        <extracomment>the file name offered until the report has a title</extracomment>
        <translation>report</translation>
    </message>
    <message>
        <source>Bla gjennom …</source>
        <translation>Browse …</translation>
    </message>
    <message>
        <source>Mappe:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Filnavn (uten endelse):</source>
        <translation>File name (without extension):</translation>
    </message>
    <message>
        <source>Bilder (PNG 300 dpi, SVG) lagres som én fil per spørsmål i en mappe med dette navnet.</source>
        <translation>Pictures (PNG 300 dpi, SVG) are saved as one file per question in a folder with this name.</translation>
    </message>
    <message>
        <source>Velg mappe</source>
        <translation>Choose folder</translation>
    </message>
</context>
<context>
    <name>FreeTextPanel</name>
    <message>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Søk i svarene …</source>
        <translation>Search the answers …</translation>
    </message>
    <message>
        <source>Søk i fritekstsvarene</source>
        <translation>Search the free-text answers</translation>
    </message>
    <message>
        <source>Eksporter svarene …</source>
        <translation>Export the answers …</translation>
    </message>
    <message>
        <source>Eksporter fritekstsvarene som CSV</source>
        <translation>Export the free-text answers as CSV</translation>
    </message>
    <message>
        <source>Fritekstsvar</source>
        <translation>Free-text answers</translation>
    </message>
    <message>
        <source>{shown} av {total} svar</source>
        <translation>{shown} of {total} answers</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Barometer – brukerveiledning</source>
        <extracomment>the guide in each language the window speaks (bokmål is the fallback)</extracomment>
        <translation>Barometer – user guide</translation>
    </message>
    <message>
        <source>&amp;Lukk</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Brukerveiledning</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;Om Barometer</source>
        <translation>&amp;About Barometer</translation>
    </message>
    <message>
        <source>Spørreundersøkelser (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.sav *.zsav *.por *.dta);;Alle filer (*)</source>
        <extracomment>the engine&apos;s reason when it will not make a table: readable, not a grey footnote</extracomment>
        <translation>Surveys (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.sav *.zsav *.por *.dta);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Åpne undersøkelse …</source>
        <extracomment>what the import was unsure about (plausibility checks, header rows, respondent rule), in view until the user drags the splitter, the table pane takes what its rows need and the chart the rest the report branch plugs its basket and wizard in here the user guide (F1) and About come from the help branch; &quot;Hva betyr tegnene?&quot; is here</extracomment>
        <translation>&amp;Open survey …</translation>
    </message>
    <message>
        <source>Åpne &amp;demodata</source>
        <translation>Open &amp;demo data</translation>
    </message>
    <message>
        <source>Åpne &amp;prosjekt …</source>
        <translation>Open &amp;project …</translation>
    </message>
    <message>
        <source>&amp;Lagre prosjekt</source>
        <translation>&amp;Save project</translation>
    </message>
    <message>
        <source>Lagre prosjekt &amp;som …</source>
        <translation>Save project &amp;as …</translation>
    </message>
    <message>
        <source>&amp;Kobling av spørsmål …</source>
        <translation>Question &amp;mapping …</translation>
    </message>
    <message>
        <source>&amp;Merknader fra importen …</source>
        <translation>Import &amp;notes …</translation>
    </message>
    <message>
        <source>Eksporter tabell til &amp;Excel …</source>
        <translation>Export table to &amp;Excel …</translation>
    </message>
    <message>
        <source>Eksporter tabell som &amp;CSV (Excel) …</source>
        <translation>Export table as &amp;CSV (Excel) …</translation>
    </message>
    <message>
        <source>Lagre &amp;diagram (PNG, SVG, PDF) …</source>
        <translation>Save c&amp;hart (PNG, SVG, PDF) …</translation>
    </message>
    <message>
        <source>&amp;Avslutt</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Kopier tabell</source>
        <translation>&amp;Copy table</translation>
    </message>
    <message>
        <source>Kopier &amp;diagram som bilde</source>
        <translation>Copy c&amp;hart as image</translation>
    </message>
    <message>
        <source>&amp;Søk i spørsmålene</source>
        <translation>&amp;Find a question</translation>
    </message>
    <message>
        <source>&amp;Spørsmålsliste</source>
        <translation>&amp;Question list</translation>
    </message>
    <message>
        <source>&amp;Valg over tabellen</source>
        <translation>&amp;Controls above the table</translation>
    </message>
    <message>
        <source>&amp;Bytt rader og kolonner</source>
        <translation>&amp;Swap rows and columns</translation>
    </message>
    <message>
        <source>Vis &amp;konfidensintervall</source>
        <translation>Show confidence &amp;intervals</translation>
    </message>
    <message>
        <source>Alle spørsmål til &amp;PowerPoint …</source>
        <translation>All questions to &amp;PowerPoint …</translation>
    </message>
    <message>
        <source>&amp;Hva betyr tegnene?</source>
        <translation>&amp;What do the signs mean?</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Rediger</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Rapport</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Nylig brukt</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>&amp;Språk / Language</source>
        <translation>&amp;Language / Språk</translation>
    </message>
    <message>
        <source>Valg</source>
        <translation>Controls</translation>
    </message>
    <message>
        <source>Vis eller skjul valgene over tabellen</source>
        <translation>Show or hide the controls above the table</translation>
    </message>
    <message>
        <source>Vis eller skjul valgene</source>
        <translation>Show or hide the controls</translation>
    </message>
    <message>
        <source>Tabell</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Åpne en eksportfil fra spørreundersøkelsen (Fil › Åpne, eller dra fila hit), eller se på demodataene.</source>
        <translation>Open an export file from the survey (File › Open, or drag the file here), or look at the demo data.</translation>
    </message>
    <message>
        <source>Åpne undersøkelse</source>
        <translation>Open survey</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Vent til arbeidet som pågår er ferdig, eller avbryt det.</source>
        <translation>Wait for the current work to finish, or cancel it.</translation>
    </message>
    <message>
        <source>Leser «{name}» …</source>
        <translation>Reading “{name}” …</translation>
    </message>
    <message>
        <source>Kodebok funnet</source>
        <translation>Codebook found</translation>
    </message>
    <message>
        <source>Ved siden av «{data}» ligger «{codebook}», som ser ut som en kodebok. Bruke den til spørsmålstekster, svaralternativer og rekkefølge?</source>
        <translation>Next to «{data}» there is «{codebook}», which looks like a codebook. Use it for question texts, answer options and order?</translation>
    </message>
    <message>
        <source>{n} respondenter, {q} spørsmål ({layout}).</source>
        <translation>{n} respondents, {q} questions ({layout}).</translation>
    </message>
    <message>
        <source>{n} merknad(er) – se Fil › Merknader fra importen.</source>
        <translation>{n} note(s) – see File › Import notes.</translation>
    </message>
    <message>
        <source>Se alle {n} merknader</source>
        <translation>See all {n} notes</translation>
    </message>
    <message>
        <source>Vis merknaden</source>
        <translation>Show the note</translation>
    </message>
    <message>
        <source>⚠ {note} &lt;a href=&apos;#merknader&apos;&gt;{more}&lt;/a&gt;</source>
        <translation>⚠ {note} &lt;a href=&apos;#merknader&apos;&gt;{more}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Merknader fra importen</source>
        <translation>Import notes</translation>
    </message>
    <message>
        <source>{n} merknad(er) for «{name}»:</source>
        <translation>{n} note(s) for “{name}”:</translation>
    </message>
    <message>
        <source>Åpne prosjekt</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Barometer-prosjekt (*.barometer)</source>
        <translation>Barometer project (*.barometer)</translation>
    </message>
    <message>
        <source>Fant ikke datafila «{name}» som prosjektet bruker.</source>
        <translation>Could not find the data file “{name}” the project uses.</translation>
    </message>
    <message>
        <source>Lagre prosjekt</source>
        <translation>Save project</translation>
    </message>
    <message>
        <source>Lagret {path}</source>
        <translation>Saved {path}</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Kobling av spørsmål</source>
        <translation>Question mapping</translation>
    </message>
    <message>
        <source>Kontroller hvordan kolonnene i fila er tolket. Endringene lagres og brukes automatisk neste gang samme undersøkelse åpnes (f.eks. neste års eksport).</source>
        <translation>Check how the file&apos;s columns have been read. Your changes are saved and used automatically the next time the same survey is opened (e.g. next year&apos;s export).</translation>
    </message>
    <message>
        <source>Spørsmål</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Bakgrunn og vekt</source>
        <translation>Background and weight</translation>
    </message>
    <message>
        <source>Lagre og bruk</source>
        <translation>Save and use</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Respondenter:</source>
        <translation>Respondents:</translation>
    </message>
    <message>
        <source>Fila har ikke noe statusfelt, så alle rader regnes som respondenter.</source>
        <translation>The file has no status field, so every row counts as a respondent.</translation>
    </message>
    <message>
        <source>Status fra {field}.</source>
        <translation>Status from {field}.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Spørsmålstekst</source>
        <translation>Question text</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Svaralternativer (rekkefølge, skilt med |)</source>
        <translation>Answer options (in order, separated by |)</translation>
    </message>
    <message>
        <source>Kolonner</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Del opp valgt spørsmål</source>
        <translation>Split the selected question</translation>
    </message>
    <message>
        <source>Slå sammen valgte til rutenett</source>
        <translation>Merge the selected into a grid</translation>
    </message>
    <message>
        <source>Slå sammen valgte til flervalg</source>
        <translation>Merge the selected into multiple choice</translation>
    </message>
    <message>
        <source>Kolonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Bruk som</source>
        <translation>Use as</translation>
    </message>
    <message>
        <source>Ikke bakgrunnsvariabel</source>
        <translation>Not a background variable</translation>
    </message>
    <message>
        <source>Vekt</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Vekt brukes bare når du velger den i hovedvinduet.</source>
        <translation>A weight is only used when you choose it in the main window.</translation>
    </message>
    <message>
        <source>Grenser for kommunestørrelse (innbyggere):</source>
        <translation>Municipality size limits (inhabitants):</translation>
    </message>
    <message>
        <source>Stigende tall skilt med komma, f.eks. 5000, 10000, 20000</source>
        <translation>Ascending numbers separated by commas, e.g. 5000, 10000, 20000</translation>
    </message>
    <message>
        <source>Velg ett spørsmål å dele opp.</source>
        <translation>Choose one question to split.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Diagram og tabell</source>
        <translation>Chart and table</translation>
    </message>
    <message>
        <source>Gjelder alle spørsmålene i rapporten.</source>
        <translation>Applies to every question in the report.</translation>
    </message>
    <message>
        <source>Uvektet</source>
        <translation>Unweighted</translation>
    </message>
    <message>
        <source>Slå sammen til «Andre»</source>
        <translation>Merge into “Other”</translation>
    </message>
    <message>
        <source>Utelat</source>
        <translation>Leave out</translation>
    </message>
    <message>
        <source>Tabell for alle spørsmål</source>
        <translation>Table for every question</translation>
    </message>
    <message>
        <source>Rapportens språk:</source>
        <translation>Report language:</translation>
    </message>
    <message>
        <source>Vekt:</source>
        <translation>Weight:</translation>
    </message>
    <message>
        <source>Skjul grupper med færre svar enn:</source>
        <translation>Hide groups with fewer answers than:</translation>
    </message>
    <message>
        <source>Merk grupper med færre svar enn:</source>
        <translation>Mark groups with fewer answers than:</translation>
    </message>
    <message>
        <source>Korreksjon for mange sammenligninger:</source>
        <translation>Correction for multiple comparisons:</translation>
    </message>
    <message>
        <source>Små svaralternativer (under):</source>
        <translation>Small answer options (below):</translation>
    </message>
    <message>
        <source>… vises som:</source>
        <translation>… are shown as:</translation>
    </message>
    <message>
        <source>Alternativer under grensen i alle grupper slås sammen (enkeltvalg) eller utelates (flervalg); det står i fotnoten. 0 % viser alle.</source>
        <translation>Options below the limit in every group are merged (single choice) or left out (multiple choice); the footnote says so. 0% shows them all.</translation>
    </message>
</context>
<context>
    <name>QuestionBrowser</name>
    <message>
        <source>Ett svar</source>
        <extracomment>by QType&apos;s values (a QType is its str value, so `TYPE_MARK[question.type]` finds it)</extracomment>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Flere svar</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>Matrise (delspørsmål på samme skala)</source>
        <translation>Grid (items on one scale)</translation>
    </message>
    <message>
        <source>Tall</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Fritekst</source>
        <translation>Free text</translation>
    </message>
    <message>
        <source>Søk i spørsmålene …</source>
        <translation>Search the questions …</translation>
    </message>
    <message>
        <source>Søk i spørsmålene</source>
        <translation>Search the questions</translation>
    </message>
    <message>
        <source>Spørsmål og bakgrunnsvariabler</source>
        <translation>Questions and background variables</translation>
    </message>
    <message>
        <source>Spørsmål</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Bakgrunnsvariabler (dobbeltklikk: del opp etter)</source>
        <translation>Background variables (double-click: break down by)</translation>
    </message>
</context>
<context>
    <name>ReportBasket</name>
    <message>
        <source>{area} mot resten av landet</source>
        <translation>{area} against the rest of the country</translation>
    </message>
    <message>
        <source>etter {variable}</source>
        <translation>by {variable}</translation>
    </message>
    <message>
        <source>hemmer/fremmer</source>
        <translation>hinders/promotes</translation>
    </message>
    <message>
        <source>fritekstsvar, høyst {limit}</source>
        <translation>free-text answers, at most {limit}</translation>
    </message>
    <message>
        <source>fritekstsvar</source>
        <translation>free-text answers</translation>
    </message>
    <message>
        <source>utvalg: {filters}</source>
        <translation>filter: {filters}</translation>
    </message>
    <message>
        <source>Rapport</source>
        <extracomment>the «Rapport» menu&apos;s own entries (install_report_menu), retranslated with the panel</extracomment>
        <translation>Report</translation>
    </message>
    <message>
        <source>Tom. Velg et spørsmål og trykk Ctrl+R (Rapport › Legg til i rapport).</source>
        <translation>Empty. Choose a question and press Ctrl+R (Report › Add to report).</translation>
    </message>
    <message>
        <source>Opp</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Gi nytt navn</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Lag rapport …</source>
        <translation>Make report …</translation>
    </message>
    <message>
        <source>&amp;Legg til i rapport</source>
        <translation>&amp;Add to report</translation>
    </message>
    <message>
        <source>&amp;Lag rapport …</source>
        <translation>&amp;Make report …</translation>
    </message>
    <message>
        <source>La til «{item}» i rapporten ({count} elementer).</source>
        <translation>Added «{item}» to the report ({count} items).</translation>
    </message>
</context>
<context>
    <name>ReportWizard</name>
    <message>
        <source>Rapportoppsett (*.json)</source>
        <extracomment>Global settings the options page sets for every item (an item&apos;s own value for them is dropped).</extracomment>
        <translation>Report spec (*.json)</translation>
    </message>
    <message>
        <source>Lag rapport</source>
        <translation>Make report</translation>
    </message>
    <message>
        <source>&lt; Tilbake</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Neste &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lagre rapportoppsett …</source>
        <translation>Save report spec …</translation>
    </message>
    <message>
        <source>Åpne rapportoppsett …</source>
        <translation>Open report spec …</translation>
    </message>
    <message>
        <source>Lagre rapportoppsett</source>
        <translation>Save report spec</translation>
    </message>
    <message>
        <source>rapportoppsett.json</source>
        <translation>report-spec.json</translation>
    </message>
    <message>
        <source>Åpne rapportoppsett</source>
        <translation>Open report spec</translation>
    </message>
    <message>
        <source>Lager rapporten …</source>
        <translation>Making the report …</translation>
    </message>
    <message>
        <source>Avbrutt. Ingen filer ble skrevet.</source>
        <translation>Cancelled. No files were written.</translation>
    </message>
</context>
<context>
    <name>SignsDialog</name>
    <message>
        <source>12,5 %</source>
        <translation>12.5%</translation>
    </message>
    <message>
        <source>Andelen av dem som svarte i gruppen (basen).</source>
        <translation>The share of those in the group who answered (the base).</translation>
    </message>
    <message>
        <source>Bokstaven i en celle betyr at andelen er statistisk sikkert høyere enn i gruppen som har den bokstaven i kolonneoverskriften (z-test, 5 % nivå, korrigert for mange sammenligninger).</source>
        <translation>A letter in a cell means the share is significantly higher than in the group with that letter in its column header (z-test, 5% level, corrected for multiple comparisons).</translation>
    </message>
    <message>
        <source>Ved n: færre enn 30 svar i gruppen; tolk med forsiktighet. I diff.-kolonnen: forskjellen mot resten av landet er statistisk sikker.</source>
        <translation>By n: fewer than 30 answers in the group; interpret with care. In the diff. column: the difference from the rest of the country is significant.</translation>
    </message>
    <message>
        <source>Skjult fordi for få svarte (under minste base), eller for at en annen liten gruppe ikke skal kunne regnes ut. Pek på cellen for å se grunnen.</source>
        <translation>Hidden because too few answered (below the minimum base), or so that another small group cannot be worked out. Point at the cell to see why.</translation>
    </message>
    <message>
        <source>Antall svar (n)</source>
        <translation>Answers (n)</translation>
    </message>
    <message>
        <source>Hvor mange som svarte, uvektet.</source>
        <translation>How many answered, unweighted.</translation>
    </message>
    <message>
        <source>Vektet base</source>
        <translation>Weighted base</translation>
    </message>
    <message>
        <source>Summen av vektene: brukes når tabellen er vektet.</source>
        <translation>The sum of the weights: used when the table is weighted.</translation>
    </message>
    <message>
        <source>Effektiv base</source>
        <translation>Effective base</translation>
    </message>
    <message>
        <source>Hvor mange uvektede svar det vektede utvalget tilsvarer (Kish). Testene og intervallene bruker denne.</source>
        <translation>How many unweighted answers the weighted sample is worth (Kish). Tests and intervals use it.</translation>
    </message>
    <message>
        <source>(10,1–15,2)</source>
        <translation>(10.1–15.2)</translation>
    </message>
    <message>
        <source>95 % konfidensintervall (Wilson), når «Vis konfidensintervall» er valgt.</source>
        <translation>95% confidence interval (Wilson), when “Show confidence intervals” is on.</translation>
    </message>
    <message>
        <source>Gul kolonne</source>
        <translation>Yellow column</translation>
    </message>
    <message>
        <source>Ditt område når du sammenligner med resten av landet.</source>
        <translation>Your area when you compare with the rest of the country.</translation>
    </message>
    <message>
        <source>Hva betyr tegnene?</source>
        <translation>What do the signs mean?</translation>
    </message>
    <message>
        <source>Forklaring av tegnene i tabellene</source>
        <translation>Explanation of the signs in the tables</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Avbrutt.</source>
        <extracomment>the filter text in the status bar is cut to this many pixels (all of it in the tooltip), so it never widens the window</extracomment>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryt arbeidet som pågår</source>
        <translation>Cancel the current work</translation>
    </message>
    <message>
        <source>Framdrift</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>{n} respondenter</source>
        <translation>{n} respondents</translation>
    </message>
    <message>
        <source>Utvalg: {filters}</source>
        <translation>Filter: {filters}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Oppsummering</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Trykk «Lag rapport». Du kan avbryte underveis; da blir ingenting lagret.</source>
        <translation>Press “Make report”. You can cancel on the way; then nothing is saved.</translation>
    </message>
    <message>
        <source>{questions} spørsmål, {free} med fritekstsvar, {sections} deler, {texts} tekster.</source>
        <translation>{questions} questions, {free} with free-text answers, {sections} sections, {texts} texts.</translation>
    </message>
    <message>
        <source>Filer: {files}</source>
        <translation>Files: {files}</translation>
    </message>
    <message>
        <source>Mal: {template}</source>
        <translation>Template: {template}</translation>
    </message>
    <message>
        <source>standardmal (16:9)</source>
        <translation>default template (16:9)</translation>
    </message>
    <message>
        <source>Alternativer under {limit} % vises som «Andre» eller utelates.</source>
        <translation>Options below {limit} % are shown as “Other” or left out.</translation>
    </message>
    <message>
        <source>Blir hoppet over (fant ikke spørsmålet): {items}</source>
        <translation>Will be skipped (question not found): {items}</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Tabell</source>
        <extracomment>Excel number formats for the engine&apos;s values behind the texts</extracomment>
        <translation>Table</translation>
    </message>
</context>
<context>
    <name>TableLayout</name>
    <message>
        <source>Diff. mot resten
(prosentpoeng)</source>
        <extracomment>the own area&apos;s shade in the view and in the Excel export the engine&apos;s value behind the text (fraction for percentages), for sorting and Excel Excel number format for `number`: &quot;pct&quot;, &quot;int&quot; or &quot;dec&quot; leading rows that are bases: they stay on top when sorting</extracomment>
        <translation>Diff. from the rest
(percentage points)</translation>
    </message>
    <message>
        <source>Eget område minus resten av landet; * = signifikant (z-test, effektiv base, {level} % nivå)</source>
        <translation>Own area minus the rest of the country; * = significant (z-test, effective base, {level} % level)</translation>
    </message>
    <message>
        <source>Antall svar (n)</source>
        <translation>Answers (n)</translation>
    </message>
    <message>
        <source>Antall som svarte på delspørsmålet (uvektet)</source>
        <translation>Number who answered the item (unweighted)</translation>
    </message>
    <message>
        <source>{label}: {n} svar, vektet base {weighted}, effektiv base {effective}</source>
        <translation>{label}: {n} answers, weighted base {weighted}, effective base {effective}</translation>
    </message>
    <message>
        <source>lav base: færre enn {n} svar, tolk med forsiktighet</source>
        <translation>low base: fewer than {n} answers, interpret with care</translation>
    </message>
    <message>
        <source>ditt område</source>
        <translation>your area</translation>
    </message>
    <message>
        <source>Uvektet antall som svarte (basen for prosentene)</source>
        <translation>Unweighted number who answered (the base of the percentages)</translation>
    </message>
    <message>
        <source>Vektet base</source>
        <translation>Weighted base</translation>
    </message>
    <message>
        <source>Summen av vektene i gruppen</source>
        <translation>The sum of the weights in the group</translation>
    </message>
    <message>
        <source>Effektiv base</source>
        <translation>Effective base</translation>
    </message>
    <message>
        <source>Kish&apos; effektive base: vektet utvalg tilsvarer så mange svar</source>
        <translation>Kish&apos;s effective base: the weighted sample is worth this many answers</translation>
    </message>
    <message>
        <source>skjult for å beskytte en annen liten gruppe (ellers kunne den regnes ut fra totalen)</source>
        <translation>hidden to protect another small group (it could otherwise be worked out from the total)</translation>
    </message>
    <message>
        <source>skjult: færre enn {n} svar</source>
        <translation>hidden: fewer than {n} answers</translation>
    </message>
    <message>
        <source>Skjult: færre enn {n} svar på dette delspørsmålet</source>
        <translation>Hidden: fewer than {n} answers to this item</translation>
    </message>
    <message>
        <source>Antall: {count} av {base}</source>
        <translation>Count: {count} of {base}</translation>
    </message>
    <message>
        <source>95 % KI: {low} – {high}</source>
        <translation>95% CI: {low} – {high}</translation>
    </message>
    <message>
        <source>Signifikant høyere enn gruppe {letters}</source>
        <translation>Significantly higher than group {letters}</translation>
    </message>
    <message>
        <source>Skjult fordi en av gruppene er skjult</source>
        <translation>Hidden because one of the groups is hidden</translation>
    </message>
    <message>
        <source>Mot hele landet: {total} prosentpoeng</source>
        <translation>Against the whole country: {total} percentage points</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Det er ikke nok minne til å fullføre.</source>
        <translation>There is not enough memory to finish.</translation>
    </message>
    <message>
        <source>Uventet feil i Barometer ({error}).</source>
        <translation>Unexpected error in Barometer ({error}).</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <source>Mal</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>PowerPoint-rapporten bygger på en mal: titler, farger og oppsett kommer fra den.</source>
        <translation>The PowerPoint report is built on a template: titles, colours and layouts come from it.</translation>
    </message>
    <message>
        <source>Standardmal (16:9, Barometer)</source>
        <translation>Default template (16:9, Barometer)</translation>
    </message>
    <message>
        <source>Egen mal (.pptx eller .potx):</source>
        <translation>Own template (.pptx or .potx):</translation>
    </message>
    <message>
        <source>Bla gjennom …</source>
        <translation>Browse …</translation>
    </message>
    <message>
        <source>Oppsett i malen: {names}</source>
        <translation>Layouts in the template: {names}</translation>
    </message>
    <message>
        <source>Velg mal</source>
        <translation>Choose template</translation>
    </message>
    <message>
        <source>PowerPoint-mal (*.pptx *.potx)</source>
        <translation>PowerPoint template (*.pptx *.potx)</translation>
    </message>
</context>
<context>
    <name>ValuePicker</name>
    <message>
        <source>Søk i verdiene …</source>
        <extracomment>more values than this get a search field above the list widest text on the button, in pixels, before names give way to &quot;(+n)&quot;</extracomment>
        <translation>Search the values …</translation>
    </message>
    <message>
        <source>Søk i verdiene</source>
        <translation>Search the values</translation>
    </message>
    <message>
        <source>Verdier å ta med (mellomrom krysser av)</source>
        <translation>Values to include (space ticks)</translation>
    </message>
    <message>
        <source>Fjern alle kryss</source>
        <translation>Clear all ticks</translation>
    </message>
    <message>
        <source>Velg verdier …</source>
        <translation>Choose values …</translation>
    </message>
    <message>
        <source>Ingen verdier valgt: alle respondenter er med</source>
        <translation>No values chosen: all respondents are included</translation>
    </message>
</context>
</TS>
