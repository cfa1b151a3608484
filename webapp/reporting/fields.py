"""Form fields for report data: counts, sums in tenge, dates inside the half-year, long texts.

They accept what clerks actually type ("22 266 028,65", "22266028.65", "10.06.2025") and say clearly
what is wrong otherwise.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..i18n import number as format_number

MAX_TEXT = 10_000
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def _clean_number(text: str) -> str:
    return _SPACES.sub("", text or "").replace(",", ".")


class CountField(StringField):
    """A whole number ≥ 0; spaces between thousands are fine."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {}).update({"inputmode": "numeric", "autocomplete": "off"})
        super().__init__(label, validators or [Optional()], **kwargs)

    def process_formdata(self, valuelist):
        self.raw = valuelist[0] if valuelist else ""
        text = _clean_number(self.raw)
        if not text:
            self.data = None
            return
        if not re.fullmatch(r"\d+", text):
            self.data = None
            raise ValueError(_l("Enter a whole number, 0 or more."))
        self.data = int(text)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else str(self.data)


class DecimalNumberField(StringField):
    """A number ≥ 0 with at most 2 decimals, such as 1,5 staff units."""

    message = _l("Enter a number, 0 or more, with at most 2 decimals, e.g. 1,5.")

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("render_kw", {}).update({"inputmode": "decimal", "autocomplete": "off"})
        super().__init__(label, validators or [Optional()], **kwargs)

    def process_formdata(self, valuelist):
        raw = valuelist[0] if valuelist else ""
        text = _clean_number(raw)
        if not text:
            self.data = None
            return
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or not re.fullmatch(r"\d+(\.\d{1,2})?", text):
            self.data = None
            if value is not None and value.is_finite() and value < 0:
                raise ValueError(_l("The value cannot be negative."))
            raise ValueError(self.message)
        self.data = value

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else format_number(self.data)


class MoneyField(DecimalNumberField):
    """A sum in tenge ≥ 0 with at most 2 decimals: "22 266 028,65" and "22266028.65" both work."""

    message = _l("Enter a sum in tenge with at most 2 decimals, e.g. 22 266 028,65.")

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else format_number(self.data, digits=2)


class ReportDateField(DateField):
    """A date typed as 2025-06-10 (the date picker) or 10.06.2025; never after the half-year ends."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators or [Optional()], format=["%Y-%m-%d", "%d.%m.%Y"], **kwargs)

    def process_formdata(self, valuelist):
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            self.data = None
            return
        for fmt in self.format:
            try:
                self.data = datetime.strptime(text, fmt).date()
                return
            except ValueError:
                continue
        self.data = None
        raise ValueError(_l("Enter a date such as 10.06.2025."))

    def pre_validate(self, form):
        period = getattr(form, "period", None)
        if self.data and period is not None and self.data > period.ends_on:
            raise ValidationError(_l("The date is after the end of the half-year (%(end)s).",
                                end=period.ends_on.strftime("%d.%m.%Y")))

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return self.data.isoformat() if isinstance(self.data, date) else ""


def LongText(label, **kwargs):  # noqa: N802  (reads like a field class)
    """Free text up to 10,000 characters."""
    return TextAreaField(label, validators=[Optional(), Length(max=MAX_TEXT)], **kwargs)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def ShortText(label, required: bool = False, max_length: int = 500, **kwargs):  # noqa: N802
    """One line of text, trimmed; a required one refuses blanks and spaces alike."""
    validators = [DataRequired()] if required else [Optional()]
    return StringField(label, validators=[*validators, Length(max=max_length)], filters=[_strip], **kwargs)


def choices(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 wants SelectChoice objects)."""
    return [SelectChoice(value, label) for value, label in pairs]
