from barometer_gui.export.safe import clean_text, looks_like_formula


def test_clean_text_replaces_xml_forbidden_characters_only():
    assert clean_text("Ja\x01, nei\x1f") == "Ja\ufffd, nei\ufffd"
    assert clean_text("Linje 1\nLinje 2\tø") == "Linje 1\nLinje 2\tø"
    assert clean_text(None) == ""
    assert clean_text(12.5) == "12.5"


def test_formula_starts_are_recognised():
    assert looks_like_formula('=HYPERLINK("http://x","klikk")')
    assert looks_like_formula("@SUM(A1)")
    assert not looks_like_formula("Ja, politisk vedtatt")
