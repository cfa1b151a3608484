from flask_babel import lazy_gettext as _l

from ...extensions import db
from ...reporting.models import Submission
from ...reporting.sections import PlanColumns, RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import frame as certificate_frame
from .forms import ConclusionFactsForm, FollowUpForm, RecommendationForm
from .models import FollowUp, Recommendation


def _short(text: str, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def followups_have_status(data: SectionData) -> list[str]:
    missing = [row for row in data.rows.get("followups", []) if not row.status]
    if missing:
        items = "; ".join(f"«{_short(row.text)}»" for row in missing)
        return [str(_l("Say what became of these recommendations of the last half-year: %(items)s.", items=items))]
    return []


def follow_up_previous_recommendations(previous: SectionData, submission: Submission) -> bool:
    """The last half-year's action plan becomes this half-year's list to report on: the approved plan with its
    quarterly states pre-filled when there is one (webapp/blueprints/cycle), else the recommendations, each
    without a status."""
    from ..cycle.services import plan_followups

    planned = plan_followups(submission)
    if planned:
        for position, values in enumerate(planned, start=1):
            db.session.add(FollowUp(submission_id=submission.id, position=position, carried_over=True, **values))
        return True
    copied = False
    for position, row in enumerate(previous.rows.get("recommendations", []), start=1):
        db.session.add(FollowUp(submission_id=submission.id, position=position, text=row.text,
                                translations={"text": row.translations["text"]}
                                if (row.translations or {}).get("text") else {},
                                deadline_kind=row.deadline_kind, deadline_date=row.deadline_date,
                                status=None, carried_over=True))
        copied = True
    return copied


section = register(Section(
    code="conclusion",
    number="",
    title=_l("Conclusion"),
    hint=_l("The overall finding of the analysis, the working group's recommendations with their deadlines, "
            "and what became of the last half-year's recommendations."),
    facts_form=ConclusionFactsForm,
    required_facts=("overall_finding",),
    row_lists=(
        # Over several half-years the latest plan stands, and the latest report on the one before it.
        RowList("recommendations", Recommendation, RecommendationForm, _l("Recommendations of the working group"),
                as_at=True, plan=PlanColumns()),
        RowList("followups", FollowUp, FollowUpForm, _l("Recommendations of the last half-year"), as_at=True),
    ),
    required_rows=("recommendations",),
    checks=(followups_have_status,),
    on_start=follow_up_previous_recommendations,
    certificate_part="frame",
    certificate_frame=certificate_frame,
    figures=lambda data: {"followups": data.count("followups"),
                          "followups_done": data.count("followups", lambda row: row.status == "done")},
))
bp = make_blueprint(section, __name__)
