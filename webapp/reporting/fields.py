"""Form fields for report data: counts, sums in tenge, dates inside the half-year, long texts.

They accept what clerks actually type ("22 266 028,65", "22266028.65", "10.06.2025") and say clearly
what is wrong otherwise.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal
from functools import cache

from flask import request
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import ImmutableMultiDict
from wtforms import DateField, SelectChoice, StringField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import TextInput

from ..i18n import number as format_number

MAX_TEXT = 10_000
# An INTEGER column on PostgreSQL (and every figure summed from such counts) holds up to 2³¹ − 1.
MAX_COUNT = 2**31 - 1

# What may stand between groups of three digits: a space, a no-break space (Babel's, Word's), a narrow
# no-break space (Babel's French-style grouping), a thin space, an apostrophe (Swiss style, Excel exports).
_GROUP = "[ \u00a0\u202f\u2009'\u2019]"
# A number as clerks type it: digits (ASCII only: «٣» is not a number here), optionally grouped by three,
# then optionally a decimal comma or point and the decimals. Groups of other sizes are refused, because
# «22 266 028 65» is a slip of the comma, not 2 226 602 865.
_NUMBER = re.compile(rf"(?P<int>[0-9]+(?:{_GROUP}+[0-9]+)*)(?:[.,](?P<frac>[0-9]*))?")
_GROUPED = re.compile(rf"[0-9]{{1,3}}(?:{_GROUP}+[0-9]{{3}})*")
_GROUP_RUN = re.compile(f"{_GROUP}+")
# A trailing currency: «₸», «тг», «тг.», «тенге», «KZT» (any case), with or without a space before it.
_CURRENCY = re.compile(r"\s*(₸|тг\.?|тңг\.?|теңге|тенге|kzt)\s*$", re.IGNORECASE)
_TRIM = re.compile(r"^[\s\u00a0\u202f\u2009]+|[\s\u00a0\u202f\u2009]+$")


# Control characters no clerk means to type: NUL (PostgreSQL refuses it in text), the rest of C0 but tab,
# line feed and carriage return, DEL and C1 (Word documents refuse them, so the DOCX certificate would).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    """`value` without control characters (tabs and line breaks kept)."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def _cleaned(values: ImmutableMultiDict) -> ImmutableMultiDict | None:
    """A copy without control characters, or None when there were none."""
    items = list(values.items(multi=True))
    if not any(_CONTROL.search(value) for _key, value in items) and not any(_CONTROL.search(k) for k, _v in items):
        return None
    return ImmutableMultiDict([(clean_text(key), clean_text(value)) for key, value in items])


def clean_request_text() -> None:
    """Before every request: control characters leave the form and the query string, whatever the form.

    One place for every text a browser sends (section forms, reasons, admin forms, the login, search
    boxes), so a pasted NUL can never reach PostgreSQL (a 500) or a certificate.
    """
    cleaned_args = _cleaned(request.args)
    if cleaned_args is not None:
        request.args = cleaned_args
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.mimetype in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        cleaned_form = _cleaned(request.form)
        if cleaned_form is not None:
            request.form = cleaned_form


