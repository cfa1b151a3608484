from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField

from ...i18n import current_language
from ...reporting.fields import PersonName, ReportDateField, ShortText, choices
from ...reporting.forms import SectionForm

# Clause 15 of the Typical Rules: the sources an internal analysis may draw on. The certificate prints them
# in either language whatever the UI language, so both texts live here rather than in the catalogues.
# Kazakh as in the seed certificate (section 2), Russian as in the Russian text of the Rules; without the
# "1)" numbering and the closing ";" which the certificate adds.
INFORMATION_SOURCES = [
    {"kk": "талдау объектісінің қызметін реттейтін құқықтық актілер мен ішкі құжаттар",
     "ru": "правовые акты и внутренние документы, регулирующие деятельность объекта анализа"},
    {"kk": "талдау объектісінің қызметі туралы статистикалық есептілік",
     "ru": "статистическая отчетность о деятельности объекта анализа"},
    {"kk": "Қазақстан Республикасының заңнамасында белгіленген тәртіппен алынған талдау объектісінің қызметі "
           "туралы мемлекеттік және құқық қорғау органдарының ақпараттық жүйелерінің деректері",
     "ru": "данные информационных систем государственных и правоохранительных органов о деятельности объекта "
           "анализа, полученные в порядке, установленном законодательством Республики Казахстан"},
    {"kk": "талдау объектісіне қатысты бұрын мемлекеттік органдар жүргізген тексерулердің нәтижелері",
     "ru": "результаты ранее проведенных государственными органами проверок в отношении объекта анализа"},
    {"kk": "ішкі бақылау қызметтерінің бақылау іс-шараларының нәтижелері",
     "ru": "результаты контрольных мероприятий служб внутреннего контроля"},
    {"kk": "сыбайлас жемқорлыққа қарсы мониторинг нәтижелері",
     "ru": "результаты антикоррупционного мониторинга"},
    {"kk": "бұқаралық ақпарат құралдарында жарияланымдар",
     "ru": "публикации в средствах массовой информации"},
    {"kk": "талдау объектісіне қатысты жеке және заңды тұлғалардың өтініштері",
     "ru": "обращения физических и юридических лиц в отношении объекта анализа"},
    {"kk": "талдау объектісінің лауазымды адамдарын сыбайлас жемқорлық құқық бұзушылықтар жасағаны, оның ішінде "
           "қылмыстық құқық бұзушылық пен заңның басқа да бұзушылықтарын жасауға ықпал еткен мән-жайларды жою "
           "жөнінде ұсынғаны үшін жауапқа тарту туралы мәліметтер",
     "ru": "сведения о привлечении должностных лиц объекта анализа к ответственности за совершение коррупционных "
           "правонарушений, в том числе о представлениях об устранении обстоятельств, способствовавших "
           "совершению уголовного правонарушения, и других нарушений закона"},
    {"kk": "талдау объектісі қызметкерлерінің іс-әрекеттеріне қатысты сот органдарының шешімдері, қылмыстық "
           "істердің фабулалары",
     "ru": "решения судебных органов в отношении действий работников объекта анализа, фабулы уголовных дел"},
    {"kk": "сыбайлас жемқорлық тәуекелдеріне бұрын жүргізілген сыртқы талдау нәтижелері",
     "ru": "результаты ранее проведенного внешнего анализа коррупционных рисков"},
    {"kk": "сыбайлас жемқорлық тәуекелдеріне бұрын жүргізілген ішкі талдау нәтижелері",
     "ru": "результаты ранее проведенного внутреннего анализа коррупционных рисков"},
    {"kk": "талдау объектісінің қызметшілеріне, қызметкерлеріне сұрау салу нәтижелері",
     "ru": "результаты опросов служащих, работников объекта анализа"},
    {"kk": "ұсынуға Қазақстан Республикасының заңнамасында тыйым салынбаған өзге де мәліметтер",
     "ru": "иные сведения, не запрещенные к представлению законодательством Республики Казахстан"},
]
SOURCE_FIELDS = tuple(f"source_{number}" for number in range(1, len(INFORMATION_SOURCES) + 1))

ROLES = [("head", _l("head of the working group")), ("member", _l("member")), ("secretary", _l("secretary"))]


class GeneralFactsForm(SectionForm):
    order_number = ShortText(_l("Order launching the analysis: №"), max_length=40)
    order_date = ReportDateField(_l("Order launching the analysis: date"))
    certificate_date = ReportDateField(_l("Date of the certificate"), half_year=None)
    signatory_name = PersonName(_l("Signed by: name"), max_length=200)
    signatory_position = ShortText(_l("Signed by: position"), max_length=300)
    approver_name = PersonName(_l("Approved by («Бекітемін / Утверждаю»): name"), max_length=200,
                              description=_l("Only if the certificate carries an approval block."))
    approver_position = ShortText(_l("Approved by: position"), max_length=300)
    approval_date = ReportDateField(_l("Approval date"), half_year=None)
    announcement_date = ReportDateField(_l("Date the analysis was announced to the public"), half_year=None)
    public_discussion_date = ReportDateField(_l("Date of the public discussion of the results"), half_year=None)
    public_discussion_protocol = ShortText(_l("Public discussion protocol №"), max_length=40,
                                           description=_l("Leave blank when the protocol has no number."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The sources' wording is the Rules' own, so it comes from the bilingual constant, not the catalogues.
        lang = current_language()
        for name, source in zip(SOURCE_FIELDS, INFORMATION_SOURCES, strict=True):
            self[name].label.text = source[lang]


for _name in SOURCE_FIELDS:
    # FormMeta accepts fields added after the class body; the label is set per language in __init__.
    setattr(GeneralFactsForm, _name, BooleanField())


class WorkingGroupMemberForm(SectionForm):
    name = PersonName(_l("Full name"), required=True, max_length=200)
    position_title = ShortText(_l("Position"), required=True, max_length=300)
    role = SelectField(_l("Role in the working group"),
                       choices=choices([("", _l("— not stated —")), *ROLES]))

    def populate_obj(self, obj):
        super().populate_obj(obj)
        obj.role = obj.role or None  # a role the order does not state stays unknown
