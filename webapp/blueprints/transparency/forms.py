import re

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

from ...reporting.fields import CountField, ShortText
from ...reporting.forms import SectionForm

# Lenient on purpose: clerks type "rudnymektep7.edu.kz" as often as "http://rudnymektep7.edu.kz/".
_WEB_ADDRESS = re.compile(r"(https?://)?[^\s/.]+(\.[^\s/.]+)+(/\S*)?", re.IGNORECASE)


class TransparencyFactsForm(SectionForm):
    website = ShortText(_l("Official website"), max_length=300, translatable=False,  # addresses, not words
                        description=_l("e.g. http://rudnymektep7.edu.kz/"))
    social_accounts = ShortText(_l("Official social media accounts"), max_length=1000, translatable=False,
                                description=_l("e.g. https://www.instagram.com/school7_rud/"))
    publications_count = CountField(_l("Publications about the school's activity"))

    def validate_website(self, field):
        if field.data and not _WEB_ADDRESS.fullmatch(field.data.strip()):
            raise ValidationError(_l("Enter a web address such as http://rudnymektep7.edu.kz/."))
