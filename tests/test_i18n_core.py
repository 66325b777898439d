"""Import-side core messages: every one has an English entry, none bypasses the catalogue, none is data.

The AST rules below cover the modules that read files and mappings: every message key (the
bokmål first argument of `t`, `N_`, `BarometerError`, `Message`) has an English entry; keys are
literal sentences, never f-strings or glued fragments; nothing is translated at import time;
no f-string or literal note with words bypasses the catalogue. The runtime tests run bad input
in English and check that identifiers, not words, are what a saved mapping holds.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from barometer_gui.core.errors import BarometerError, Message, translated
from barometer_gui.core.i18n import catalogue, language, t, using_language
from barometer_gui.core.words import WORDS, Worded

PACKAGE = Path(__file__).resolve().parent.parent / "barometer_gui"
CORE = PACKAGE / "core"
#: the modules that read files and mappings (issue 10, branch msgs)
IMPORT_SIDE = sorted(
    [
        *(p.relative_to(PACKAGE).as_posix() for p in (CORE / "importers").glob("*.py")),
        *(
            f"core/{name}.py"
            for name in (
                "archive",
                "cells",
                "errors",
                "files",
                "importer",
                "mapping",
                "mapping_store",
                "readers",
                "register",
                "resources",
                "schema",
                "texts",
                "words",
            )
        ),
    ]
)
#: the modules that tabulate, report, chart and export: their errors keep key and parameters too
OUTPUT_SIDE = sorted(
    [
        *(
            p.relative_to(PACKAGE).as_posix()
            for d in ("export", "charts", "core/report")
            for p in (PACKAGE / d).glob("*.py")
        ),
        *(f"core/{name}.py" for name in ("tabulate", "disclosure", "free_text", "project")),
        "cli.py",
    ]
)
#: calls whose first argument is a message key (the bokmål sentence)
KEYED = {"t", "N_", "BarometerError", "Message"}
#: f-strings with words that are data, not messages: names a saved mapping or the data holds
DATA_FSTRINGS = {
    ("core/readers.py", "Kolonne {}"),  # a blank header's column name: saved in mappings, so never translated
    ("core/register.py", "Under {}"),  # size classes are category values: filters in saved projects name them
    ("core/register.py", "{} og over"),
}


#: phrases that are names, not messages: a tool's status field, stored as such in saved mappings
DATA_PHRASES = {"Qualtrics «Finished»", "SoSci «FINISHED»", "SurveyXact «Samlet status»"}


def _tree(module: str) -> ast.Module:
    return ast.parse((PACKAGE / module).read_text(encoding="utf-8"))


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _calls(tree: ast.AST, names: set[str]) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n) in names and n.args]


def keys(module: str) -> list[str]:
    return [
        call.args[0].value
        for call in _calls(_tree(module), KEYED)
        if isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    ]


def _words(text: str) -> bool:
    return bool(re.search(r"[A-Za-zÆØÅæøå]{3,}", text))


def test_the_rules_see_the_modules():
    assert "core/importers/surveyxact.py" in IMPORT_SIDE and "core/readers.py" in IMPORT_SIDE
    assert len([k for m in IMPORT_SIDE for k in keys(m)]) > 150


@pytest.mark.parametrize("module", IMPORT_SIDE + OUTPUT_SIDE)
def test_every_message_key_has_an_english_entry(module):
    missing = [k for k in keys(module) if k not in catalogue("en")]
    assert missing == [], f"add to core/i18n/en_import.py: {missing}"


@pytest.mark.parametrize("module", IMPORT_SIDE + OUTPUT_SIDE)
def test_message_keys_are_whole_sentences_not_built_text(module):
    """A key built at run time (f-string, +, .format, t() inside) has no catalogue entry and no stable identity."""
    built = (ast.JoinedStr, ast.BinOp, ast.Call, ast.IfExp, ast.BoolOp)
    offenders = [
        f"{_name(call)}: line {call.lineno}"
        for call in _calls(_tree(module), KEYED)
        if isinstance(call.args[0], built)
    ]
    assert offenders == []


@pytest.mark.parametrize("module", IMPORT_SIDE + OUTPUT_SIDE)
def test_every_placeholder_gets_a_value(module):
    """A placeholder without its parameter would raise KeyError while an error is being shown."""
    import string

    offenders = []
    for call in _calls(_tree(module), KEYED - {"N_"}):
        key = call.args[0]
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            continue
        if any(k.arg is None for k in call.keywords):  # **params: checked where the dict is built
            continue
        fields = {name for _, name, _, _ in string.Formatter().parse(key.value) if name}
        given = {k.arg for k in call.keywords}
        if fields != given:
            offenders.append(f"line {call.lineno}: {sorted(fields ^ given)}")
    assert offenders == []


@pytest.mark.parametrize("module", IMPORT_SIDE)
def test_nothing_is_translated_at_import_time(module):
    """t() or Message() outside a function runs once, in whatever language was set when the module loaded."""
    offenders = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Call) and _name(child) in {"t", "Message"} and not inside:
                offenders.append(f"line {child.lineno}")
            visit(child, inside)

    visit(_tree(module), False)
    assert offenders == []


@pytest.mark.parametrize("module", IMPORT_SIDE)
def test_no_visible_literal_bypasses_the_catalogue(module):
    """f-strings with words, and literal notes or progress texts, are sentences the catalogue never sees."""
    offenders = []
    tree = _tree(module)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            shape = "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in node.values)
            sentence = " " in shape.strip() and _words(shape.replace("{}", ""))
            if sentence and (module, shape) not in DATA_FSTRINGS:
                offenders.append(f"f-string line {node.lineno}: {shape!r}")
    for call in _calls(tree, {"append", "insert", "extend", "progress"}):
        for arg in call.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and _words(arg.value):
                offenders.append(f"{_name(call)} line {call.lineno}: {arg.value!r}")
    keyed = {id(part) for call in _calls(tree, KEYED) for part in ast.walk(call)}
    for node in ast.walk(tree):  # a phrase returned or assigned on its own is a fragment of a message
        if isinstance(node, ast.Return | ast.Assign) and isinstance(node.value, ast.Constant | ast.IfExp):
            for part in (p for p in ast.walk(node.value) if id(p) not in keyed):
                text = part.value if isinstance(part, ast.Constant) else None
                if (
                    isinstance(text, str)
                    and " " in text.strip()
                    and _words(text)
                    and text not in DATA_PHRASES
                ):
                    offenders.append(f"phrase line {node.lineno}: {text!r}")
    assert offenders == []


@pytest.mark.parametrize("module", IMPORT_SIDE)
def test_enum_words_are_marked_for_the_catalogue(module):
    """Every value in a WORDS.update({...}) is an N_("…") mark, so the catalogue test sees it."""
    offenders = [
        f"line {value.lineno}"
        for call in _calls(_tree(module), {"update"})
        if isinstance(call.func, ast.Attribute) and getattr(call.func.value, "id", "") == "WORDS"
        for value in call.args[0].values
        if not (isinstance(value, ast.Call) and _name(value) == "N_")
    ]
    assert offenders == []


def _worded_enums() -> list[type[Worded]]:
    import barometer_gui.core.mapping  # noqa: F401  (defines most of them)

    found, todo = [], list(Worded.__subclasses__())
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo += kind.__subclasses__()
    return found


def test_every_worded_enum_member_has_words_in_both_languages():
    enums = _worded_enums()
    assert {e.__name__ for e in enums} >= {"QType", "Encoding", "Role", "Layout", "Respondents", "Status"}
    for kind in enums:
        for member in kind:
            assert member in WORDS, member
            assert WORDS[member] in catalogue("en"), WORDS[member]
            with using_language("en"):
                english = member.display
            assert member.display == WORDS[member] and english == catalogue("en")[WORDS[member]]


def test_members_with_the_same_value_keep_their_own_words():
    from barometer_gui.core.mapping import Encoding, Layout, Respondents, Status
    from barometer_gui.core.schema import QType

    assert QType.TEXT == Encoding.TEXT and Encoding.JOINED == Layout.JOINED  # the same str values …
    assert (QType.TEXT.display, Encoding.TEXT.display) == ("Fritekst", "fritekst")  # … their own words
    assert Encoding.JOINED.display != Layout.JOINED.display
    assert (Respondents.COMPLETED.display, Status.COMPLETED.display) == ("de som har fullført", "fullført")


# --------------------------------------------------------------------------- messages keep key and parameters


def test_an_error_is_read_in_the_language_of_its_reader():
    error = BarometerError("Fant ikke fila «{path}».", path="x.xlsx")
    assert error.message == "Fant ikke fila «x.xlsx»." == str(error)
    with using_language("en"):
        assert error.message == "Could not find the file “x.xlsx”."
    assert error.key == "Fant ikke fila «{path}»." and error.params == {"path": "x.xlsx"}


def test_an_error_raised_in_a_worker_reads_in_the_window_language():
    import threading

    caught = {}

    def work():
        with using_language("en"):  # a worker writing in English, the window in bokmål
            try:
                raise BarometerError("«{name}» er tom.", name="a.csv")
            except BarometerError as exc:
                caught["exc"], caught["there"] = exc, exc.message

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert caught["there"] == "“a.csv” is empty."
    assert caught["exc"].message == "«a.csv» er tom."


def test_nested_messages_and_words_follow_the_language():
    from barometer_gui.core.mapping import Respondents

    inner = BarometerError("Koblingsfila er ikke gyldig ({error}).", error="KeyError")
    note = Message(
        "Lagret kobling «{name}» i «{folder}» ble hoppet over: {reason}", name="a", folder="b", reason=inner
    )
    assert isinstance(note, str) and "ble hoppet over: Koblingsfila er ikke gyldig (KeyError)." in note
    with using_language("en"):
        assert (
            note.translated()
            == translated(note)
            == ("Saved mapping “a” in “b” was skipped: The mapping file is not valid (KeyError).")
        )
        rule = Message(
            "Respondenter: {rule}, {kept} av {rows} rader i fila.", rule=Respondents.ALL, kept=1, rows=2
        )
        assert "every row in the file" in rule
    assert translated("plain text") == "plain text"


def test_a_message_survives_copy_and_pickle():
    import copy
    import pickle

    note = Message("«{name}» er tom.", name="a.csv")
    for again in (copy.copy(note), pickle.loads(pickle.dumps(note))):
        assert again == note and again.key == note.key and again.params == note.params


# --------------------------------------------------------------------------- bad input, in English


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


#: the bad-input cases of test_bad_input.py, and what their English message must say
ENGLISH = {
    "empty file": "is empty",
    "random bytes": "neither an Excel file nor a text file",
    "truncated xlsx": "damaged",
    "png renamed": "is an image",
    "docx as xlsx": "not an Excel workbook",
    "password protected": "password-protected",
    "zip bomb": "zip bomb",
    "billion laughs": "DTD",
    "empty workbook": "all its sheets are empty",
    "header but no data": "no answers",
    "missing file": "Could not find the file",
    "folder": "SurveyXact",
    "unknown encoding": "known encoding",
    "only whitespace csv": "is empty",
    "only separators csv": "only separators",
}
BOKMAL = re.compile(r"\b(ikke|fila|tom|og|prøv|eller|mangler|arket|heter|er)\b")


def test_every_bad_input_case_has_an_english_expectation():
    from tests.test_bad_input import CASES

    assert set(ENGLISH) == set(CASES)


@pytest.mark.parametrize("case", sorted(ENGLISH))
def test_bad_input_is_explained_in_english(tmp_path, case):
    from barometer_gui.core.importer import open_survey
    from tests.test_bad_input import CASES

    make, norwegian = CASES[case]
    path = make(tmp_path)
    with using_language("en"), pytest.raises(BarometerError) as caught:
        open_survey(path, use_saved_mapping=False)
    with using_language("en"):
        english = caught.value.message
    assert ENGLISH[case].lower() in english.lower() and "\n" not in english
    assert not BOKMAL.search(english.replace(path.name, "")), english
    assert norwegian.lower() in caught.value.message.lower()  # the same error, read in bokmål


TOOL_EXPORTS = [
    "google_forms.xlsx",
    "kobo.xlsx",
    "limesurvey.csv",
    "nettskjema.txt",
    "qualtrics.csv",
    "sosci.csv",
    "spss.sav",
    "stata.dta",
    "surveymonkey.csv",
]


@pytest.mark.parametrize("name", TOOL_EXPORTS)
def test_an_import_in_english_reads_the_same_data_with_english_notes(name):
    from barometer_gui.core.importer import open_with_mapping

    path = Path(__file__).resolve().parent / "data" / name
    nb, mapping_nb = open_with_mapping(path, use_saved_mapping=False)
    with using_language("en"):
        en, mapping_en = open_with_mapping(path, use_saved_mapping=False)
        english = [*en.warnings, en.population]
    assert mapping_en.to_json() == mapping_nb.to_json()  # what is saved does not depend on the language
    assert [q.as_dict() for q in en.questions] == [q.as_dict() for q in nb.questions]
    assert [b.id for b in en.background] == [b.id for b in nb.background]
    assert en.layout == nb.layout and en.status_counts == nb.status_counts
    pd.testing.assert_frame_equal(en.data, nb.data)
    assert [translated(w) for w in en.warnings] == list(nb.warnings)
    for text in english:
        assert not BOKMAL.search(re.sub(r"“[^”]*”", "", text)), text


def test_missing_file_sheet_and_question_in_english(tmp_path):
    from barometer_gui.core.importer import demo_path, open_survey

    with using_language("en"):
        with pytest.raises(BarometerError, match="Could not find the file"):
            open_survey(tmp_path / "nowhere.xlsx")
        with pytest.raises(BarometerError, match="has no sheet “Nope”"):
            open_survey(demo_path(), sheet="Nope", use_saved_mapping=False)
        survey = open_survey(demo_path(), use_saved_mapping=False)
        with pytest.raises(BarometerError, match="Could not find the question “nothing like this”"):
            survey.question("nothing like this")
        with pytest.raises(BarometerError, match="Could not find the weight variable"):
            survey.weight("nope")


def test_import_notes_and_words_in_english(tmp_path):
    from barometer_gui.core.importer import demo_path, open_survey

    text = "Spørsmål 1;Spørsmål 2\nJa;Nei\nNei;Ja\nJa;Ja\nJa;Nei\nJa;Ja\nJa;Nei\n"
    path = _write(tmp_path, "svar.xlsx", text.encode("utf-8"))
    with using_language("en"):
        survey = open_survey(path, use_saved_mapping=False)
        assert any("is called .xlsx, but is a text file (CSV)" in w for w in survey.warnings), survey.warnings
        demo = open_survey(demo_path(), use_saved_mapping=False)
        names = {b.id: b.text for b in demo.background}
        assert names["fylke"] == "County" and names["kommunestorrelse"] == "Municipality size"
    assert any("heter .xlsx, men er en tekstfil" in translated(w) for w in survey.warnings)


def test_cli_error_is_one_english_line_with_status_2(tmp_path):
    path = _write(tmp_path, "tom.csv", b"")
    for args, expected in (
        (["--lang", "en", "inspect", str(path)], "is empty (0 bytes)"),
        (["inspect", str(path)], "er tom (0 byte)"),
    ):
        done = subprocess.run(
            [sys.executable, str(PACKAGE.parent / "main.py"), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], done.stderr


# --------------------------------------------------------------------------- identifiers, not words, are data


def test_a_mapping_saved_in_english_loads_in_bokmal_and_back(tmp_path, monkeypatch):
    from barometer_gui.core import mapping_store
    from barometer_gui.core.importer import demo_path, open_with_mapping
    from barometer_gui.core.mapping import Mapping

    monkeypatch.setenv("BAROMETER_HOME", str(tmp_path))
    with using_language("en"):
        survey_en, mapping = open_with_mapping(demo_path(), use_saved_mapping=False)
        saved = mapping_store.save(mapping)
    text = saved.read_text(encoding="utf-8")
    english = set(catalogue("en").values()) - set(catalogue("en"))
    words = {w for w in english if len(w) > 3 and f'"{w}"' in text}
    assert words == set(), f"words, not identifiers, in a saved mapping: {words}"
    raw = json.loads(text)
    assert {q["type"] for q in raw["questions"]} <= {"single", "multi", "grid", "numeric", "text"}
    with using_language("nb"):
        survey_nb, again = open_with_mapping(demo_path())
        assert survey_nb.saved_mapping == str(saved)
    assert Mapping.from_json(again.to_json()) == Mapping.from_json(text) == mapping
    assert [q.id for q in survey_nb.questions] == [q.id for q in survey_en.questions]
    with using_language("en"):
        survey_en_again, _ = open_with_mapping(demo_path())
    pd.testing.assert_frame_equal(survey_en_again.data, survey_nb.data)


def test_background_variables_are_found_by_id_or_by_their_name_in_either_language():
    from barometer_gui.core.importer import demo_path, open_survey

    with using_language("en"):
        survey = open_survey(demo_path(), use_saved_mapping=False)
    for code in ("nb", "en"):
        with using_language(code):
            for name in ("fylke", "Fylke", "county", "Kommunestørrelse", "Municipality size"):
                assert survey.variable(name).column in ("bg::fylke", "bg::kommunestorrelse"), name
            assert survey.variable("kommunestorrelse").text.translated() == t("Kommunestørrelse")


def test_a_project_saved_in_english_reopens_in_bokmal(tmp_path):
    from barometer_gui.core import project
    from barometer_gui.core.importer import demo_path, open_with_mapping
    from barometer_gui.core.mapping import Mapping

    with using_language("en"):
        survey, mapping = open_with_mapping(demo_path(), use_saved_mapping=False)
        by = survey.variable("County").id
        saved = project.save(
            project.Project(str(demo_path()), json.loads(mapping.to_json()), {"by": by}), tmp_path / "p"
        )
    with using_language("nb"):
        again = project.load(saved)
        reopened, _ = open_with_mapping(again.data_file, mapping=Mapping.from_json(json.dumps(again.mapping)))
        assert reopened.variable(again.selections["by"]).text == "Fylke"
    pd.testing.assert_frame_equal(reopened.data, survey.data)


def test_language_is_restored():
    assert language() == "nb" and t("Avbrutt av brukeren.") == "Avbrutt av brukeren."


def test_layout_names_for_every_layout_and_unknown_ones():
    from barometer_gui.core.mapping import Layout, layout_name

    assert layout_name("codebook") == "Kodede data med kodebok"
    with using_language("en"):
        assert layout_name("codebook") == "Coded data with codebook"
        assert layout_name("question_headers") == "Question text as header"
    assert layout_name("made-up") == "made-up"
    assert all(layout_name(str(layout)) for layout in Layout)


def test_notes_made_in_bokmal_are_shown_again_in_english_after_a_switch():
    from barometer_gui.core.importer import open_survey

    survey = open_survey(Path(__file__).resolve().parent / "data" / "qualtrics.csv", use_saved_mapping=False)
    assert any("rad(er) med tekst under overskriften" in w for w in survey.warnings)
    with using_language("en"):
        shown = [translated(w) for w in survey.warnings] + [translated(survey.population)]
    assert any("row(s) of text under the header" in w for w in shown)
    assert shown[-1].startswith("Respondents: those who answered")


def test_refusals_built_from_shared_parameters_read_in_both_languages(tmp_path):
    """The messages whose parameters come as **said (not checked by the placeholder rule) format in both."""
    from barometer_gui.core.archive import MAX_COLUMNS, OdsExtent, refuse_oversized, too_wide

    wide, huge = (
        OdsExtent(value_rows=2, value_columns=MAX_COLUMNS + 1),
        OdsExtent(value_rows=10**6, value_columns=900),
    )
    errors = [too_wide(MAX_COLUMNS + 1, "a.csv"), too_wide(MAX_COLUMNS + 1, "a.xlsx", "Ark1")]
    for extent, declared in ((wide, ""), (huge, ""), (huge, "A1:AHP1000000")):
        extent.declared = declared
        with pytest.raises(BarometerError) as caught:
            refuse_oversized(extent, "Ark1", tmp_path / "a.xlsx")
        errors.append(caught.value)
    for error in errors:
        assert "«a." in error.message and "Barometer" in error.message
        with using_language("en"):
            assert "“a." in error.message and not BOKMAL.search(re.sub(r"“[^”]*”", "", error.message))
    assert "A1:AHP1000000" in errors[-1].message and "oppgitt område" not in errors[-2].message


@pytest.mark.parametrize(
    "case",
    [
        "corrupt bytes",
        "truncated json",
        "deeply nested",
        "columns a number",
        "unknown field",
        "json null",
        "layout a number",
    ],
)
def test_hostile_mapping_files_are_explained_in_english(tmp_path, case):
    from barometer_gui.core import mapping_store
    from tests.test_hostile_mappings import HOSTILE

    folder = mapping_store.store_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "odelagt.json").write_bytes(HOSTILE[case])
    given = tmp_path / "kobling.json"
    given.write_bytes(HOSTILE[case])
    notes: list[str] = []
    with using_language("en"):
        mapping_store.find("0123456789abcdef", ["Strategi"], notes)
        with pytest.raises(BarometerError) as caught:
            mapping_store.load_file(given)
        english = [*notes, caught.value.message]
    assert len(notes) == 1 and "“odelagt.json”" in notes[0] and "“kobling.json”" in english[-1]
    for text in english:
        assert "mapping" in text and "\n" not in text
        assert not BOKMAL.search(re.sub(r"“[^”]*”", "", text)), text
    assert "kobling" in translated(notes[0]).casefold() and "Kobling" in caught.value.message
