"""The public cycle of the demo school rudny-7, so every stage is visible after `make run`:

- 2025-H2: announced (three proposals: one taken into the personnel section, one not accepted, one spam),
  discussed in public with a protocol, approved with an action plan built from the analysis, followed up in
  2026-Q1 and 2026-Q2 (one measure overdue), and published;
- 2026-H2: announced, proposals open until 20 December 2026, two proposals waiting in the queue.

rudny-3's 2025-H2 plan also has an overdue measure, so the department's list shows more than one school.
Loading twice changes nothing: a school × half-year that has a cycle is left as it is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from ..blueprints.cycle.models import (
    Cycle,
    MeasureReport,
    MeasureState,
    PlanMeasure,
    Proposal,
    ProposalState,
    ProtocolItem,
)
from ..blueprints.cycle.services import plan_from_recommendations
from ..blueprints.general.models import WorkingGroupMember
from ..certificate.wording import lower_first
from ..extensions import db
from ..models import OrgUnit, Period
from ..reporting.models import Submission
from .analyses import CYCLE_APPROVALS, PROPOSALS_CONSIDERED_ON

SCOPE = ("1) нормативтік құқықтық актілер мен мектептің ішкі құжаттарындағы сыбайлас жемқорлық тәуекелдері;\n"
         "2) ұйымдастырушылық-басқарушылық қызметтегі тәуекелдер: кадр саясаты, мемлекеттік қызметтер, "
         "мемлекеттік сатып алу, өтініштерді қарау, ақпараттың ашықтығы.")
# The seed school's own street and office (rudny-7, as the real school publishes them); every other demo school
# gets an invented address in its own city from its number (`_premises`).
SEED_PREMISES = {"rudny-7": ("Ленин к-сі 7", "12-кабинет")}
STREETS = ["Пушкин к-сі", "Космонавтар к-сі", "Корчагин к-сі", "Комсомол даңғ.", "Абай даңғ."]
AREA_CODES = {"rudny": "714 31", "lisakovsk": "714 33"}  # the cities' telephone codes


def _premises(school: OrgUnit) -> tuple[str, str]:
    """(contacts, discussion place) of one demo school, from its code («rudny-3») and city, in Kazakh as the
    school types them: «Тел.: +7 (714 31) 5-00-03; e-mail: school3@rudny.example.kz; Рудный қ., Комсомол даңғ. 20,
    қабылдау бөлмесі.» and «Мектептің акт залы, Рудный қ., Комсомол даңғ. 20». Each school's public announcement
    names its own office, never another school's (issue 11); rudny-7's are the seed's, unchanged."""
    town, _, number = school.code.rpartition("-")
    street, office = SEED_PREMISES.get(school.code) or (
        f"{STREETS[int(number) % len(STREETS)]} {11 + 3 * int(number)}", "қабылдау бөлмесі")
    address = f"{school.city_kk}, {street}"
    phone = f"Тел.: +7 ({AREA_CODES[town]}) 5-00-{int(number):02d}; " if town in AREA_CODES else ""
    return (f"{phone}e-mail: school{number}@{town}.example.kz; {address}, {office}.",
            f"Мектептің акт залы, {address}")


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _cycle(school: OrgUnit, period: Period, **values) -> Cycle | None:
    exists = db.session.execute(select(Cycle.id).filter_by(school_id=school.id, period_id=period.id)).first()
    if exists:
        return None
    contacts, place = _premises(school)
    if values.get("discussion_on"):
        values.setdefault("discussion_place", place)
    cycle = Cycle(school=school, period=period, scope=SCOPE, contacts=contacts, **values)
    db.session.add(cycle)
    db.session.flush()
    return cycle


