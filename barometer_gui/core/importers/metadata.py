"""The one list of metadata columns survey tools add, and where each tool records who answered.

Metadata (ids, timestamps, IP addresses, status fields, page counters) is never a question.
Names are matched case-insensitively after squeezing spaces; patterns cover numbered families
(SoSci TIME001, Qualtrics Location*, Kobo's _underscore fields).
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.cells import is_blank
from barometer_gui.core.mapping import Status, StatusSpec
from barometer_gui.core.schema import clean_label

NAMES: dict[str, set[str]] = {
    "generic": {
        "id",
        "respondent",
        "respondent id",
        "respondentid",
        "response id",
        "svar-id",
        "svarid",
        "ip",
        "ip-adresse",
        "e-post",
        "epost",
        "e-postadresse",
        "email",
        "e-mail",
        "email address",
        "e-mail address",
        "navn",
        "name",
        "start time",
        "starttid",
        "starttidspunkt",
        "end time",
        "completion time",
        "sluttid",
        "sluttidspunkt",
        "fullført",
        "fullført tidspunkt",
        "fullføringstidspunkt",
        "tidsstempel",
        "timestamp",
        "last modified time",
        "sist endret",
        "status",
        "token",
        "user agent",
        "useragent",
    },
    "qualtrics": {
        "startdate",
        "enddate",
        "ipaddress",
        "progress",
        "duration (in seconds)",
        "duration",
        "finished",
        "recordeddate",
        "responseid",
        "externalreference",
        "externaldatareference",
        "distributionchannel",
        "userlanguage",
        "q_recaptchascore",
        "q_relevantidduplicate",
    },
    "surveymonkey": {
        "respondent id",
        "collector id",
        "start date",
        "end date",
        "ip address",
        "email address",
        "first name",
        "last name",
        "custom data 1",
        "custom data",
    },
    "limesurvey": {
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "interviewtime",
        "response id",
        "date submitted",
        "last page",
        "start language",
        "date started",
        "date last action",
        "ip address",
        "referrer url",
    },
    "kobo": {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "simserial",
        "subscriberid",
        "phonenumber",
        "audit",
        "instanceid",
        "__version__",
    },
    "sosci": {
        "case",
        "serial",
        "ref",
        "questnnr",
        "mode",
        "started",
        "lastdata",
        "finished",
        "q_viewer",
        "lastpage",
        "maxpage",
        "missing",
        "missrel",
        "time_rsi",
        "deg_time",
        "mailsent",
    },
    "nettskjema": {"nr", "opprettet", "endret", "innsendt", "$submission_id", "$created", "$answer_time_ms"},
    # Questback EFS / Unipark
    "questback": {
        "lfdn",
        "tester",
        "dispcode",
        "quality",
        "duration",
        "datetime",
        "date_of_last_access",
        "date_of_first_mail",
        "ats",
        "external_lfdn",
        "browser",
        "referer",
        "device_type",
        "quota",
        "quota_assignment",
        "quota_rejected_id",
        "page_history",
        "hflip",
        "vflip",
        "output_mode",
        "javascript",
        "flash",
        "session_id",
        "language",
        "cleaned",
        "participant_browser",
        "participant_browser_version",
        "participant_os",
        "participant_device",
        "participant_user_agent",
        "respondentid",
        "svartidspunkt",
        "svardato",
    },
    "forms": {"id", "start time", "completion time", "email", "name", "last modified time"},
}
ALL_NAMES = set().union(*NAMES.values())
PATTERN = re.compile(
    r"^(_.*|time\d{3}|time_sum|deg_\w+|location\w*|recipient\w*|meta/.*|formhub/.*|.*/(_|meta/).*|"
    r"duration.*|ip[\s_-]?addr(ess)?|timing.*|groupTime\d+|interviewtime)$",
    re.I,
)


def is_metadata(column: object) -> bool:
    name = " ".join(str(column).split()).casefold()
    return name in ALL_NAMES or bool(PATTERN.match(name))


def tool_score(columns: list[str], tool: str) -> int:
    """How many of a tool's own metadata names the columns carry."""
    names = {" ".join(str(c).split()).casefold() for c in columns}
    return len(names & NAMES[tool])


# --------------------------------------------------------------------------- response status


def find_status(raw: pd.DataFrame) -> StatusSpec | None:
    """The response-status field of Qualtrics, SoSci, LimeSurvey, Kobo or Nettskjema, if present."""
    by_name = {" ".join(str(c).split()).casefold(): c for c in raw.columns}
    if "finished" in by_name:  # Qualtrics Finished (1/0, True/False), SoSci FINISHED (1/0)
        tool = "Qualtrics «Finished»" if "responseid" in by_name else "SoSci «FINISHED»"
        return StatusSpec("finished", [by_name["finished"]], text=tool)
    for name, text in (
        ("submitdate", "LimeSurvey «submitdate»"),
        ("date submitted", "LimeSurvey «Date submitted»"),
        ("innsendt", "Nettskjema «Innsendt»"),
    ):
        if name in by_name:
            return StatusSpec("submitted", [by_name[name]], text=text)
    if "dispcode" in by_name:  # Questback EFS: 31/32 completed, 22/23 interrupted, the rest by answers
        values = {"31": Status.COMPLETED, "32": Status.COMPLETED, "22": Status.PARTIAL, "23": Status.PARTIAL}
        return StatusSpec(
            "value", [by_name["dispcode"]], {k: str(v) for k, v in values.items()}, "Questback «dispcode»"
        )
    if "_status" in by_name:
        column = by_name["_status"]
        values = {
            clean_label(v).casefold(): (
                Status.COMPLETED if "submitted" in str(v).casefold() else Status.PARTIAL
            )
            for v in pd.unique(raw[column].dropna())
            if not is_blank(v)
        }
        return StatusSpec("value", [column], values, text="Kobo «_status»")
    return None
