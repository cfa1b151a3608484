"""Extra per-school columns of the comparison that another package fills (e.g. the action plans' overdue
measures from the public cycle), so the dashboard shows them without importing that package.

A column is one query for every school in scope: `counts(scope)` takes the SQL condition selecting the schools
(`queries.in_scope(unit)`, over `OrgUnit`) and returns {school id: count}; a school left out counts 0. The
comparison table shows the column, sorts by it, filters on «only schools with some», and the exports carry it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SchoolColumn:
    key: str  # also the sort key and the filter's query argument (`?<key>=1`)
    label: object  # lazy string: the column's header
    filter_label: object  # lazy string: «only schools with …»
    counts: Callable[[object], dict[int, int]]
    link: Callable[[str, str], str] | None = None  # (unit code, school code) -> where the count is explained


SCHOOL_COLUMNS: list[SchoolColumn] = []


def register_column(column: SchoolColumn) -> SchoolColumn:
    """Add a column once (a second registration under the same key replaces the first)."""
    SCHOOL_COLUMNS[:] = [c for c in SCHOOL_COLUMNS if c.key != column.key] + [column]
    return column
