"""The forms every section shares: the narrative triplet and the warnings explanation."""

from functools import cache

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField
from wtforms.fields.core import UnboundField
from wtforms.validators import ValidationError

from .fields import TRANSLATION_SUFFIX, LongText, choices, translation_field


def _yes_no(value):
    if value in (True, "yes", "True", "1"):
        return True
    if value in (False, "no", "False", "0"):
        return False
    return None


def _translatable(form_class) -> tuple[str, ...]:
    unbound = [(name, value) for name in dir(form_class)
               if not name.startswith("_") and isinstance(value := getattr(form_class, name), UnboundField)
               and getattr(value.field_class, "translatable", False)]
    unbound.sort(key=lambda item: item[1].creation_counter)
    return tuple(name for name, _value in unbound)


@cache
def translatable_names(form_class) -> tuple[str, ...]:
    """The fields of a form class that may carry a version in the other language, in declaration order.
    Kept per class (a section save asked four times, each a walk over dir() of the form); the companions added
    at class creation are plain text fields, never translatable themselves, so the answer is the same before
    and after."""
    return _translatable(form_class)


class SectionForm(FlaskForm):
    """Base of every section form: knows the half-year, so dates after its end are refused.

    Each translatable text field `x` gets a companion `x__tr`, the same text in the other official language:
    the clerk writes either or both side by side. `populate_obj` keeps companions in the object's
    `translations` ({"x": text}); a facts form keeps them in `facts` beside the figure (facts_from_form).
    Bound fields know their pair: `form.x.translation` is the companion, `form.x__tr.translation_of` the name.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in _translatable(cls):  # the class is not complete yet: nothing kept
            if not hasattr(cls, name + TRANSLATION_SUFFIX):
                setattr(cls, name + TRANSLATION_SUFFIX, translation_field(getattr(cls, name)))

    def __init__(self, *args, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        for name, f in self._fields.items():
            if name.endswith(TRANSLATION_SUFFIX):
                f.translation_of = name.removesuffix(TRANSLATION_SUFFIX)
                self._fields[f.translation_of].translation = f

    def process(self, formdata=None, obj=None, data=None, extra_filters=None, **kwargs):
        """Companions start from the object's `translations` when the form is built from an object."""
        translations = getattr(obj, "translations", None) if obj is not None else None
        for name, text in (translations or {}).items():
            kwargs.setdefault(name + TRANSLATION_SUFFIX, text)
        super().process(formdata, obj, data=data, extra_filters=extra_filters, **kwargs)

    def populate_obj(self, obj):
        """Every field onto `obj`; the companions into `obj.translations` (a new dict, so the change is saved)."""
        for name in self._fields:
            self.populate_field(obj, name)

    def populate_field(self, obj, name: str) -> None:
        """One field onto `obj` (for saves of a single field): a companion goes into `obj.translations`."""
        f = self._fields[name]
        base = getattr(f, "translation_of", None)
        if base is None:
            f.populate_obj(obj, name)
            return
        translations = dict(getattr(obj, "translations", None) or {})
        text = (f.data or "").strip()
        if text:
            translations[base] = text
        else:
            translations.pop(base, None)
        obj.translations = translations


class NarrativeForm(SectionForm):
    nothing_to_report = BooleanField(_l("Nothing to report: this does not apply to our school this half-year"))
    risks = LongText(_l("Corruption risks"))
    basis = LongText(_l("Basis"))
    recommendations = LongText(_l("Recommendations to eliminate them"))
    violation_found = RadioField(_l("Was a violation found?"), choices=choices([("no", _l("No")), ("yes", _l("Yes"))]),
                                 coerce=_yes_no, validate_choice=False)
    violation_description = LongText(_l("Description of the violation"))

    def validate_violation_found(self, field):
        if field.raw_data and field.raw_data[0] not in ("yes", "no"):
            raise ValidationError(_l("Choose yes or no."))


class ExplanationForm(SectionForm):
    warnings_explanation = LongText(_l("Why the figures are right as they are"), translatable=False)
