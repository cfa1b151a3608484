"""The Russian version of every text a generated demo analysis types, put beside the Kazakh one as a clerk writing
both languages would (entries' and rows' `translations`, facts' "<name>__tr"), so that a generated school's
Russian certificate is wholly Russian.

The generator types Kazakh from webapp/demo/texts.py (and, for rudny-7's later half-years, from the seed); each
of those texts has its Russian counterpart in webapp/demo/texts_ru.py (or seed_school_ru.py) in the same shape.
`Dictionary(profile-context)` pairs them up, formatted with the school's kind, city and years, and translates a
typed text whole or sentence by sentence (a basis may be several of the pool's sentences joined). A text the
dictionary does not know raises ValueError: the demo never shows Kazakh in a Russian certificate.

Persons' names are not translated but spelt with Russian letters where Kazakh ones differ («Жұмабаев» →
«Жумабаев»); a name that reads the same gets no Russian version (the app shows it as typed, unmarked).
"""

from __future__ import annotations

import re
from functools import cache

from . import seed_school as seed
from . import seed_school_ru as seed_ru
from . import texts as kk
from . import texts_ru as ru

# The texts that may carry a Russian version (reporting.forms.translatable_names of each form), by section:
# facts, rows per list; and which of them are persons' names.
FACTS = {"general": ("signatory_name", "signatory_position", "approver_name", "approver_position"),
         "acts": ("rules_body",), "services": ("portal_responsible",),
         "personnel": ("vacancies_published", "conflict_of_interest_description", "ethics_council_outcome"),
         "procurement": ("complaints_description",), "digital": ("data_protection_order",),
         "control": ("functions_description",), "media": ("description",),
         "conclusion": ("overall_finding", "audience")}
ROWS = {"working_group": ("name", "position_title"), "orders": ("title",),
        "services": ("service_name", "legal_basis", "responsible"), "admin_staff": ("position_title",),
        "movements": ("reason",), "disciplinary": ("person",), "methods": ("other_name", "note"),
        "appeals": ("subject",), "events": ("kind", "held_by", "result"), "cases": ("court", "counterparty", "subject"),
        "inspections": ("body", "subject", "description"), "interactions": ("body", "subject", "result"),
        "recommendations": ("text", "risk", "responsible"), "followups": ("text", "comment"),
        "positions": ("position_title", "competence", "risk")}
NAMES = {"signatory_name", "approver_name", "name", "person", "responsible"}
SINGLE_TEXTS = ("NO_CONTROL", "NO_COURTS", "NO_INSPECTIONS", "NO_FISCAL", "NO_INTERACTIONS", "FISCAL_BODY",
                "OTHER_SERVICE", "OTHER_SERVICE_BASIS", "SINGLE_SOURCE_NOTE", "VACANCIES_PUBLISHED",
                "ETHICS_COUNCIL_OUTCOME", "FINDING_CLEAN", "CONCLUSION_LEAD",
                "CONCLUSION_RISKS")  # one text each in texts.py and texts_ru.py
NARRATIVE = ("risks", "basis", "recommendations", "violation_description")
SENTENCE = re.compile(r"(?<=[.])\s+(?=\S)")


def russian_name(name: str) -> str:
    return name.translate(ru.NAME_LETTERS)


def _pairs(kazakh, russian):
    """(Kazakh, Russian) string pairs of two structures of the same shape (dicts by key, lists by position)."""
    if isinstance(kazakh, str):
        if isinstance(russian, str):  # a Russian text in plural forms is paired by its owner
            yield kazakh, russian
    elif isinstance(kazakh, dict):
        for key, value in kazakh.items():
            if key in russian:
                yield from _pairs(value, russian[key])
    elif isinstance(kazakh, list | tuple):
        if len(kazakh) != len(russian):
            raise ValueError(f"texts_ru differs in shape from texts: {kazakh!r}")
        for k, r in zip(kazakh, russian, strict=True):
            yield from _pairs(k, r)


