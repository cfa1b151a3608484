"""2.2 in the certificate: staffing, education shares, categories, hires and dismissals by month, discipline."""

from collections import defaultdict
from decimal import Decimal

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import ru_plural
from ...i18n import number, percent, short_date

KK_MONTHS = ["Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым", "Шілде", "Тамыз", "Қыркүйек", "Қазан",
             "Қараша", "Желтоқсан"]
RU_MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь",
             "Ноябрь", "Декабрь"]
CATEGORY_NAMES = [("category_pedagog", "педагог", "педагог"),
                  ("category_moderator", "педагог-модератор", "педагог-модератор"),
                  ("category_expert", "педагог-сарапшы", "педагог-эксперт"),
                  ("category_researcher", "педагог-зерттеуші", "педагог-исследователь"),
                  ("category_master", "педагог-шебер", "педагог-мастер"),
                  ("category_none", "санатсыз", "без категории")]
# Kazakh nouns stay singular after a number; Russian ones take one / few / many forms.
STAFF = {"teacher": ("педагог қызметкер", ("педагогический работник", "педагогических работника",
                                           "педагогических работников")),
         "support": ("кіші қызметкер", ("технический работник", "технических работника", "технических работников")),
         "administrative": ("әкімшілік қызметкер", ("административный работник", "административных работника",
                                                    "административных работников"))}
WORKERS = ("работник", "работника", "работников")
PENALTIES = {"warning": ("ескерту", "замечание"), "reprimand": ("сөгіс", "выговор"),
             "severe_reprimand": ("қатаң сөгіс", "строгий выговор"), "dismissal": ("жұмыстан босату", "увольнение")}


def _people(n: int, lang: str, kk: str, ru_forms: tuple[str, str, str]) -> str:
    """«76 педагог қызметкер» / «76 педагогических работников»."""
    return f"{number(n, lang)} {kk if lang == 'kk' else ru_plural(n, *ru_forms)}"


def staffing(span, lang: str) -> list[Block]:
    blocks = []
    staff = span.rows.get("admin_staff", [])
    if staff:
        # The total as the school states it; the list may count one person in two posts.
        people = span.fact("administrative_total", sum(r.persons or 0 for r in staff))
        parts = []
        for r in staff:
            units = "" if r.staff_units is None else f" ({number(r.staff_units, lang)} {say(lang, 'бірлік', 'ед.')})"
            parts.append(f"{r.position_title} – {number(r.persons, lang)} {say(lang, 'адам', 'чел.')}{units}")
        blocks.append(Para(say(lang, "Әкімшілік штат {n} адамды құрайды. Олар: {list}.",
                               "Административный штат составляет {n} чел.: {list}.",
                               n=number(people, lang), list=", ".join(parts))))
    teachers, support = span.fact("teachers_total"), span.fact("support_staff_total")
    teacher_forms = STAFF["teacher"]
    if teachers is not None:
        text = say(lang, "Мұғалімдерінің жалпы штат саны – {n} педагог қызметкерді құрайды.",
                   "Общая штатная численность педагогов – {people}.", n=number(teachers, lang),
                   people=_people(teachers, lang, *teacher_forms))
        if support is not None:
            text += " " + say(lang, "Кіші қызмет көрсетуші персонал саны – {n}.",
                              "Численность обслуживающего персонала – {n} чел.", n=number(support, lang))
        blocks.append(Para(text))
    higher, special = span.fact("teachers_higher_education"), span.fact("teachers_special_secondary")
    if teachers and (higher is not None or special is not None):
        pieces = []
        if higher is not None:
            pieces.append(say(lang, "{n} ({share}) – жоғары білімді", "{n} ({share}) – с высшим образованием",
                              n=_people(higher, lang, *teacher_forms), share=percent(higher / teachers, lang)))
        if special is not None:
            pieces.append(say(lang, "{n} ({share}) – арнаулы орта білімді",
                              "{n} ({share}) – со средним специальным образованием",
                              n=_people(special, lang, *teacher_forms), share=percent(special / teachers, lang)))
        blocks.append(Para(say(lang, "Педагогикалық ұжымның сапалық құрамы: {list}.",
                               "Качественный состав педагогического коллектива: {list}.", list=", ".join(pieces))))
    categories = [(kk, ru, span.fact(name)) for name, kk, ru in CATEGORY_NAMES if span.fact(name) is not None]
    if categories:
        listed = ", ".join(f"«{kk if lang == 'kk' else ru}» – {number(n, lang)}" for kk, ru, n in categories)
        blocks.append(Para(say(lang, "Біліктілік санаттары бойынша педагог қызметкерлер саны: {list}.",
                               "Численность педагогов по квалификационным категориям: {list}.", list=listed)))
    blocks += staff_units(span, lang)
    vacancies = span.fact("vacancies")
    if vacancies is not None:
        text = (say(lang, "Бос орын жоқ.", "Вакансий нет.") if vacancies == 0 else
                say(lang, "Бос орындар саны – {n}.", "Количество вакансий – {n}.", n=number(vacancies, lang)))
        if span.fact("vacancies_published"):
            text += " " + span.fact("vacancies_published")
        blocks.append(Para(text))
    return blocks


