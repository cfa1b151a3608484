"""The comparison of schools: one row per school, its flags and outliers, the total and median rows.

The HTML table, the CSV/XLSX exports and the `flask compare` command all build on `compare()`, so they
always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import get_locale
from markupsafe import Markup, escape

from ...data_version import remember
from ...models import OrgUnit, Period
from ...reporting.models import Status
from . import queries
from .columns import SCHOOL_COLUMNS
from .flags import fences, flags_of, outlier_reason, rule_labels, thresholds_by_department, thresholds_for
from .indicators import BY_KEY, INDICATORS, formatter
from .queries import SchoolRow, Totals

STATES = ("not_started", "draft", "submitted", "returned", "accepted")
# Flags judge what a school has handed in. A draft (one section of 17 filled, weeks before the deadline) would
# read as «0,0 % of recommendations done»; such schools are listed apart as not yet submitted.
JUDGED = (Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED)
# The Kazakh alphabet (Russian letters included in the same order): Python's code-point order would put
# «Қ» after «Ы». Digits sort as numbers, so №2 comes before №10.
ALPHABET = {letter: rank for rank, letter in enumerate("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")}


# What a user with a Russian keyboard types for each Kazakh letter (and ё as е): «уалиханов» finds «Уәлиханов».
KAZAKH_FOLDING = str.maketrans("әғқңөұүһіё", "агкноуухие")


def folded(text: str) -> str:
    """`text` for searching: case folded and every Kazakh letter written as its Russian-keyboard look-alike
    (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ ү→у, һ→х, і→и; ё→е), so either spelling finds the other."""
    return text.casefold().translate(KAZAKH_FOLDING)


def alphabetical(name: str) -> list:
    key = []
    for part in re.split(r"(\d+)", name.casefold()):
        if part.isdigit():
            key.append((0, int(part)))
        elif part:
            key.append((1, tuple(ALPHABET.get(char, 100 + ord(char)) for char in part)))
    return key


@dataclass
class Comparison:
    unit: OrgUnit | None
    period: Period
    rows: list[SchoolRow]  # every school in scope, in natural order
    totals: Totals
    quartiles: dict[str, tuple[float, float, float] | None]
    thresholds: dict[str, float]
    format_value: object
    shown: list[SchoolRow] = field(default_factory=list)  # after search, filter and sort
    # What the rows' values, outliers and flags depend on besides the data version: (unit id, half-year id,
    # language, locale, thresholds in force). The table's rows are kept under it (None: made afresh each time).
    kept_as: tuple | None = None

    @property
    def flagged(self) -> list[SchoolRow]:
        return [row for row in self.rows if row.flags]

    @property
    def not_judged(self) -> list[SchoolRow]:
        """Schools with a draft (not yet submitted): their figures are not judged by the flags yet."""
        return [row for row in self.rows if row.submission_id is not None and row.status not in JUDGED]

    @property
    def outlying(self) -> list[SchoolRow]:
        return [row for row in self.shown if row.outliers]

    def extra_total(self, key: str) -> int:
        """The extra column `key` summed over every school in scope (the table's total row)."""
        return sum(row.extra.get(key, 0) for row in self.rows)

    def table_rows(self, school_url: str, badges: dict[str, str], late: str) -> Markup:
        """The table body's shown rows (`<tr>` each): the school's link (`school_url` with SCHOOL for its code),
        status badge (`badges`: state -> HTML), «late», flags, the extra columns and every indicator's cell.

        A region's table has ~375 rows and ~8,000 cells: made in the template, every format, lookup and escape
        would also pay Jinja's call overhead, several times the work itself. So each school's row, but for the
        extra columns (counted afresh every time: they are not figures), is made here in one pass for all schools
        and kept under the data version (see `kept_as`); sorting, searching or filtering the table again only
        picks and orders the kept rows."""
        words = (school_url, tuple(sorted(badges.items())), late)

        def make():
            return _rows_html(self.rows, self.format_value, *words)

        made = make() if self.kept_as is None else remember(("compare_rows", *self.kept_as, words), make)
        link_unit = self.unit.code if self.unit is not None else ""
        parts = []
        for row in self.shown:
            head, cells = made[row.id]
            parts.append(head)
            for column in SCHOOL_COLUMNS:
                n = row.extra.get(column.key, 0)
                if n and column.link:
                    parts.append(f'<td class="num"><a href="{escape(column.link(link_unit, row.code))}">{n}</a></td>')
                else:
                    parts.append(f'<td class="num">{n or ""}</td>')
            parts.append(cells)
            parts.append("</tr>\n")
        return Markup("".join(parts))

    def outlier_items(self) -> Markup:
        """The shown rows' values far from their city's median, as list items: «<school>, <indicator>: why»
        (kept with the rows: a region's list has a couple of hundred, each indicator's name a translation)."""
        def make() -> dict[int, str]:
            labels = {indicator.key: escape(indicator.label) for indicator in INDICATORS}
            return {row.id: "".join(f"<li><strong>{escape(row.name)}</strong>, {labels[key]}: {escape(why)}</li>\n"
                                    for key, why in row.outliers.items())
                    for row in self.rows if row.outliers}

        made = make() if self.kept_as is None else remember(("compare_outliers", *self.kept_as), make)
        return Markup("".join(made[row.id] for row in self.shown if row.outliers))


def _rows_html(rows: list[SchoolRow], fmt, school_url: str, badges: tuple, late: str) -> dict[int, tuple[str, str]]:
    """school id -> (its `<tr>` up to the flags' cell, its indicators' `<td>` cells).

    A formatted figure holds only digits, separators, signs and units, so only names and the outliers' and
    flags' words need escaping."""
    keys = [(i, i.key) for i in INDICATORS]
    badge = dict(badges)
    late_html = f' <span class="badge state-overdue">{escape(late)}</span>'
    result = {}
    for row in rows:
        values, outliers, cells = row.values, row.outliers, []
        for indicator, key in keys:
            text, why = fmt(indicator, values[key]), outliers.get(key)
            cells.append(f'<td class="num">{text}</td>' if why is None else f'<td class="num outlier" '
                         f'title="{escape(why)}">{text}<span aria-hidden="true"> ●</span></td>')
        flags = (f'<span class="flag-count" title="{escape("; ".join(flag.text for flag in row.flags))}">'
                 f'⚑ {len(row.flags)}</span>' if row.flags else "")
        head = (f'<tr id="school-{escape(row.code)}"><th scope="row"><a href="'
                f'{escape(school_url.replace("SCHOOL", row.code))}">{escape(row.name)}</a></th>'
                f'<td>{badge[row.state]}{late_html if row.on_time is False else ""}</td><td>{flags}</td>')
        result[row.id] = (head, "".join(cells))
    return result


def compare(unit: OrgUnit | None, period: Period, lang: str, with_sections: bool = False,
            with_columns: bool = True) -> Comparison:
    """Every school under `unit` with its indicators, flags and outliers (two queries, plus one for thresholds
    and, `with_columns`, one per extra column: the table and its exports show them, the overview, a school's
    drill-down and the risks page do not, so they leave each row's `extra` empty rather than count them).

    The judgement (quartiles, each school's outliers and flags) is kept under the data version, the language
    and the thresholds in force: thresholds are not figures (changing one does not move the version), so
    they are read every time and are part of what the kept judgement is looked up by."""
    rows = queries.school_rows(unit, period, lang, with_sections)
    if with_columns and SCHOOL_COLUMNS and rows:
        scope = queries.in_scope(unit)
        for column in SCHOOL_COLUMNS:
            counts = column.counts(scope)
            for row in rows:
                row.extra[column.key] = counts.get(row.id, 0)
    format_value = formatter(lang)
    thresholds = thresholds_for(unit)
    departments = {row.department_id for row in rows}
    # A department's own page needs only its thresholds; a region's judges each school by its department's.
    by_department = thresholds_by_department(departments) if len(departments) > 1 else {}
    rules = (tuple(sorted(thresholds.items())),
             tuple(sorted((department, tuple(sorted(own.items()))) for department, own in by_department.items())))
    kept_as = (None if unit is None else unit.id, period.id, lang, str(get_locale()), rules)
    quartiles, judged = remember(("compare_judged", *kept_as),
                                 lambda: _judge(rows, thresholds, by_department, format_value))
    for row in rows:  # each request's rows are its own: the kept outliers and flags are copied in
        found = judged.get(row.id)
        if found is not None:
            row.outliers, row.flags = dict(found[0]), list(found[1])
    comparison = Comparison(unit, period, rows, queries.totals(unit, period), dict(quartiles), thresholds,
                            format_value, kept_as=kept_as)
    comparison.shown = rows
    return comparison


def _judge(rows: list[SchoolRow], thresholds: dict[str, float], by_department: dict[int, dict[str, float]],
           format_value) -> tuple[dict, dict[int, tuple[dict[str, str], tuple]]]:
    """(quartiles per indicator over all `rows`, school id -> (outliers, flags)) for the schools that have
    either; outliers are judged against each school's own city, flags by its department's thresholds."""
    quartiles = {indicator.key: queries.quartiles([row.values[indicator.key] for row in rows
                                                   if row.values[indicator.key] is not None])
                 for indicator in INDICATORS}
    outliers: dict[int, dict[str, str]] = {}
    # A school stands out against the other schools of its own city, also in a region's list of all schools.
    by_city: dict[int, list[SchoolRow]] = {}
    for row in rows:
        by_city.setdefault(row.department_id, []).append(row)
    for city_rows in by_city.values():
        for indicator in INDICATORS:
            key = indicator.key
            values = [row.values[key] for row in city_rows if row.values[key] is not None]
            city_quartiles = quartiles[key] if len(by_city) == 1 else queries.quartiles(values)
            limits = fences(city_quartiles, len(values))
            if limits is None:
                continue
            low, high = limits
            for row in city_rows:  # most values lie within the fences: only the others are told in words
                value = row.values[key]
                if value is not None and not low <= value <= high and row.status in JUDGED:  # drafts once sent
                    reason = outlier_reason(value, city_quartiles, indicator, format_value, len(values), limits)
                    if reason:
                        outliers.setdefault(row.id, {})[key] = reason
    labels = rule_labels()
    judged = {}
    for row in rows:
        flags = (tuple(flags_of(row.values, by_department.get(row.department_id, thresholds), format_value, labels))
                 if row.status in JUDGED else ())
        if flags or row.id in outliers:
            judged[row.id] = (outliers.get(row.id, {}), flags)
    return quartiles, judged


def refine(comparison: Comparison, search: str = "", state: str = "", sort: str = "", descending: bool = False,
           flagged_only: bool = False, having: tuple[str, ...] = ()) -> list[SchoolRow]:
    """The rows shown: matching the search (the name in either language or the code, any case, Kazakh letters
    folded: «уалиханов» finds «Ш.Уәлиханов атындағы…» also where the page shows «…имени Ч.Валиханова»), the
    status, only flagged schools, only schools counting some of each extra column in `having`, sorted by a
    column."""
    rows = comparison.rows
    needle = folded(search.strip())
    if needle:
        rows = [row for row in rows
                if needle in folded(row.name) or needle in folded(row.other_name) or needle in folded(row.code)]
    if state in STATES:
        rows = [row for row in rows if row.state == state]
    if flagged_only:
        rows = [row for row in rows if row.flags]
    for key in having:
        rows = [row for row in rows if row.extra.get(key)]
    if sort in BY_KEY:
        # Schools without the figure go last whichever way the column is sorted.
        present = [row for row in rows if row.values[sort] is not None]
        missing = [row for row in rows if row.values[sort] is None]
        present.sort(key=lambda row: row.values[sort], reverse=descending)
        rows = present + missing
    elif sort == "name":
        rows = sorted(rows, key=lambda row: alphabetical(row.name), reverse=descending)
    elif sort == "status":
        rows = sorted(rows, key=lambda row: STATES.index(row.state), reverse=descending)
    elif any(column.key == sort for column in SCHOOL_COLUMNS):
        rows = sorted(rows, key=lambda row: row.extra.get(sort, 0), reverse=descending)
    elif sort == "flags":
        rows = sorted(rows, key=lambda row: len(row.flags), reverse=descending)
    comparison.shown = rows
    return rows