def _plural(n: int) -> int:
    """Index of the Russian plural form of `n` (one, few, many)."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


class Dictionary:
    """Kazakh text → its Russian version for one school and half-year."""

    def __init__(self, noun: str, city: str, school_year: str, year: int):
        self.context_kk = {"noun": noun, "city": city, "ay": school_year, "y": year, "y1": year + 1}
        self.context_ru = {**ru.NOUN_FORMS[noun], **ru.CITIES[city], "ay": school_year, "y": year,
                           "y1": year + 1}
        self.known: dict[str, str] = {}
        structures = [(kk.WORKING_GROUP_ROLES, ru.WORKING_GROUP_ROLES), (kk.CITED_ORDERS, ru.CITED_ORDERS),
                      (kk.DISCIPLINE_ORDER, ru.DISCIPLINE_ORDER), (kk.ORDERS_H1, ru.ORDERS_H1),
                      (kk.ORDERS_H2, ru.ORDERS_H2), (kk.ACTS, ru.ACTS), (kk.SERVICES, ru.SERVICES),
                      (kk.SERVICE_LEGAL_BASIS, ru.SERVICE_LEGAL_BASIS), (kk.ADMIN_POSITIONS, ru.ADMIN_POSITIONS),
                      (kk.PERSONNEL, ru.PERSONNEL), (kk.PROCUREMENT, ru.PROCUREMENT), (kk.DIGITAL, ru.DIGITAL),
                      (kk.APPEAL_SUBJECTS, ru.APPEAL_SUBJECTS), (kk.APPEALS, ru.APPEALS),
                      (kk.TRANSPARENCY, ru.TRANSPARENCY), (kk.PROPOSAL_TAKEN, ru.PROPOSAL_TAKEN),
                      (kk.PROPOSALS_CONSIDERED, ru.PROPOSALS_CONSIDERED),
                      (kk.MONITORING_EVENTS, ru.MONITORING_EVENTS), (kk.MONITORING, ru.MONITORING),
                      (kk.COURT_PARTIES, ru.COURT_PARTIES), (kk.COURT_SUBJECTS, ru.COURT_SUBJECTS),
                      (kk.COURTS, ru.COURTS), (kk.INSPECTION_BODIES, ru.INSPECTION_BODIES),
                      (kk.INSPECTIONS, ru.INSPECTIONS), (kk.VIOLATION, ru.VIOLATION), (kk.FISCAL, ru.FISCAL),
                      (kk.INTERACTION_BODIES, ru.INTERACTION_BODIES), (kk.INTERACTIONS, ru.INTERACTIONS),
                      (kk.MEDIA, ru.MEDIA), (kk.AUDIENCES, ru.AUDIENCES), (kk.POSITIONS, ru.POSITIONS),
                      ([r[0] for r in kk.RECOMMENDATIONS], [r[0] for r in ru.RECOMMENDATIONS]),
                      ([r[2] for r in kk.RECOMMENDATIONS], [r[1] for r in ru.RECOMMENDATIONS]),
                      ({a: m for a, m in kk.VIOLATION_MEASURES.items()}, ru.VIOLATION_MEASURES),
                      (kk.VIOLATION_MEASURES_AGAIN, ru.VIOLATION_MEASURES_AGAIN),
                      (kk.VIOLATION_CONTROL, ru.VIOLATION_CONTROL),
                      (kk.CANCELLATION_REASONS, ru.CANCELLATION_REASONS),
                      ({code: [(text, who) for text, _kind, who in rows] for code, rows in kk.MEASURES.items()},
                       ru.MEASURES), (list(kk.APPOINTED.values()), list(ru.APPOINTED)),
                      (kk.FOLLOW_UP_COMMENTS, ru.FOLLOW_UP_COMMENTS), (kk.NOT_DONE_REASONS, ru.NOT_DONE_REASONS),
                      (kk.HEAD_POSITIONS, ru.HEAD_POSITIONS),
                      (kk.GROUP_HEAD_SIGNATURE, ru.GROUP_HEAD_SIGNATURE),
                      ([k for k, _ in ru.COURTS_OF], [r for _, r in ru.COURTS_OF]),
                      (list(ru.DISMISSAL_REASONS), list(ru.DISMISSAL_REASONS.values())),
                      *((getattr(kk, name), getattr(ru, name)) for name in SINGLE_TEXTS)]
        for pair in (ru.FRAMEWORK_NOTE, ru.COMPLAINT, ru.DATA_PROTECTION_ORDER,
                     ru.MONITORING_RESULT, ru.FISCAL_SUBJECT, ru.RULES_BODY):
            structures.append(pair)
        for kazakh, russian in structures:
            for k, r in _pairs(kazakh, russian):
                self.add(k, r)
        # The findings of a half-year with violations name the areas they were found in.
        for areas in (["procurement", "inspections"], ["appeals"], ["procurement", "inspections", "appeals"]):
            self.add(kk.FINDING_VIOLATIONS.replace("{areas}", kk.named_areas(areas, kk.AREAS)),
                     ru.FINDING_VIOLATIONS.replace("{areas}", kk.named_areas(areas, ru.AREAS)))
        for late in range(1, 13):
            self.add(kk.APPEALS["violation"].replace("{late}", str(late)),
                     ru.APPEALS["violation"][_plural(late)].replace("{late}", str(late)))
        self._seed()

    def _seed(self) -> None:
        """rudny-7's later half-years continue the seed: its texts and their Russian versions."""
        for code, texts in seed.TEXTS.items():
            for key, text in texts.items():
                if key in seed_ru.TEXTS.get(code, {}) and isinstance(text, str):
                    self.known.setdefault(text, seed_ru.TEXTS[code][key])
        pairs = [*seed_ru.ORDER_TITLES.items(), *seed_ru.SERVICE_WORDS.items(), *seed_ru.POSITIONS_OF_STAFF.items(),
                 *seed_ru.MOVEMENT_REASONS.items(),
                 (seed.VACANCIES_PUBLISHED, seed_ru.VACANCIES_PUBLISHED), (seed.AUDIENCE, seed_ru.AUDIENCE),
                 (seed.RESPONSIBLE, seed_ru.RESPONSIBLE), (seed.ALL_AREAS, seed_ru.ALL_AREAS),
                 (seed.CONCLUSION_RISKS, seed_ru.CONCLUSION_RISKS),
                 (seed.DIGITAL_FACTS["data_protection_order"], seed_ru.DATA_PROTECTION_ORDER),
                 (seed.SERVICES_FACTS["portal_responsible"], seed_ru.PORTAL_RESPONSIBLE),
                 (seed.GENERAL_FACTS["signatory_position"], seed_ru.SIGNATORY["signatory_position"]),
                 *zip([t for t, _ in seed.RECOMMENDATIONS], seed_ru.RECOMMENDATIONS, strict=True),
                 *((seed.MONITORING_EVENT[k], seed_ru.MONITORING_EVENT[k]) for k in ("kind", "held_by", "result"))]
        for position, russian in zip(seed.POSITIONS, seed_ru.POSITIONS, strict=True):
            pairs += [(position[k], russian[k]) for k in ("position_title", "competence", "risk")]
        for k, r in pairs:
            self.known.setdefault(k, r)
        # Its orders come back a year (or two) later: the years in their titles move with them.
        year, school_year = self.context_kk["y"], self.context_kk["ay"]
        for k, r in seed_ru.ORDER_TITLES.items():
            self.known.setdefault(k.replace("2024-2025", school_year).replace("2025 жылға", f"{year} жылға"),
                                  r.replace("2024-2025", school_year).replace("2025 год", f"{year} год"))

    def add(self, kazakh: str, russian: str) -> None:
        kazakh = kazakh.format_map(self.context_kk) if "{" in kazakh else kazakh
        russian = russian.format_map(self.context_ru) if "{" in russian else russian
        russian = russian[:1].upper() + russian[1:] if kazakh[:1].isupper() else russian
        self.known[kazakh.strip()] = russian.strip()
        if kazakh[:1].islower():  # a template that starts with the school's kind, typed capitalised
            self.known.setdefault(kazakh[:1].upper() + kazakh[1:].strip(), russian[:1].upper() + russian[1:].strip())

    def translate(self, text: str | None) -> str | None:
        """The Russian version of a typed text: known whole, or sentence by sentence."""
        if not text or not text.strip():
            return None
        text = text.strip()
        if text in self.known:
            return self.known[text]
        lines = text.split("\n")
        if len(lines) > 1:
            return "\n".join(self.translate(line) or "" for line in lines)
        pieces = SENTENCE.split(text)
        if len(pieces) > 1 and all(p in self.known for p in pieces):
            return " ".join(self.known[p] for p in pieces)
        raise ValueError(f"no Russian version for a demo text: {text!r}")