# Staff groups as the staff list names them (kk, ru), for the staff-units sentence.
GROUP_NAMES = (("administrative", "әкімшілік персонал", "административный персонал"),
               ("teachers", "педагогтер", "педагоги"),
               ("auxiliary", "оқу-көмекші персонал", "учебно-вспомогательный персонал"),
               ("support_staff", "кіші қызмет көрсетуші персонал", "обслуживающий персонал"))


def staff_units(span, lang: str) -> list[Block]:
    """«Штат бірліктерінің саны – 85: әкімшілік персонал – 14 (12 адам), педагогтер – 30,5 …»: units beside
    headcounts, as given; a total without groups stands alone, groups without a total are not added up here."""
    groups = []
    for key, kk, ru in GROUP_NAMES:
        units, persons = span.fact(f"{key}_units"), span.fact(f"{key}_total")
        if units is None:
            continue
        people = f" ({number(persons, lang)} {say(lang, 'адам', 'чел.')})" if persons is not None else ""
        groups.append(f"{kk if lang == 'kk' else ru} – {number(Decimal(str(units)), lang)}{people}")
    total, persons = span.fact("staff_units_total"), span.fact("staff_total")
    if total is None and not groups:
        if persons is not None:
            return [Para(say(lang, "Қызметкерлердің жалпы саны – {n} адам.", "Общая численность работников – {n} чел.",
                             n=number(persons, lang)))]
        return []
    text = (say(lang, "Штат бірліктерінің саны – {n}", "Количество штатных единиц – {n}",
                n=number(Decimal(str(total)), lang)) if total is not None else
            say(lang, "Штат бірліктері", "Штатные единицы"))
    if persons is not None:
        text += say(lang, " ({n} адам)", " ({n} чел.)", n=number(persons, lang))
    if groups:
        text += ": " + ", ".join(groups)
    return [Para(text + ".")]


def movements(span, lang: str) -> list[Block]:
    blocks = []
    months = KK_MONTHS if lang == "kk" else RU_MONTHS
    rows_all = span.rows.get("movements", [])
    # A span over an academic year names the year with each month, so October 2024 reads before January 2025.
    several_years = len({r.year for r in rows_all}) > 1
    for direction, titles in (("dismissed", ("Жұмыстан босатылды", "Уволено")),
                              ("hired", ("Жұмысқа қабылданды", "Принято на работу")),
                              ("long_leave", ("Ұзақ демалысқа (бала күтімі, декрет) шықты",
                                              "Ушли в длительный отпуск (по беременности и родам, по уходу за "
                                              "ребёнком)")),
                              ("returned", ("Демалыстан оралды", "Вышли из отпуска"))):
        rows = [r for r in rows_all if r.direction == direction]
        if not rows:
            continue
        by_month: dict[tuple[int, int], list[str]] = defaultdict(list)
        for r in rows:
            reason = f" ({r.reason})" if r.reason else ""
            by_month[(r.year, r.month)].append(_people(r.count, lang, *STAFF.get(r.staff_category, ("", WORKERS)))
                                               + reason)
        total = sum(r.count for r in rows)
        lines = "; ".join(f"{months[m - 1]}{f' {y}' if several_years else ''} – {', '.join(items)}"
                          for (y, m), items in sorted(by_month.items()))
        blocks.append(Para(say(lang, "{title}: барлығы – {n}. {lines}.", "{title}: всего {n}. {lines}.",
                               title=titles[0] if lang == "kk" else titles[1],
                               n=_people(total, lang, "қызметкер", WORKERS), lines=lines)))
    return blocks