class NumberError(ValueError):
    """Why a typed number is refused: the field turns it into a message in the user's language."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind  # "format" | "grouping" | "negative" | "decimals" | "whole"


def parse_number(text: str | None, decimals: int, currency: bool = False) -> Decimal | None:
    """A number typed by a clerk → Decimal (None for blank).

    Accepts «22 266 028,65», «22 266 028,65» with no-break or narrow no-break spaces, «22266028.65»,
    «1'250», and with `currency` a trailing «₸», «тг» or «KZT». Refuses, with NumberError.kind:
    "grouping" when digit groups are not of three (after the first), "negative" for a minus sign,
    "decimals" for more than `decimals` decimals (for 0: "whole"), "format" for anything else
    (letters, two decimal separators, non-ASCII digits such as «٣»).
    """
    text = _TRIM.sub("", text or "")
    if not text:
        return None
    if currency:
        text = _CURRENCY.sub("", text)
    if not text:  # a currency sign alone
        raise NumberError("format")
    if text[0] in "-−–":
        rest = text.lstrip("-−–").strip()
        if _NUMBER.fullmatch(rest):
            raise NumberError("negative")
        raise NumberError("format")
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise NumberError("format")
    whole, fraction = match.group("int"), match.group("frac")
    if _GROUP_RUN.search(whole) and not _GROUPED.fullmatch(whole):
        raise NumberError("grouping")
    if fraction is not None and len(fraction) > decimals or fraction == "":
        raise NumberError("whole" if decimals == 0 else "decimals")
    return Decimal(_GROUP_RUN.sub("", whole) + ("." + fraction if fraction else ""))


class _NumberField(StringField):
    """Shared by counts, decimals and sums: lenient in what it reads, strict in what it believes.

    `maximum` is the largest value the field's column (and the figures summed from it) can hold on both
    SQLite and PostgreSQL; anything larger is refused with the bound in the message, never cut or rounded.
    """

    decimals = 0
    currency = False
    maximum: Decimal | int = MAX_COUNT
    input_mode = "numeric"

    def __init__(self, label=None, validators=None, maximum=None, **kwargs):
        kwargs.setdefault("render_kw", {}).update({"inputmode": self.input_mode, "autocomplete": "off"})
        super().__init__(label, validators or [Optional()], **kwargs)
        if maximum is not None:
            self.maximum = maximum

    def format_error(self, kind: str):
        return self.message

    def process_formdata(self, valuelist):
        self.raw = valuelist[0] if valuelist else ""
        try:
            value = parse_number(self.raw, self.decimals, self.currency)
        except NumberError as error:
            self.data = None
            raise ValueError(self.format_error(error.kind)) from None
        if value is not None and value > self.maximum:
            self.data = None
            raise ValueError(_l("At most %(maximum)s.", maximum=self.shown(self.maximum)))
        self.data = None if value is None else self.converted(value)

    def converted(self, value: Decimal):
        return value

    def shown(self, value) -> str:
        return format_number(value)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else self.shown(self.data)


class CountField(_NumberField):
    """A whole number from 0 to 2 147 483 647; «1 250» and «1250» both work, «1 25» does not."""

    def format_error(self, kind: str):
        if kind == "grouping":
            return _l("Group the digits by three, e.g. 1 250.")
        if kind == "negative":
            return _l("The value cannot be negative.")
        return _l("Enter a whole number, 0 or more.")

    def converted(self, value: Decimal) -> int:
        return int(value)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else str(self.data)


class DecimalNumberField(_NumberField):
    """A number ≥ 0 with at most 2 decimals, such as 1,5 staff units; at most 9 999,99 (Numeric(6, 2))."""

    decimals = 2
    maximum = Decimal("9999.99")
    input_mode = "decimal"
    message = _l("Enter a number, 0 or more, with at most 2 decimals, e.g. 1,5.")

    def format_error(self, kind: str):
        if kind == "negative":
            return _l("The value cannot be negative.")
        if kind == "grouping":
            return _l("Group the digits by three and put a comma before the decimals, e.g. 1 250,5.")
        return self.message

    def shown(self, value) -> str:
        return format_number(value)


class MoneyField(DecimalNumberField):
    """A sum in tenge ≥ 0 with at most 2 decimals: «22 266 028,65», «22266028.65», «22 266 028,65 ₸», «41 440 тг».

    At most 999 999 999 999,99 ₸, what a Numeric(14, 2) column holds; that many digits also survive SQLite's
    floating-point storage exactly, so no tiyn is ever lost.
    """

    currency = True
    maximum = Decimal("999999999999.99")
    message = _l("Enter a sum in tenge with at most 2 decimals, e.g. 22 266 028,65.")

    def format_error(self, kind: str):
        if kind == "grouping":
            return _l("Group the digits by three and put a comma before the tiyn, e.g. 22 266 028,65.")
        return super().format_error(kind)

    def shown(self, value) -> str:
        return format_number(value, digits=2)


# What a date field accepts as typed: 23.04.2025 (also 3.4.2025) and 2025-04-23. Not 06/04/2020, which an
# English-speaking clerk means as 4 June and a Kazakh one as 6 April.
_DAY_FIRST = re.compile(r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})")
_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
# The same, for the browser: the input's `pattern`, so the page's script can tell a half-typed date
# (input.validity.patternMismatch) and not save it yet.
DATE_PATTERN = r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
FIRST_YEAR = 2000


def _today() -> date:
    from ..i18n import local_now

    try:
        return local_now().date()
    except RuntimeError:  # outside the app
        return date.today()


def _typed_date(year: int, month: int, day: int, text: str) -> date:
    """The date a clerk typed as `text` (read as year, month, day), or ValueError with the message shown next to
    the field: a year before FIRST_YEAR or after next year, or no such day («31.02.2024»)."""
    if year < FIRST_YEAR:
        raise ValueError(_l("The year must be %(year)s or later.", year=FIRST_YEAR))
    if year > _today().year + 1:
        raise ValueError(_l("The year cannot be later than %(year)s.", year=_today().year + 1))
    # Say what is wrong, not only that it is (issue 11 review: «13.2024» answered «no such date»).
    if not 1 <= month <= 12:
        raise ValueError(_l("There is no month %(month)s: months are numbered 1 to 12 (%(text)s).",
                            month=month, text=text))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(_l("There is no day %(day)s in that month: its last day is %(days)s (%(text)s).",
                            day=day, days=days, text=text))
    return date(year, month, day)


class ReportDateField(DateField):
    """A date typed the same in every browser: a text field «дд.мм.гггг» that reads «23.04.2025».

    Not the browser's date input, whose format follows the browser's language (an English-language Chromium
    turns «23.04.2025» into an invalid «02/30/42025»). Years before 2000 or after next year are refused.
    `half_year` says where the date belongs: "inside" the analysed half-year, "not_after" its end, or None
    (a deadline, the certificate's own date); a date elsewhere is saved and the section shows a warning
    (see sections.date_warnings), since a late order or an early appeal can be right.
    """

    widget = TextInput()
    half_year: str | None = "not_after"

    def __init__(self, label=None, validators=None, half_year: str | None = "default", **kwargs):
        render_kw = kwargs.setdefault("render_kw", {})
        render_kw.update({"placeholder": _l("dd.mm.yyyy"), "pattern": DATE_PATTERN, "maxlength": 10,
                          "autocomplete": "off", "data-date-field": "dd.mm.yyyy", **render_kw})
        super().__init__(label, validators or [Optional()], format="%d.%m.%Y", **kwargs)
        if half_year != "default":
            self.half_year = half_year

    def process_formdata(self, valuelist):
        text = _TRIM.sub("", valuelist[0] if valuelist else "")
        self.data = None
        if not text:
            return
        match = _DAY_FIRST.fullmatch(text) or _ISO.fullmatch(text)
        if match is None:
            raise ValueError(_l("Enter a date as day.month.year, e.g. 23.04.2025."))
        self.data = _typed_date(int(match["y"]), int(match["m"]), int(match["d"]), text)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return self.data.strftime("%d.%m.%Y") if isinstance(self.data, date) else ""


# A month as typed where the day is not known: 02.2024 (also 2.2024) and 2024-02.
_MONTH_FIRST = re.compile(r"(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})")
_ISO_MONTH = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})")
MONTH_OR_DATE_PATTERN = rf"{DATE_PATTERN}|[0-9]{{1,2}}\.[0-9]{{4}}|[0-9]{{4}}-[0-9]{{1,2}}"


def month_or_date(value) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) of a stored MonthOrDateField value ("2024-02" or "2024-02-23"); None if blank."""
    if not value:
        return None
    if isinstance(value, date):
        return value.year, value.month, value.day
    parts = [int(p) for p in str(value).split("-")]
    return parts[0], parts[1], (parts[2] if len(parts) > 2 else None)


class MonthOrDateField(StringField):
    """When something happened, to the day if known, else to the month, as documents tell it («2024 жылғы
    ақпанда … тексеру жүргізді»): «23.02.2024» or «02.2024» typed, stored as ISO text "2024-02-23" or "2024-02"
    (so stored values sort in time). The years allowed are ReportDateField's. Where it belongs in time is
    ReportDateField's `half_year` rule; the default "not_after": an event before the half-year can be right
    (an inspection held earlier whose result came in the half-year, as the seed's February 2024 inspection in a
    2024-H2–2025-H1 certificate), one after its end cannot, and is saved with a warning (sections.date_warnings).
    """

    widget = TextInput()
    half_year: str | None = "not_after"

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = kwargs.setdefault("render_kw", {})
        render_kw.update({"placeholder": _l("dd.mm.yyyy or mm.yyyy"), "pattern": MONTH_OR_DATE_PATTERN,
                          "maxlength": 10, "autocomplete": "off", **render_kw})
        super().__init__(label, validators or [Optional()], filters=[lambda v: v or None], **kwargs)

    def process_formdata(self, valuelist):
        text = _TRIM.sub("", valuelist[0] if valuelist else "")
        self.data = None
        if not text:
            return
        day_match = _DAY_FIRST.fullmatch(text) or _ISO.fullmatch(text)
        match = day_match or _MONTH_FIRST.fullmatch(text) or _ISO_MONTH.fullmatch(text)
        if match is None:
            raise ValueError(_l("Enter a date as day.month.year (23.02.2024) or a month as month.year (02.2024)."))
        on = _typed_date(int(match["y"]), int(match["m"]), int(day_match["d"]) if day_match else 1, text)
        self.data = on.isoformat() if day_match else on.isoformat()[:7]

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return month_or_date_text(self.data)


def month_or_date_text(value) -> str:
    """A stored MonthOrDateField value as a clerk types it: «23.02.2024», «02.2024»; "" if blank."""
    parts = month_or_date(value)
    if parts is None:
        return ""
    year, month, day = parts
    return f"{day:02d}.{month:02d}.{year}" if day else f"{month:02d}.{year}"


@cache
def unbound_fields(form_class) -> tuple[tuple[str, UnboundField], ...]:
    """(name, unbound field) of a form class in declaration order, read without building the form (which
    would need a request context). Kept per class: a form class is complete once defined (the companions of
    translatable texts are added by SectionForm.__init_subclass__), and walking dir() of a form each time was
    a tenth of a section save's CPU (a status panel asks for the same forms' fields dozens of times)."""
    found = [(name, value) for name in dir(form_class)
             if not name.startswith("_") and isinstance(value := getattr(form_class, name, None), UnboundField)]
    return tuple(sorted(found, key=lambda item: item[1].creation_counter))


def unbound_label(unbound: UnboundField):
    """The label an unbound field was declared with (a lazy string), or None."""
    return unbound.args[0] if unbound.args else unbound.kwargs.get("label")


def date_fields(form_class) -> list[tuple[str, object, str | None]]:
    """(name, label, half_year) of a form class's report dates, read without building the form."""
    found = []
    for name, unbound in unbound_fields(form_class):
        if issubclass(unbound.field_class, ReportDateField | MonthOrDateField):
            half_year = unbound.kwargs.get("half_year", "default")
            found.append((name, unbound_label(unbound),
                          unbound.field_class.half_year if half_year == "default" else half_year))
    return found


# A text a school types may carry a version in the other official language: a translatable field gets a
# companion field named `<name>__tr` (see forms.SectionForm), kept in the owner's `translations` (entries,
# rows) or beside the figure in `facts` (facts forms).
TRANSLATION_SUFFIX = "__tr"


class TranslatableTextArea(TextAreaField):
    """A long free text that may also be written in the other official language."""

    translatable = True


class TranslatableString(StringField):
    """A one-line free text (a title, a position, a name) that may also be written in the other language."""

    translatable = True


class TranslatablePersonName(TranslatableString):
    """A person's name: may be spelt in the other language's letters («Бірманова Қ.И.» / «Бирманова К.И.»), but
    reads the same in both, so a name without its other spelling is shown as typed and never listed as missing."""

    person_name = True


def PersonName(label, required: bool = False, max_length: int = 200, **kwargs):  # noqa: N802
    """A person's name (surname and initials), trimmed; see TranslatablePersonName."""
    validators = [DataRequired()] if required else [Optional()]
    return TranslatablePersonName(label, validators=[*validators, Length(max=max_length)], filters=[_strip],
                                  **kwargs)


def LongText(label, translatable: bool = True, **kwargs):  # noqa: N802  (reads like a field class)
    """Free text up to 10,000 characters; `translatable` texts may carry a version in the other language."""
    field_class = TranslatableTextArea if translatable else TextAreaField
    return field_class(label, validators=[Optional(), Length(max=MAX_TEXT)], **kwargs)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def ShortText(label, required: bool = False, max_length: int = 500,  # noqa: N802
              translatable: bool | None = None, **kwargs):
    """One line of text, trimmed; a required one refuses blanks and spaces alike.

    Words (titles, positions, names, over 100 characters long at most) may carry a version in the other
    language; short ones are numbers of orders, cases and protocols, the same in both (`translatable` says
    otherwise where the length misleads, e.g. a website address)."""
    validators = [DataRequired()] if required else [Optional()]
    if translatable is None:
        translatable = max_length > 100
    field_class = TranslatableString if translatable else StringField
    return field_class(label, validators=[*validators, Length(max=max_length)], filters=[_strip], **kwargs)


def translation_field(unbound):
    """The companion of a translatable unbound field: the same kind of input, never required."""
    length = next((v.max for v in unbound.kwargs.get("validators", ()) if isinstance(v, Length)), MAX_TEXT)
    multiline = issubclass(unbound.field_class, TextAreaField)
    return (TextAreaField if multiline else StringField)(
        unbound.args[0] if unbound.args else unbound.kwargs.get("label"),
        validators=[Optional(), Length(max=length)], filters=[_strip])


def choices(pairs) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 wants SelectChoice objects)."""
    return [SelectChoice(value, label) for value, label in pairs]
