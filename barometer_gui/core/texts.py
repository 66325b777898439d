"""Question texts as survey tools write them: "Question - option", "Question: item", "Q::row"."""

from __future__ import annotations

import re

from barometer_gui.core.schema import clean_label

_STEM_SPLIT = re.compile(r"^(?P<stem>.+?)\s*(?:\s-\s|:\s|::|\s–\s|\.(?=\S))\s*(?P<part>[^:]+?)\s*$")


def header_stem(column: str) -> str | None:
    match = _STEM_SPLIT.match(str(column))
    return match.group("stem") if match else None


def split_texts(texts: list[str]) -> tuple[str, list[str]]:
    """Split "Question - option" texts into the question and the options."""
    stems = [header_stem(t) for t in texts]
    if stems and stems[0] is not None and len(set(stems)) == 1:
        return clean_label(stems[0]), [item_text(t, stems[0]) for t in texts]
    prefix = common_prefix(texts)
    if len(prefix) >= 10:
        return clean_label(prefix.rstrip(" -:–.")), [clean_label(t[len(prefix) :]) or t for t in texts]
    return texts[0], texts


def item_text(text: str, stem: str) -> str:
    match = _STEM_SPLIT.match(text)
    if match and match.group("stem") == stem:
        return clean_label(match.group("part"))
    return clean_label(text[len(stem) :].lstrip(" -:–.")) or text


def common_prefix(texts: list[str]) -> str:
    if not texts:
        return ""
    first, last = min(texts), max(texts)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def common_id(ids: list[str]) -> str:
    prefix = common_prefix(ids).rstrip("_.-")
    return prefix or ids[0]