def _completed_cycle(school: OrgUnit, period: Period, overdue_reason: str) -> None:
    """A half-year that went through every stage, with a plan followed for two quarters.

    Who chairs the discussion and who approves follow the half-year's own analysis (webapp/demo/analyses.py
    `_general`): its working group's head chairs, and the director its general part names approves by the order
    of analyses.CYCLE_APPROVALS, so the certificate is approved by the director and signed by the group's head,
    never approved and signed by one person."""
    submission = db.session.execute(
        select(Submission).filter_by(school_id=school.id, period_id=period.id)).scalar_one_or_none()
    general = submission.entry("general") if submission is not None else None
    facts = (general.facts if general is not None else None) or {}
    chair = db.session.scalars(select(WorkingGroupMember).filter_by(submission_id=submission.id, role="head")
                               ).first() if submission is not None else None
    order_number, order_date = CYCLE_APPROVALS.get((school.code, period.code), ("301", date(2025, 12, 19)))
    cycle = _cycle(school, period, announced_on=date(2025, 9, 1), analysis_from=date(2025, 9, 8),
                   analysis_to=date(2025, 12, 12), order_number="248", order_date=date(2025, 9, 1),
                   proposals_until=date(2025, 10, 31), proposals_open=False, draft_public=False,
                   discussion_on=date(2025, 12, 10), discussion_time="15:00",
                   protocol_number="1",
                   chair=chair.name if chair else "Серікова Гүлнар Маратқызы",
                   chair_position=lower_first(chair.position_title) if chair
                   else "директордың оқу ісі жөніндегі орынбасары",
                   participants=23, protocol_recorded_on=date(2025, 12, 10), approval_order_number=order_number,
                   approval_order_date=order_date,
                   approver_name=facts.get("approver_name") or school.head_name or "Директор",
                   # «Директор» reads the same in the Russian certificate (a cycle carries no second version).
                   approver_position="Директор", published_at=_at(date(2025, 12, 22)))
    if cycle is None:
        return
    db.session.add_all([
        Proposal(cycle_id=cycle.id, received_at=_at(date(2025, 9, 15)), consent=True, author_name="Ахметова Динара",
                 contact="+7 701 000 00 00", state=ProposalState.ACCEPTED, section="personnel",
                 text="Вакансиялар туралы хабарландыруларды мектеп сайтында да жариялаңыз, тек enbek.kz-те емес.",
                 reason="Кадр саясаты бөлімінің ұсыныстарына енгізілді.", considered_at=_at(PROPOSALS_CONSIDERED_ON)),
        Proposal(cycle_id=cycle.id, received_at=_at(date(2025, 9, 20)), consent=False, state=ProposalState.REJECTED,
                 text="Мұғалімдердің жалақысын жариялау керек.", considered_at=_at(PROPOSALS_CONSIDERED_ON),
                 reason="Жалақы – дербес дерек; бюджет шығыстары сайтта жалпы сомамен жарияланады."),
        Proposal(cycle_id=cycle.id, received_at=_at(date(2025, 9, 21)), consent=False, state=ProposalState.SPAM,
                 text="Арзан несие! Хабарласыңыз.", considered_at=_at(PROPOSALS_CONSIDERED_ON)),
        ProtocolItem(cycle_id=cycle.id, position=1,
                     heard="Ата-аналар комитетінің өкілі: асханаға азық-түлік жеткізушіні таңдау тәртібін сайтта "
                           "түсіндіру.",
                     decision="Қабылданды: мемлекеттік сатып алу бөлімінің ұсыныстарына қосылсын."),
        ProtocolItem(cycle_id=cycle.id, position=2,
                     heard="Жұмыс тобының хатшысы: талдау Үлгілік қағидаларға сәйкес жүргізілді, анықтама жобасының "
                           "деректері объективті.",
                     decision="Анықтама мен іс-шаралар жоспары белгіленген мерзімде бекітілсін."),
    ])
    if submission is None or not plan_from_recommendations(cycle, submission):
        db.session.add(PlanMeasure(cycle_id=cycle.id, position=1, section="procurement",
                                   risk="Бір көзден сатып алу үлесінің жоғары болуы",
                                   measure="Сатып алу жоспарын тоқсан сайын жұмыс тобында қарау",
                                   completion_form="Жұмыс тобының хаттамасы", responsible="Бас бухгалтер",
                                   deadline=date(2026, 3, 31)))
    db.session.flush()
    measures = db.session.scalars(select(PlanMeasure).filter_by(cycle_id=cycle.id)
                                  .order_by(PlanMeasure.position)).all()
    # Give the first measure a dated deadline that has passed, so the follow-up shows an overdue one.
    measures[0].deadline = date(2026, 3, 31)
    for index, measure in enumerate(measures):
        done = index % 3 == 1
        db.session.add(MeasureReport(measure_id=measure.id, quarter="2026-Q1",
                                     state=MeasureState.DONE if done else MeasureState.IN_PROGRESS,
                                     note="Бұйрық шығарылды, сайтта жарияланды." if done else None,
                                     reported_at=_at(date(2026, 4, 3))))
        if index == 0:
            db.session.add(MeasureReport(measure_id=measure.id, quarter="2026-Q2", state=MeasureState.OVERDUE,
                                         note=overdue_reason, reported_at=_at(date(2026, 7, 3))))


def load_cycles() -> None:
    """Write the demo cycles where they are missing (see the module docstring)."""
    units = {u.code: u for u in db.session.scalars(select(OrgUnit).where(OrgUnit.code.in_(["rudny-7", "rudny-3"])))}
    periods = {p.code: p for p in db.session.scalars(select(Period).where(Period.code.in_(["2025-H2", "2026-H2"])))}
    if len(units) < 2 or len(periods) < 2:
        return
    _completed_cycle(units["rudny-7"], periods["2025-H2"],
                     "Жеткізушімен шарт бұзылды; жаңа сатып алу рәсімі қаңтарда басталады.")
    _completed_cycle(units["rudny-3"], periods["2025-H2"], "Бас бухгалтер ұзақ демалыста.")
    cycle = _cycle(units["rudny-7"], periods["2026-H2"], announced_on=date(2026, 10, 30),
                   analysis_from=date(2026, 11, 2), analysis_to=date(2026, 12, 18), order_number="317",
                   order_date=date(2026, 10, 29), proposals_until=date(2026, 12, 20), proposals_open=True)
    if cycle is not None:
        db.session.add_all([
            Proposal(cycle_id=cycle.id, received_at=_at(date(2026, 11, 9), 8), consent=True,
                     author_name="Жұмабаев Ерлан", contact="erlan@example.kz",
                     text="Мектеп формасын сатып алу кезінде ата-аналарға бір дүкенді ұсынбаңыз."),
            Proposal(cycle_id=cycle.id, received_at=_at(date(2026, 11, 17), 13), consent=False,
                     text="Үйірмелерге қабылдау тәртібін сайтта жариялау керек."),
        ])
