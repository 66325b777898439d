"""Hjelp › Hva betyr tegnene?: the letters, stars, colons and bases in one short dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def signs_html() -> str:
    rows = [
        (
            QCoreApplication.translate("SignsDialog", "12,5 %"),
            QCoreApplication.translate("SignsDialog", "Andelen av dem som svarte i gruppen (basen)."),
        ),
        (
            "A, B, …",
            QCoreApplication.translate(
                "SignsDialog",
                "Bokstaven i en celle betyr at andelen er statistisk sikkert høyere enn i gruppen "
                "som har den bokstaven i kolonneoverskriften (z-test, 5 % nivå, korrigert for mange sammenligninger).",
            ),
        ),
        (
            "*",
            QCoreApplication.translate(
                "SignsDialog",
                "Ved n: færre enn 30 svar i gruppen; tolk med forsiktighet. I diff.-kolonnen: forskjellen mot resten av landet er statistisk sikker.",
            ),
        ),
        (
            ":",
            QCoreApplication.translate(
                "SignsDialog",
                "Skjult fordi for få svarte (under minste base), eller for at en annen liten gruppe ikke skal kunne regnes ut. Pek på cellen for å se grunnen.",
            ),
        ),
        (
            QCoreApplication.translate("SignsDialog", "Antall svar (n)"),
            QCoreApplication.translate("SignsDialog", "Hvor mange som svarte, uvektet."),
        ),
        (
            QCoreApplication.translate("SignsDialog", "Vektet base"),
            QCoreApplication.translate("SignsDialog", "Summen av vektene: brukes når tabellen er vektet."),
        ),
        (
            QCoreApplication.translate("SignsDialog", "Effektiv base"),
            QCoreApplication.translate(
                "SignsDialog",
                "Hvor mange uvektede svar det vektede utvalget tilsvarer (Kish). Testene og intervallene bruker denne.",
            ),
        ),
        (
            QCoreApplication.translate("SignsDialog", "(10,1–15,2)"),
            QCoreApplication.translate(
                "SignsDialog", "95 % konfidensintervall (Wilson), når «Vis konfidensintervall» er valgt."
            ),
        ),
        (
            QCoreApplication.translate("SignsDialog", "Gul kolonne"),
            QCoreApplication.translate(
                "SignsDialog", "Ditt område når du sammenligner med resten av landet."
            ),
        ),
    ]
    body = "".join(
        f"<tr><td style='padding:4px 12px 4px 0'><b>{sign}</b></td><td>{text}</td></tr>"
        for sign, text in rows
    )
    heading = QCoreApplication.translate("SignsDialog", "Hva betyr tegnene?")
    return f"<h3>{heading}</h3><table>{body}</table>"


class SignsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hva betyr tegnene?"))
        browser = QTextBrowser()
        browser.setHtml(signs_html())
        browser.setAccessibleName(self.tr("Forklaring av tegnene i tabellene"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(560, 460)