@cache
def dictionary(noun: str, city: str, school_year: str, year: int) -> Dictionary:
    """The Dictionary of a school's kind and city for a half-year (built once: the national bench asks often)."""
    return Dictionary(noun, city, school_year, year)


def add_russian(content: dict, dictionary: Dictionary) -> dict:
    """`content` (writer content of one half-year, as analyses.generate makes it) with the Russian version of
    every text beside the Kazakh one; a version already there is kept."""
    for code, section in content.items():
        narrative = section.get("narrative") or {}
        translations = dict(section.get("translations") or {})
        for key in NARRATIVE:
            if narrative.get(key) and key not in translations:
                translations[key] = dictionary.translate(narrative[key])
        if translations:
            section["translations"] = translations
        facts = section.get("facts")
        if facts:
            for name in FACTS.get(code, ()):
                if facts.get(name) and not facts.get(name + "__tr"):
                    version = _version(dictionary, name, facts[name])
                    if version:
                        facts[name + "__tr"] = version
        for list_name, rows in (section.get("rows") or {}).items():
            for row in rows:
                done = dict(row.get("translations") or {})
                for name in ROWS.get(list_name, ()):
                    if row.get(name) and name not in done:
                        version = _version(dictionary, name, row[name], list_name)
                        if version:
                            done[name] = version
                if done:
                    row["translations"] = done
    return content


def _version(dictionary: Dictionary, name: str, text: str, list_name: str | None = None) -> str | None:
    """The Russian version of one text; a person's name only where Russian spells it otherwise."""
    if name in NAMES and not (list_name == "recommendations" and name == "responsible") \
            and not (list_name == "services" and text in dictionary.known):
        spelt = russian_name(text)
        return spelt if spelt != text else None
    if name == "portal_responsible":  # a name, or a post and a name («… директордың орынбасары Исаева А.Ж.»)
        return dictionary.known.get(text) or russian_name(text)
    if name == "risk" and list_name == "recommendations":  # a choice of section, not a text the school types
        return dictionary.translate(text) if text in dictionary.known else None
    return dictionary.translate(text)
