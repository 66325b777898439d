"""Hjelp › Hva betyr tegnene?: the letters, stars, colons and bases in one short dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from barometer_gui.core.i18n import t


def signs_html() -> str:
    rows = [
        ("12,5 %", t("Andelen av dem som svarte i gruppen (basen).")),
        (
            "A, B, …",
            t(
                "Bokstaven i en celle betyr at andelen er statistisk sikkert høyere enn i gruppen "
                "som har den bokstaven i kolonneoverskriften (z-test, 5 % nivå, korrigert for mange sammenligninger)."
            ),
        ),
        (
            "*",
            t(
                "Ved n: færre enn 30 svar i gruppen; tolk med forsiktighet. I diff.-kolonnen: forskjellen mot resten av landet er statistisk sikker."
            ),
        ),
        (
            ":",
            t(
                "Skjult fordi for få svarte (under minste base), eller for at en annen liten gruppe ikke skal kunne regnes ut. Pek på cellen for å se grunnen."
            ),
        ),
        (t("Antall svar (n)"), t("Hvor mange som svarte, uvektet.")),
        (t("Vektet base"), t("Summen av vektene: brukes når tabellen er vektet.")),
        (
            t("Effektiv base"),
            t(
                "Hvor mange uvektede svar det vektede utvalget tilsvarer (Kish). Testene og intervallene bruker denne."
            ),
        ),
        (t("(10,1–15,2)"), t("95 % konfidensintervall (Wilson), når «Vis konfidensintervall» er valgt.")),
        (t("Gul kolonne"), t("Ditt område når du sammenligner med resten av landet.")),
    ]
    body = "".join(
        f"<tr><td style='padding:4px 12px 4px 0'><b>{sign}</b></td><td>{text}</td></tr>"
        for sign, text in rows
    )
    return f"<h3>{t('Hva betyr tegnene?')}</h3><table>{body}</table>"


class SignsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Hva betyr tegnene?"))
        browser = QTextBrowser()
        browser.setHtml(signs_html())
        browser.setAccessibleName(t("Forklaring av tegnene i tabellene"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(560, 460)
