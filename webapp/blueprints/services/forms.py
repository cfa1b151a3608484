from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import ValidationError

from ...i18n import current_language
from ...reporting.fields import CountField, MoneyField, PersonName, ReportDateField, ShortText, choices
from ...reporting.forms import SectionForm

# The public services a school provides, by their official names. The certificate prints them in either
# language whatever the UI language, so both texts live here. Kazakh as in the seed certificate (2.1),
# without its quotation marks; Russian as in the register of public services, with «ё» as the certificate's
# other Russian text writes it («Приём документов»).
PUBLIC_SERVICES = [
    {"code": "admission",
     "kk": "Бастауыш, негізгі орта, жалпы орта білім берудің жалпы білім беретін бағдарламалары бойынша оқыту үшін "
           "ведомстволық бағыныстылығына қарамастан білім беру ұйымдарына құжаттарды қабылдау және оқуға қабылдау",
     "ru": "Приём документов и зачисление в организации образования независимо от ведомственной подчинённости "
           "для обучения по общеобразовательным программам начального, основного среднего, общего среднего "
           "образования"},
    {"code": "transfer",
     "kk": "Бастауыш, негізгі орта, жалпы орта білім беру ұйымдары арасында балаларды ауыстыру үшін құжаттарды "
           "қабылдау",
     "ru": "Приём документов для перевода детей между организациями начального, основного среднего, общего "
           "среднего образования"},
    {"code": "home_schooling",
     "kk": "Бастауыш, негізгі орта, жалпы орта білім беру ұйымдарына денсаулығына байланысты ұзақ уақыт бойы бара "
           "алмайтын балаларды үйде жеке тегін оқытуды ұйымдастыру үшін құжаттарды қабылдау",
     "ru": "Приём документов для организации индивидуального бесплатного обучения на дому детей, которые по "
           "состоянию здоровья в течение длительного времени не могут посещать организации начального, основного "
           "среднего, общего среднего образования"},
    {"code": "document_duplicates",
     "kk": "Негізгі орта, жалпы орта білім туралы құжаттардың телнұсқаларын беру",
     "ru": "Выдача дубликатов документов об основном среднем, общем среднем образовании"},
    {"code": "teacher_attestation",
     "kk": "Мектепке дейінгі тәрбие мен оқыту, бастауыш, негізгі орта, жалпы орта, техникалық және кәсіптік, орта "
           "білімнен кейінгі білім беру бағдарламаларын іске асыратын білім беру ұйымдарының педагогтеріне "
           "біліктілік санаттарын беру (растау) үшін аттестаттаудан өткізуге құжаттарды қабылдау",
     "ru": "Приём документов для прохождения аттестации на присвоение (подтверждение) квалификационных категорий "
           "педагогам организаций образования, реализующих образовательные программы дошкольного воспитания и "
           "обучения, начального, основного среднего, общего среднего, технического и профессионального, "
           "послесреднего образования"},
    {"code": "free_meals",
     "kk": "Жалпы білім беретін мектептердегі білім алушылар мен тәрбиеленушілердің жекелеген санаттарын тегін "
           "және жеңілдікпен тамақтандыруды ұсыну",
     "ru": "Предоставление бесплатного и льготного питания отдельным категориям обучающихся и воспитанников в "
           "общеобразовательных школах"},
    {"code": "camps",
     # The seed misspells «тәрбиеленушілердің» here as «тәрбиенушілердің»; the official name is used.
     "kk": "Мемлекеттік білім беру мекемелеріндегі білім алушылар мен тәрбиеленушілердің жекелеген санаттарына "
           "қала сыртындағы және мектеп жанындағы лагерьлерде демалуы үшін құжаттар қабылдау және жолдама беру",
     "ru": "Приём документов и выдача направлений на предоставление отдыха в загородных и пришкольных лагерях "
           "отдельным категориям обучающихся и воспитанников государственных учреждений образования"},
    {"code": "material_aid",
     "kk": "Мемлекеттік білім беру ұйымдарының білім алушылары мен тәрбиеленушілеріне қаржылық және материалдық "
           "көмек беру",
     "ru": "Оказание финансовой и материальной помощи обучающимся и воспитанникам государственных организаций "
           "образования"},
]
OTHER = "other"  # the choice for a service not in the list; stored as service_code None plus its typed name


class ServicesFactsForm(SectionForm):
    responsibility_order_number = ShortText(_l("Order assigning responsibility for public services: №"),
                                            max_length=40)
    responsibility_order_date = ReportDateField(_l("Order assigning responsibility for public services: date"))
    portal_responsible = ShortText(_l("Responsible for the e-school portal («АРМ»)"), max_length=200)
    portal_order_number = ShortText(_l("Order on the e-school portal: №"), max_length=40)
    portal_order_date = ReportDateField(_l("Order on the e-school portal: date"))
    recipients_total = CountField(_l("Recipients of all services, total"),
                                  description=_l("When the certificate gives only the total, give it here and leave "
                                                 "the services' recipients blank."))


class ServiceProvidedForm(SectionForm):
    service_code = SelectField(_l("Public service"))
    service_name = ShortText(_l("Name of another service"), max_length=500,
                             description=_l("Only when the service is not in the list."))
    legal_basis = ShortText(_l("Legal basis (standard, rules)"), max_length=1000)
    responsible = PersonName(_l("Responsible"), max_length=200)
    recipients = CountField(_l("Recipients"), description=_l("Blank when only a total over all services is known."))
    amount = MoneyField(_l("Amount, ₸"))
    electronic = CountField(_l("Of them electronically"))

    def __init__(self, *args, obj=None, **kwargs):
        super().__init__(*args, obj=obj, **kwargs)
        # The names are the services' official ones, so they come from the bilingual list, not the catalogues.
        lang = current_language()
        self.service_code.choices = choices([("", _l("— choose a service —"))]
                                            + [(s["code"], s[lang]) for s in PUBLIC_SERVICES]
                                            + [(OTHER, _l("another service (type its name)"))])
        if obj is not None and obj.service_code is None and obj.service_name:
            self.service_code.data = OTHER  # stored as None, shown as the "another service" choice

    @staticmethod
    def document_values(values: dict) -> dict:
        """A JSON document's row as this form reads it: a service not in the list may come as its name with no
        code (as stored; version-1 exports wrote it so), which is the "another service" choice."""
        if values.get("service_code") is None and values.get("service_name"):
            return {**values, "service_code": OTHER}
        return values

    def validate_service_code(self, field):
        if not field.data:
            raise ValidationError(_l("Choose the service."))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Form level, because the name field's Optional() ends its own checks when it is empty.
        if self.service_code.data == OTHER and not (self.service_name.data or "").strip():
            self.service_name.errors = [*self.service_name.errors, _l("Type the name of the service.")]
            valid = False
        return valid

    def populate_obj(self, obj):
        super().populate_obj(obj)
        if obj.service_code == OTHER:
            obj.service_code = None
        else:
            obj.service_name = None  # a name typed before picking a listed service is not the service's name
