from ...extensions import db
from ...reporting.models import SectionRow
from ..inspections.models import InspectionColumns


class FiscalInspection(InspectionColumns, SectionRow, db.Model):
    """An inspection by a fiscal body; same columns as a supervisory inspection."""

    __tablename__ = "fiscal_inspection"
    section_code = "fiscal"
