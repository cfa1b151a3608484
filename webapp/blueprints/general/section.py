from flask_babel import lazy_gettext as _l

from ...reporting.sections import RowList, Section, SectionData, register
from ...reporting.views import make_blueprint
from .certificate import frame as certificate_frame
from .forms import GeneralFactsForm, WorkingGroupMemberForm
from .models import WorkingGroupMember


def one_head(data: SectionData) -> list[str]:
    """A working group, when listed, is led by exactly one head (the order names one person)."""
    members = data.rows.get("working_group") or []
    if not any(member.role for member in members):
        return []  # roles are optional: many orders list the members only
    heads = sum(1 for member in members if member.role == "head")
    if heads == 0:
        return [str(_l("The working group has no head: mark one member as the head of the working group."))]
    if heads > 1:
        return [str(_l("The working group has %(count)s heads; it must have exactly one.", count=heads))]
    return []


section = register(Section(
    code="general",
    number="",
    title=_l("General information"),
    hint=_l("The head's order launching the analysis, who signs and approves the certificate, the public "
            "announcement and discussion, the information sources used and the working group."),
    triplet=False,
    may_be_empty=False,  # the certificate's header: every analysis has one
    facts_form=GeneralFactsForm,
    required_facts=("order_number", "order_date", "certificate_date", "signatory_name", "signatory_position"),
    carry_over_facts=("signatory_name", "signatory_position", "approver_name", "approver_position"),
    row_lists=(
        RowList("working_group", WorkingGroupMember, WorkingGroupMemberForm, _l("Working group"),
                carry_over=True, as_at=True),
    ),
    checks=(one_head,),
    certificate_part="frame",
    certificate_frame=certificate_frame,
))
bp = make_blueprint(section, __name__)
