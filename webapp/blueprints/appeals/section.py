from flask_babel import lazy_gettext as _l

from ...i18n import short_date
from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import TOPICS, certificate
from .forms import AppealForm, AppealsFactsForm
from .models import Appeal
from .timeliness import ANSWER_WORKING_DAYS, timeliness


def on_time_within_received(data: SectionData) -> list[str]:
    received = data.fact("received_count")
    on_time, overdue = data.fact("answered_on_time_count"), data.fact("overdue_count")
    if received is None or (on_time is None and overdue is None):
        return []
    answered = (on_time or 0) + (overdue or 0)
    if answered > received:
        return [str(_l("Appeals answered on time and late add up to %(answered)s, more than the %(received)s "
                       "received.", answered=answered, received=received))]
    return []


def counts_match_list(data: SectionData) -> list[str]:
    """When a school gives both totals and the list, the certificate must not say two different things."""
    rows = data.rows.get("appeals", [])
    if not rows:
        return []
    computed = timeliness(rows)
    figures = (("received_count", computed.received, _l("Appeals received")),
               ("answered_on_time_count", computed.on_time, _l("Answered on time")),
               ("overdue_count", computed.overdue, _l("Answered late")))
    return [str(_l("%(figure)s: the figures say %(given)s, but the list of appeals gives %(listed)s.",
                   figure=label, given=data.fact(name), listed=listed))
            for name, listed, label in figures
            if data.fact(name) is not None and data.fact(name) != listed]


APPLICANT_KINDS = ("from_individuals", "from_legal_entities", "anonymous")


def applicants_add_up(data: SectionData) -> list[str]:
    """Appeals by applicant kind add up to the appeals received (the list's count when there is one)."""
    rows = data.rows.get("appeals", [])
    received = data.fact("received_count")  # a typed total stands over the list (its appeals are among them)
    if received is None and rows:
        received = timeliness(rows).received
    kinds = [data.fact(name) for name in APPLICANT_KINDS if data.fact(name) is not None]
    if received is None or not kinds or sum(kinds) == received:
        return []
    return [str(_l("Appeals by applicant add up to %(sum)s, but %(received)s were received.",
                   sum=sum(kinds), received=received))]


def answered_after_received(data: SectionData) -> list[str]:
    return [str(_l("The appeal received on %(received)s is answered on %(answered)s, before it was received.",
                   received=short_date(row.received_on), answered=short_date(row.answered_on)))
            for row in data.rows.get("appeals", [])
            if row.answered_on is not None and row.answered_on < row.received_on]


def computed_timeliness(data: SectionData) -> list[str]:
    """What the dated list says, so the clerk sees the certificate's figures before submitting."""
    rows = data.rows.get("appeals", [])
    if not rows:
        return []
    t = timeliness(rows)
    return [str(_l("From the list: %(received)s received, %(on_time)s answered on time, %(overdue)s late, "
                   "%(unanswered)s not yet answered.", received=t.received, on_time=t.on_time,
                   overdue=t.overdue, unanswered=t.unanswered))]


def figures(data: SectionData) -> dict:
    """Appeals received and answered on time, as the certificate counts them (certificate.tally): the typed
    total, else the dated list's count, else the split by applicant added up (issue 10 QA: «3 from
    individuals, 35 from legal entities» with the total blank was a blank on the dashboard); on time from the
    list when it is the whole of what was received, else the school's count."""
    rows = data.rows.get("appeals", [])
    typed = data.fact("received_count")
    split = [data.fact(name) for name in APPLICANT_KINDS if data.fact(name) is not None]
    received = typed if typed is not None else len(rows) if rows else sum(split) if split else None
    if rows and received == len(rows):
        return {"appeals_received": received, "appeals_on_time": timeliness(rows).on_time}
    if received is None and data.entry is not None and data.entry.nothing_to_report:
        received = 0  # attested: no appeals this half-year
    # A blank count is «not given», never 0 (issue 9, item 8): the dashboard must not read it as no appeals.
    return {"appeals_received": received, "appeals_on_time": data.fact("answered_on_time_count",
                                                                        0 if received == 0 else None)}


section = register(Section(
    code="appeals",
    number="2.4",
    title=_l("Appeals of individuals and legal entities"),
    hint=_l("List each appeal with its dates, or give the totals. An appeal is answered on time within "
            "%(days)s working days of receipt.", days=ANSWER_WORKING_DAYS),
    facts_form=AppealsFactsForm,
    row_lists=(
        RowList("appeals", Appeal, AppealForm, _l("Appeals"), order_by=("received_on",)),
    ),
    checks=(on_time_within_received, counts_match_list, answered_after_received, applicants_add_up),
    summary=computed_timeliness,
    summed_facts=("received_count", "answered_on_time_count", "overdue_count", *APPLICANT_KINDS),
    certificate=certificate,
    certificate_topics=TOPICS,
    figures=figures,
))
bp = make_blueprint(section, __name__)