def discipline_counts(span, lang: str) -> list[Block]:
    """«Талданатын кезеңде 4 тәртіптік жаза берілді: ескерту – 3, сөгіс – 1. Мерзімінен бұрын алынғаны – 2.»:
    the counts as the certificate gives them, when nobody is named."""
    kinds = [(penalty, span.fact(f"disciplinary_{penalty}")) for penalty in PENALTIES]
    kinds = [(penalty, n) for penalty, n in kinds if n is not None]
    total = span.fact("disciplinary_total")
    if total is None and kinds:
        total = sum(n for _penalty, n in kinds)
    if total is None:
        return []
    if total == 0:
        return [Para(say(lang, "Тәртіптік практика: талданатын кезеңде тәртіптік жаза берілген жоқ.",
                         "Дисциплинарная практика: в анализируемом периоде дисциплинарные взыскания не "
                         "налагались."))]
    listed = ", ".join(f"{say(lang, *PENALTIES[penalty])} – {number(n, lang)}" for penalty, n in kinds if n)
    text = say(lang, "Тәртіптік практика: талданатын кезеңде {n} тәртіптік жаза берілді",
               "Дисциплинарная практика: в анализируемом периоде наложено {n} {penalties}",
               n=number(total, lang), penalties=ru_plural(total, "дисциплинарное взыскание",
                                                          "дисциплинарных взыскания", "дисциплинарных взысканий"))
    text += f": {listed}." if listed else "."
    lifted = span.fact("disciplinary_lifted_early")
    if lifted is not None:
        text += " " + say(lang, "Мерзімінен бұрын алынғаны – {n}.", "Досрочно снято – {n}.", n=number(lifted, lang))
    return [Para(text)]


def discipline(span, lang: str) -> list[Block]:
    rows = span.rows.get("disciplinary", [])
    blocks = [] if rows else discipline_counts(span, lang)
    if rows:
        by_order: dict[tuple, list] = defaultdict(list)
        for r in rows:
            by_order[(r.order_number, r.order_date, r.penalty)].append(r.person)
        parts = []
        for (order, on, penalty), people in by_order.items():
            kk, ru = PENALTIES.get(penalty, (penalty, penalty))
            parts.append(f"{', '.join(people)} ({kk if lang == 'kk' else ru}), №{order}, {short_date(on)}")
        lifted = sum(1 for r in rows if r.lifted_early)
        text = say(lang, "Тәртіптік практика: талданатын кезеңде {n} жұмыскерге тәртіптік жаза берілді: {list}.",
                   "Дисциплинарная практика: в анализируемом периоде дисциплинарные взыскания наложены на {n}: "
                   "{list}.", n=number(len(rows), lang) if lang == "kk" else _people(len(rows), lang, "", WORKERS),
                   list="; ".join(parts))
        if lifted:
            text += " " + say(lang, "Мерзімінен бұрын алынғаны – {n}.", "Досрочно снято – {n}.", n=number(lifted, lang))
        blocks.append(Para(text))
    ethics, conflicts = span.fact("ethics_council_cases"), span.fact("conflict_of_interest_cases")
    if ethics is not None:
        blocks.append(Para(say(lang, "Педагогикалық әдеп кеңесінде қаралған жағдайлар саны – {n}.",
                               "Количество случаев, рассмотренных советом по педагогической этике, – {n}.",
                               n=number(ethics, lang))))
    if conflicts is not None:
        text = say(lang, "Мүдделер қақтығысы жағдайларының саны – {n}.",
                   "Количество случаев конфликта интересов – {n}.", n=number(conflicts, lang))
        if span.fact("conflict_of_interest_description"):
            text += " " + span.fact("conflict_of_interest_description")
        blocks.append(Para(text))
    return blocks


def certificate(span, lang: str) -> list[Block]:
    return staffing(span, lang) + movements(span, lang) + discipline(span, lang)
