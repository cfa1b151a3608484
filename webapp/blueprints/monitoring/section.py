from flask_babel import lazy_gettext as _l

from ...i18n import short_date
from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import certificate
from .forms import MonitoringEventForm
from .models import MonitoringEvent


def event_violations_reported(data: SectionData) -> list[str]:
    """The section's finding must agree with its events: a violation an event found cannot go unreported."""
    if data.entry is None or data.entry.violation_found is True:
        return []
    return [str(_l("The event of %(date)s found violations, but the section says none were found.",
                   date=short_date(row.held_on)))
            for row in data.rows.get("events", []) if row.violations_found]


section = register(Section(
    code="monitoring",
    number="2.6",
    title=_l("Anti-corruption and public monitoring"),
    hint=_l("Anti-corruption and public monitoring events (e.g. of the school canteen): when, by whom, "
            "and what they found."),
    row_lists=(
        # Events from before the half-year are allowed: certificates cite the latest monitoring held.
        RowList("events", MonitoringEvent, MonitoringEventForm, _l("Monitoring events"), order_by=("held_on",)),
    ),
    checks=(event_violations_reported,),
    certificate=certificate,
))
bp = make_blueprint(section, __name__)
