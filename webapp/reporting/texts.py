"""Texts in both official languages: which typed texts of a section may carry a version in the other language,
which version a reader in a language gets, and which versions are missing.

Storage (see forms.SectionForm): the text as typed first lives where it always did (an entry's column, a fact,
a row's column) in the submission's `text_lang`; the other language's version lives in the owner's
`translations` ({"risks": "…"}), or for a fact beside it in `facts` as "<name>__tr".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from .fields import TRANSLATION_SUFFIX
from .forms import NarrativeForm, translatable_names

LANGUAGES = {"kk": "Қазақша", "ru": "Русский"}  # each language named in itself, whatever the interface language
NARRATIVE = ("risks", "basis", "recommendations", "violation_description")

# A text shown in the other language because its own version is missing is wrapped in these two private-use
# characters; the on-screen certificate turns them into a mark, paper (PDF, DOCX, a saved HTML) drops them.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def other_language(lang: str) -> str:
    return "ru" if lang == "kk" else "kk"


def untranslated(text: str) -> str:
    return f"{MARK_OPEN}{text}{MARK_CLOSE}"


def strip_marks(text: str) -> str:
    """`text` as it goes on paper: without the marks of untranslated pieces."""
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") if text else text


def has_marks(text: Any) -> bool:
    return isinstance(text, str) and MARK_OPEN in text


def text_lines(text: str | None) -> list[str]:
    """The non-blank lines a clerk typed, each to become its own paragraph; an untranslated piece spanning
    several lines is marked on each of them."""
    lines, inside = [], False
    for line in (text or "").split("\n"):
        opened = MARK_OPEN + line if inside else line
        inside = opened.rfind(MARK_OPEN) > opened.rfind(MARK_CLOSE)
        if line.strip(MARK_OPEN + MARK_CLOSE + " \t"):
            lines.append(opened + MARK_CLOSE if inside else opened)
    return lines or [""]


def marked_html(text: Any) -> Markup:
    """`text` escaped for HTML, its untranslated pieces in <mark class="untranslated"> (a Jinja filter)."""
    html = str(escape("" if text is None else text))
    return Markup(html.replace(MARK_OPEN, '<mark class="untranslated">').replace(MARK_CLOSE, "</mark>"))


_URL = re.compile(r"(https?://)\s*(?:/\s*)?([^\s/<>()«»\"]+/?)([^\s<>()«»\"]*[^\s<>()«»\".,;:])?")


def paper_html(text: Any) -> Markup:
    """`marked_html` with each web address kept whole from «http://» to the end of its host
    («http://rudnymektep7.edu.kz/» is never broken, neither after «http://» nor mid-domain after a «.») and free
    to break only after a «/» of its path, so a reader can still type it from paper. A clerk's stray space after
    «http://» («http:// /rudny…») is dropped. A person's and a school's name are never hyphenated (`unhyphenated`)."""
    html = str(marked_html(text))

    def wrap(m: re.Match) -> str:
        host = f'<span class="host">{m[1]}{m[2]}</span>'
        return f'<span class="url">{host}{(m[3] or "").replace("/", "/<wbr>")}</span>'

    from ..certificate.wording import unhyphenated  # a person's or a school's name is never hyphenated

    return Markup(_KEPT_ENDING.sub(r'<span class="nowrap">\1</span>', unhyphenated(_URL.sub(wrap, html))))


# «5-тармағына», «2024-жылы»: a number and the Kazakh ending joined to it by a hyphen never part at a line's end
# (issue 11 review: «5-» ended a line, «тармағына» began the next); nor does a one-letter prefix, «е-Өтініш» (the
# reviewer: «е-» ended a line). An ordinary hyphen in a span that does not wrap, since the no-break hyphen (U+2011)
# is not in the PDF's font. Outside tags: the text only.
_KEPT_ENDING = re.compile(r"(?<![\w<=\"'/.&#;-])((?:\d+|[^\W\d_])-[^\W\d_]+)(?![^<>]*>)")


def has_url(text: Any) -> bool:
    """Whether a line holds a web address: such a line is left-aligned, not justified, since the address's host
    never breaks and would stretch the line around it into wide gaps (issue 11 review, the Russian PDF)."""
    return isinstance(text, str) and _URL.search(text) is not None


@dataclass(frozen=True)
class Missing:
    """A typed text with no version in the language asked for: where it is, for the clerk to find it."""

    section: Any  # the Section
    label: Any  # the field's label (a lazy string: shown in the reader's interface language)
    lang: str  # the language the version is missing in
    row: int | None = None  # 1-based place of the row in its list; None for a section's own text
    list_title: Any = None


@cache
def _row_texts(form_class) -> tuple[str, ...]:
    return translatable_names(form_class)


@cache
def person_names(form_class) -> frozenset[str]:
    """The translatable fields of a form that hold a person's name (fields.PersonName): a name reads the same in
    both languages, so one typed in one spelling only is shown as typed, unmarked, and never listed as missing."""
    return frozenset(name for name in translatable_names(form_class)
                     if getattr(getattr(form_class, name).field_class, "person_name", False))


def version(main, translation, main_lang: str, lang: str) -> tuple[str | None, bool]:
    """(the text to show in `lang`, whether `lang`'s own version is missing) of one typed text.

    `main` is in `main_lang`, `translation` in the other language; a missing version falls back to the one
    there is (so nothing the school wrote disappears) and says so."""
    main = (main or "").strip() or None
    translation = (translation or "").strip() or None
    own, other = (main, translation) if lang == main_lang else (translation, main)
    if own:
        return own, False
    return other, other is not None


def entry_text(entry, name: str, main_lang: str, lang: str) -> tuple[str | None, bool]:
    """A narrative text (risks, basis, …) of a section entry in `lang`."""
    return version(getattr(entry, name), (entry.translations or {}).get(name), main_lang, lang)


def label(form_class, name: str):
    """The label a form class gives field `name` (a lazy string)."""
    unbound = getattr(form_class, name)
    return unbound.args[0] if unbound.args else unbound.kwargs.get("label", name)


def localized_facts(section, facts: dict, main_lang: str, lang: str) -> dict:
    """The facts with every translatable figure in `lang` (marked where only the other version exists) and
    without the "__tr" versions."""
    names = translatable_names(section.facts_form) if section.facts_form else ()
    persons = person_names(section.facts_form) if section.facts_form else frozenset()
    result = {k: v for k, v in facts.items() if not k.endswith(TRANSLATION_SUFFIX)}
    for name in names:
        text, lacking = version(facts.get(name), facts.get(name + TRANSLATION_SUFFIX), main_lang, lang)
        if text is not None:
            result[name] = untranslated(text) if lacking and name not in persons else text
    return result


class LocalizedRow:
    """A row whose typed texts read in one language; every other attribute is the row's own."""

    __slots__ = ("_row", "_texts")

    def __init__(self, row, texts: dict[str, str | None]):
        object.__setattr__(self, "_row", row)
        object.__setattr__(self, "_texts", texts)

    def __getattr__(self, name):
        texts = object.__getattribute__(self, "_texts")
        if name in texts:
            return texts[name]
        return getattr(object.__getattribute__(self, "_row"), name)

    @property
    def lacking(self) -> list[str]:
        """The names of the texts shown in the other language."""
        return [name for name, text in object.__getattribute__(self, "_texts").items()
                if name != "half_year" and has_marks(text)]


def localized_row(row_list, row, main_lang: str, lang: str, half_year: tuple[int, int] | None = None
                  ) -> LocalizedRow:
    """`row` reading in `lang`; its texts with no version in `lang` are the other language's, marked.
    `half_year` ((year, half) of the row's submission) is readable as `row.half_year`."""
    texts: dict = {"half_year": half_year} if half_year else {}
    persons = person_names(row_list.form)
    for name in _row_texts(row_list.form):
        text, lacking = version(getattr(row, name, None), (row.translations or {}).get(name), main_lang, lang)
        texts[name] = untranslated(text) if lacking and name not in persons else text
    return LocalizedRow(row, texts)


def missing_versions(section, data, main_lang: str) -> list[Missing]:
    """Texts of one section of one submission written in one language only, those lacking the other language
    first (for the section page); `main_lang` is the submission's `text_lang`."""
    entry = data.entry
    if entry is None:
        return []
    missing: list[Missing] = []
    for lang in (other_language(main_lang), main_lang):
        if section.triplet:
            missing += [Missing(section, label(NarrativeForm, name), lang) for name in NARRATIVE
                        if entry_text(entry, name, main_lang, lang)[1]]
        facts = localized_facts(section, data.facts, main_lang, lang)
        names = translatable_names(section.facts_form) if section.facts_form else ()
        missing += [Missing(section, label(section.facts_form, name), lang) for name in names
                    if has_marks(facts.get(name))]
        for row_list in section.row_lists:
            for number, row in enumerate(data.rows.get(row_list.name, []), start=1):
                missing += [Missing(section, label(row_list.form, name), lang, number, row_list.title)
                            for name in localized_row(row_list, row, main_lang, lang).lacking]
    return missing


def typed_texts(all_data: dict) -> tuple[int, int]:
    """(texts typed in the submission's first language, versions in the other one) over every section's data
    (queries.section_data): what a switch of the first language relabels."""
    main = other = 0

    def count(text, translation) -> None:
        nonlocal main, other
        main += bool((text or "").strip())
        other += bool((translation or "").strip())

    for data in all_data.values():
        section, entry = data.section, data.entry
        if entry is None:
            continue
        if section.triplet:
            for name in NARRATIVE:
                count(getattr(entry, name), (entry.translations or {}).get(name))
        for name in translatable_names(section.facts_form) if section.facts_form else ():
            count(data.facts.get(name), data.facts.get(name + TRANSLATION_SUFFIX))
        for row_list in section.row_lists:
            for row in data.rows.get(row_list.name, []):
                for name in _row_texts(row_list.form):
                    count(getattr(row, name, None), (row.translations or {}).get(name))
    return main, other
