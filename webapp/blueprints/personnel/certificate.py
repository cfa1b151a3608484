"""2.2 in the certificate: staffing, education shares, categories, hires and dismissals by month, discipline."""

import re
from collections import defaultdict
from decimal import Decimal

from ...certificate.blocks import Block, Para, say
from ...certificate.placed import Topic
from ...certificate.stated import Fact, Names, address_fact, found_in
from ...certificate.wording import (
    KK_MONTHS_IN,
    RU_MONTHS_IN,
    counted,
    lower_first,
    order_ref,
    person_name,
    ru_plural,
    sentence,
    trim_end,
)
from ...i18n import number, percent
from ...reporting.texts import MARK_CLOSE, MARK_OPEN

CATEGORY_NAMES = [("category_pedagog", "педагог", "педагог"),
                  ("category_moderator", "педагог-модератор", "педагог-модератор"),
                  ("category_expert", "педагог-сарапшы", "педагог-эксперт"),
                  ("category_researcher", "педагог-зерттеуші", "педагог-исследователь"),
                  ("category_master", "педагог-шебер", "педагог-мастер"),
                  ("category_none", "санатсыз", "без категории")]
# Kazakh nouns stay singular after a number; Russian ones take one / few / many forms.
STAFF = {"teacher": ("педагог қызметкер", ("педагогический работник", "педагогических работника",
                                           "педагогических работников")),
         # One Russian term for this group, as the staffing figures name it («обслуживающий персонал»).
         "support": ("кіші қызметкер", ("работник обслуживающего персонала", "работника обслуживающего персонала",
                                        "работников обслуживающего персонала")),
         "administrative": ("әкімшілік қызметкер", ("административный работник", "административных работника",
                                                    "административных работников"))}
# The words a school's own text names each figure with (certificate.stated: such a figure is not said twice).
NAMED = {
    "administrative": Names(kk=("әкімшілік штат", "әкімшілік персонал", "әкімшілік қызметкер", "әкімшілік құрам"),
                            ru=("административн штат", "административн персонал", "административн работник",
                                "административн состав")),
    "teachers": Names(kk=("педагог", "мұғалім"), ru=("педагог", "учител")),
    "support": Names(kk=("кіші қызмет", "қызмет көрсетуші", "техникалық персонал", "техникалық қызметкер"),
                     ru=("обслуживающ", "техническ персонал", "техническ работник", "техперсонал")),
    "higher": Names(kk=("жоғары+білім",), ru=("высш+образован",)),
    "special": Names(kk=("арнаулы+білім",), ru=("специальн+образован",)),
    "staff": Names(kk=("қызметкер", "жұмыскер"), ru=("работник", "сотрудник")),
    "vacancies": Names(kk=("бос орын", "вакан"), ru=("ваканси", "вакантн")),
    "penalties": Names(kk=("тәртіптік жаза",), ru=("взыскани",)),
    "ethics": Names(kk=("әдеп+жағдай", "әдеп+қарал"), ru=("этик+случа", "этик+рассмотр")),
    "conflicts": Names(kk=("мүдделер қақтығ", "мүдделер қайшы"), ru=("конфликт интерес",)),
}
# The ethics council as a school's text names it (certificate.stated).
ETHICS_COUNCIL = Names(kk=("әдеп кеңес",), ru=("совет+этик",))
WORKERS = ("работник", "работника", "работников")
# «1 педагогическому работнику, 2 педагогическим работникам предоставлен отпуск»: a leave told with the people in
# the dative needs no past-tense verb of theirs, whose gender the certificate does not know (issue 11: «ушёл в
# отпуск по беременности и родам»).
STAFF_DATIVE = {"teacher": ("педагогическому работнику", "педагогическим работникам", "педагогическим работникам"),
                "support": ("работнику обслуживающего персонала", "работникам обслуживающего персонала",
                            "работникам обслуживающего персонала"),
                "administrative": ("административному работнику", "административным работникам",
                                   "административным работникам")}
WORKERS_DATIVE = ("работнику", "работникам", "работникам")
# «оформлен выход из отпуска 1 педагогического работника, 2 педагогических работников»: a return told through the
# act of return, whose verb agrees with «выход», not with the people, as a leave is told through the leave granted
# (issue 11: «1 педагогический работник вышел из отпуска» gave a woman back from maternity leave a masculine verb).
STAFF_GENITIVE = {"teacher": ("педагогического работника", "педагогических работников", "педагогических работников"),
                  "support": ("работника обслуживающего персонала", "работников обслуживающего персонала",
                              "работников обслуживающего персонала"),
                  "administrative": ("административного работника", "административных работников",
                                     "административных работников")}
WORKERS_GENITIVE = ("работника", "работников", "работников")
RU_CASES = {"dative": (STAFF_DATIVE, WORKERS_DATIVE), "genitive": (STAFF_GENITIVE, WORKERS_GENITIVE)}
WORKERS_ACCUSATIVE = ("работника", "работников", "работников")  # «наложены на 1 работника, на 5 работников»
CASES = ("случай", "случая", "случаев")
# «3 замечания, 1 выговор»: each kind counted in Russian.
PENALTY_FORMS = {"warning": ("замечание", "замечания", "замечаний"), "reprimand": ("выговор", "выговора", "выговоров"),
                 "severe_reprimand": ("строгий выговор", "строгих выговора", "строгих выговоров"),
                 "dismissal": ("увольнение", "увольнения", "увольнений")}
PENALTIES = {"warning": ("ескерту", "замечание"), "reprimand": ("сөгіс", "выговор"),
             "severe_reprimand": ("қатаң сөгіс", "строгий выговор"), "dismissal": ("жұмыстан босату", "увольнение")}


def _people(n: int, lang: str, kk: str, ru_forms: tuple[str, str, str]) -> str:
    """«76 педагог қызметкер» / «76 педагогических работников» (Babel's plural forms)."""
    return counted(n, lang, kk, ru_forms)


PERSONS = ("человек", "человека", "человек")  # «составляет 21 человек, 22 человека, 25 человек»


def _persons(n: int, lang: str) -> str:
    """«76 адам» / «76 человек»."""
    return counted(n, lang, "адам", PERSONS)


def _units(value, lang: str) -> str:
    """«1,5 бірлік» / «1 штатная единица», «2 штатные единицы», «0,5 штатной единицы» (a fraction takes the
    genitive singular in Russian)."""
    value = Decimal(str(value))
    if lang == "kk":
        return f"{number(value, lang)} бірлік"
    if value != value.to_integral_value():
        return f"{number(value, lang)} штатной единицы"
    return counted(int(value), lang, "", ("штатная единица", "штатные единицы", "штатных единиц"))


def _joined(items: list[str], lang: str) -> str:
    """«a, b және c» / «a, b и c»."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {say(lang, 'және', 'и')} {items[-1]}"


def categories_sentence(categories: list[tuple[str, int]], lang: str) -> str:
    """The teachers by qualification category told in a sentence, as the seed tells them, not a «label – value»
    list (issue 11): «Біліктілік санаттары бойынша «педагог» санатында 16, …, «педагог-шебер» санатында 2 педагог
    қызметкер жұмыс істейді.» / «По квалификационным категориям в школе работают 16 педагогов категории
    «педагог», …, 2 педагога категории «педагог-мастер».» `categories`: (form field name, count > 0) in
    CATEGORY_NAMES order; «санатсыз» / «без категории» is no category's name."""
    names = {name: (kk, ru) for name, kk, ru in CATEGORY_NAMES}
    parts = []
    for name, n in categories:
        kk, ru = names[name]
        if lang == "kk":
            parts.append(f"санатсыз {number(n, lang)}" if name == "category_none"
                         else f"«{kk}» санатында {number(n, lang)}")
        else:
            people = f"{number(n, lang)} {ru_plural(n, 'педагог', 'педагога', 'педагогов')}"
            parts.append(f"{people} без категории" if name == "category_none" else f"{people} категории «{ru}»")
    if lang == "kk":
        return f"Біліктілік санаттары бойынша {_joined(parts, lang)} педагог қызметкер жұмыс істейді."
    # One count as the subject agrees with it («работает 21 педагог»); several are plural.
    verb = ru_plural(categories[0][1], "работает", "работают", "работают") if len(parts) == 1 else "работают"
    return f"По квалификационным категориям в школе {verb} {_joined(parts, lang)}."


def _position(row, lang: str) -> str:
    """«директордың тәрбие ісі жөніндегі орынбасары (2 адам, 1 бірлік)»: one person in a post goes without
    saying; a post with neither figure is its title alone."""
    details = [] if row.persons in (None, 1) else [_persons(row.persons, lang)]
    if row.staff_units is not None:
        details.append(_units(row.staff_units, lang))
    title = _lower(row.position_title)
    return f"{title} ({', '.join(details)})" if details else title


def _lower(text: str) -> str:
    """lower_first for a typed text that may carry the on-screen mark of the other language."""
    lead = len(text or "") - len((text or "").lstrip(MARK_OPEN))
    return (text or "")[:lead] + lower_first((text or "")[lead:])


def staffing(span, lang: str) -> list[Block]:
    blocks = []
    staff = span.rows.get("admin_staff", [])
    if staff:
        # The total as the school states it; the list may count one person in two posts.
        people = span.fact("administrative_total", sum(r.persons or 0 for r in staff))
        listed = ", ".join(_position(r, lang) for r in staff)
        if span.stated(people, NAMED["administrative"], lang):
            blocks.append(Para(say(lang, "Әкімшілік штатқа {list} кіреді.",
                                   "В административный штат входят {list}.", list=listed)))
        else:
            blocks.append(Para(say(lang, "Әкімшілік штат {n} адамды құрайды: {list}.",
                                   "Административный штат составляет {n}: {list}.",
                                   n=number(people, lang) if lang == "kk" else _persons(people, lang), list=listed)))
    teachers, support = span.fact("teachers_total"), span.fact("support_staff_total")
    teacher_forms = STAFF["teacher"]
    # A group's staff units go with its headcount, so a reader sees persons and units as two measures («91
    # педагог қызметкерді (104,75 штат бірлігі)»); without units, the seed's words («жалпы штат саны 76 педагог»).
    # Issue 11: «штат саны 91 педагог» read against «педагогтерге 104,75 бірлік» two sentences later.
    units = {"teachers": span.fact("teachers_units"), "support_staff": span.fact("support_staff_units")}
    told_units: set[str] = set()
    if teachers is not None:
        teacher_text = (say(lang, "Мұғалімдердің жалпы саны {n} педагог қызметкерді ({u}) құрайды.",
                            "Общая численность педагогов составляет {people} ({u}).", n=number(teachers, lang),
                            people=_persons(teachers, lang), u=_staff_units(units["teachers"], lang))
                        if units["teachers"] is not None else
                        say(lang, "Мұғалімдердің жалпы штат саны {n} педагог қызметкерді құрайды.",
                            "Общая штатная численность педагогов составляет {people}.", n=number(teachers, lang),
                            people=_persons(teachers, lang)))
        support_text = "" if support is None else say(
            lang, "Кіші қызмет көрсетуші персонал саны {n} адамды{u} құрайды.",
            "Численность обслуживающего персонала составляет {people}{u}.", n=number(support, lang),
            people=_persons(support, lang),
            u="" if units["support_staff"] is None else f" ({_staff_units(units['support_staff'], lang)})")
        parts = ((teacher_text, ((teachers, NAMED["teachers"]),)), (support_text, ((support, NAMED["support"]),)))
        text = span.unless_stated(lang, *parts)
        if text:
            blocks.append(Para(text))
            told_units = {group for group, (part, _figures) in zip(units, parts, strict=True)
                          if units[group] is not None and part and part in text}
    higher, special = span.fact("teachers_higher_education"), span.fact("teachers_special_secondary")
    if teachers and (higher is not None or special is not None):
        pieces = []
        if higher and not span.stated(higher, NAMED["higher"], lang):
            pieces.append(say(lang, "{n} ({share}) – жоғары білімді", "{n} ({share}) – с высшим образованием",
                              n=_people(higher, lang, *teacher_forms), share=percent(higher / teachers, lang)))
        if special and not span.stated(special, NAMED["special"], lang):
            pieces.append(say(lang, "{n} ({share}) – арнаулы орта білімді",
                              "{n} ({share}) – со средним специальным образованием",
                              n=_people(special, lang, *teacher_forms), share=percent(special / teachers, lang)))
        # A share of 0 is no part of the make-up («0 педагог (0,00 %)» is never printed), nor one the school's
        # text already gives.
        if pieces:
            blocks.append(Para(say(lang, "Педагогикалық ұжымның сапалық құрамы: {list}.",
                                   "Качественный состав педагогического коллектива: {list}.",
                                   list=", ".join(pieces))))
    categories = [(name, span.fact(name)) for name, _kk, _ru in CATEGORY_NAMES if span.fact(name)]
    if categories:
        blocks.append(Para(categories_sentence(categories, lang)))
    # The total staff units open the staffing paragraph, said once (issue 11: lisakovsk-2's «121,75 штат бірлігі
    # …, оның ішінде әкімшілік персоналға 6,5 бірлік» came after the list giving each post's units).
    units_told = staff_units(span, lang, told_units)
    if units_told and blocks:
        blocks[0].text = f"{units_told[0].text} {blocks[0].text}"
    else:
        blocks = units_told + blocks
    vacancies = span.fact("vacancies")
    if vacancies is not None:
        published = trim_end(span.fact("vacancies_published"))
        # The certificate is signed before its period ends, so the vacancies are told as at its date, in the
        # present tense; «at the end of the period» spoke of a day still to come (issue 11).
        if vacancies == 0:
            count = say(lang, "Анықтама жасалған күні бос орын жоқ.",
                        "На дату составления справки вакансий нет.")
        else:
            count = say(lang, "Анықтама жасалған күні {n} бос орын бар.",
                        "На дату составления справки {verb} {n}.",
                        n=counted(vacancies, lang, "", VACANCIES).strip(),
                        verb=ru_plural(vacancies, "имеется", "имеются", "имеется"))
        if vacancies == 0 and span.said(Fact(terms=(NAMED["vacancies"],), none=True), lang):
            count = ""  # the school's text says there is none («Қазіргі таңда … бос орын жоқ.»)
        where, addresses = vacancies_published(published, lang, span) if published else ("", ())
        text = span.unless_stated(lang, (where, ()), (count, ((vacancies, NAMED["vacancies"]),)))
        if text:
            blocks.append(Para(text, topic=VACANCY, states=addresses))
    return blocks


VACANCIES = ("вакансия", "вакансии", "вакансий")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_SOCIAL = (("instagram", "Instagram аккаунтында", "в аккаунте Instagram"),
           ("facebook", "Facebook парақшасында", "на странице в Facebook"))


# The labour exchange as a school's text names it (certificate.stated): a text saying vacancies go there already
# tells that much.
LABOUR_EXCHANGE = Names(kk=("еңбек биржа",), ru=("бирж труд",))


def vacancies_published(typed: str, lang: str, span=None) -> tuple[str, tuple[Fact, ...]]:
    """Where and when vacancies are published, as one sentence whatever list the school typed: «Бос орындар
    туралы ақпарат пайда болған күннен бастап бес жұмыс күні ішінде «Электрондық еңбек биржасы» порталында,
    мектептің ресми сайтында (http://…) және Instagram аккаунтында (https://…) жарияланады.» / «Сведения о
    вакансиях размещаются в течение пяти рабочих дней … на портале «Электронная биржа труда», на официальном сайте
    школы (http://…) и в аккаунте Instagram (https://…).» A typed text in the other language, or one whose parts
    cannot be told apart, goes in as typed. With `span`, a place the school's basis already names for vacancies
    (the labour exchange) or an address the certificate gave is not said again (issue 11): «…бес жұмыс күні ішінде
    орналастырылады, сондай-ақ мектептің ресми сайтында (…) жарияланады.» Nor is a timing the
    school's text of the section already gives with its vacancies; an address that text writes is noted as told
    for the sections after. Also returns the addresses the sentence gives, as facts told."""
    whole = say(lang, "Бос орындар туралы ақпарат жарияланады: {where}.",
                "Сведения о вакансиях размещаются: {where}.", where=lower_first(typed))
    if MARK_OPEN in typed:
        return whole, ()
    told = False  # some place was left out as already said
    addresses = []
    when, places, sites, social = [], [], [], []
    for item in re.split(r"\s*(?:;|,|\s[–—-]\s)\s*", typed):
        item = item.strip().rstrip(".")
        if not item:
            continue
        url = _URL.search(item)
        if url:
            link = url.group(0).rstrip(".,;)")
            if span is not None and span.said(address_fact(link), lang):
                # An address the school's own text gives here is told as well: a later section does not give it
                # again (rudny-7's 2.2 writes its account and website itself; 2.5 then repeated both).
                span.told.add(address_fact(link).key)
                told = True
                continue
            addresses.append(address_fact(link))
            kind = next((s for s in _SOCIAL if s[0] in link.lower()), None)
            if kind:
                social.append(f"{say(lang, kind[1], kind[2])} ({link})")
            else:
                sites.append(say(lang, "мектептің ресми сайтында ({url})", "на официальном сайте школы ({url})",
                                 url=link))
        elif re.search(r"ішінде|в течение|күннен|со дня|мерзімге|сроком", item, re.I):
            if span is not None and _timing_said(item, lang, span):
                told = True
            else:
                when.append(lower_first(item))
        elif span is not None and span.said(Fact(terms=(NAMED["vacancies"], LABOUR_EXCHANGE)), lang) and (
                _names_place(item, LABOUR_EXCHANGE, lang)):
            told = True
        else:
            places.append(_located(lower_first(item), lang))
    where = places + sites + social
    if not where and not (told and when):
        return ("", ()) if told else (whole, ())
    joined = ", ".join(where[:-1]) + say(lang, " және ", " и ") + where[-1] if len(where) > 1 else where[0] if where \
        else ""
    timing = " ".join(when)
    if told and when:
        # The place the basis names goes without saying: when, then where else.
        text = say(lang, "Бос орындар туралы ақпарат {when} орналастырылады", "Сведения о вакансиях размещаются {when}",
                   when=timing)
        if joined:
            text += say(lang, ", сондай-ақ {where} жарияланады", ", а также публикуются {where}", where=joined)
        return sentence(text), tuple(addresses)
    if told:
        return sentence(say(lang, "Сондай-ақ бос орындар туралы ақпарат {where} жарияланады",
                            "Сведения о вакансиях публикуются также {where}", where=joined)), tuple(addresses)
    return sentence(say(lang, "Бос орындар туралы ақпарат {when}{where} жарияланады",
                        "Сведения о вакансиях размещаются {when}{where}",
                        when="".join(f"{w} " for w in when), where=joined)), tuple(addresses)


def _timing_said(item: str, lang: str, span) -> bool:
    """True when the school's text of the section already tells vacancies with this timing (each word of `item`
    by its stem, in one sentence): rudny-7's seed writes «…бес жұмыс күні ішінде … бір аптадан бір айға дейінгі
    мерзімге орналастырылады» itself, right after its labour-exchange sentence (issue 11)."""
    stems = [word.lower()[:max(4, len(word) - 2)] for word in re.findall(r"\w+", item) if len(word) > 3]
    if not stems:
        return False
    return span.said(Fact(terms=(NAMED["vacancies"], Names(kk=("+".join(stems),), ru=("+".join(stems),)))), lang)


def _names_place(item: str, names: Names, lang: str) -> bool:
    """True when a typed place (one item of the list) is the one `names` names."""
    return found_in([item], Fact(terms=(names,)), lang)


def _located(place: str, lang: str) -> str:
    """A place typed in the nominative made a location: «… порталы» → «… порталында», «портал …» → «на портале
    …»; one already located («…порталында», «на сайте …») stays."""
    if lang == "kk":
        for word, located in (("порталы", "порталында"), ("сайты", "сайтында"), ("биржасы", "биржасында")):
            if place.endswith(word):
                return place[: -len(word)] + located
        return place
    for word, located in (("портал ", "на портале "), ("сайт ", "на сайте "),
                          ("официальный сайт", "на официальном сайте")):
        if place.startswith(word):
            return located + place[len(word):]
    return place


# Staff groups as the staff list names them (kk, ru), for the staff-units sentence.
GROUP_NAMES = (("administrative", "әкімшілік персонал", "административный персонал"),
               ("teachers", "педагогтер", "педагоги"),
               ("auxiliary", "оқу-көмекші персонал", "учебно-вспомогательный персонал"),
               ("support_staff", "кіші қызмет көрсетуші персонал", "обслуживающий персонал"))


# The groups in the dative for the units' breakdown: «педагогтерге 80,5 бірлік» / «на педагогов 80,5 …».
GROUPS_TO = {"administrative": ("әкімшілік персоналға", "на административный персонал"),
             "teachers": ("педагогтерге", "на педагогов"),
             "auxiliary": ("оқу-көмекші персоналға", "на учебно-вспомогательный персонал"),
             "support_staff": ("кіші қызмет көрсетуші персоналға", "на обслуживающий персонал")}


def _staff_units(value, lang: str) -> str:
    """«104,75 штат бірлігі» / «104,75 штатной единицы»."""
    return f"{number(Decimal(str(value)), lang)} штат бірлігі" if lang == "kk" else _units(value, lang)


def staff_units(span, lang: str, told_units: frozenset | set = frozenset()) -> list[Block]:
    """«Штат кестесі бойынша 124 штат бірлігі бекітілген, оның ішінде әкімшілік персоналға 6,5 бірлік, педагогтерге
    80,5 бірлік (…).»: the units, each group's headcount only where no other sentence of 2.2 gives it (the teachers and
    the support staff have theirs, the administrative staff when its posts are listed); a total without groups
    stands alone, groups without a total are not added up here."""
    told = {"teachers": span.fact("teachers_total") is not None,
            "support_staff": span.fact("support_staff_total") is not None,
            "administrative": bool(span.rows.get("admin_staff"))}
    # The administrative posts listed with their units already give that group's units.
    listed = [r.staff_units for r in span.rows.get("admin_staff", [])]
    if listed and None not in listed and span.fact("administrative_units") is not None and (
            sum(Decimal(str(u)) for u in listed) == Decimal(str(span.fact("administrative_units")))):
        told_units = {*told_units, "administrative"}
    groups = []
    for key, _kk, _ru in GROUP_NAMES:
        units, persons = span.fact(f"{key}_units"), span.fact(f"{key}_total")
        if units is None or key in told_units:  # told with the group's headcount or its posts
            continue
        people = (say(lang, " ({n})", " ({n})", n=_persons(persons, lang))
                  if persons is not None and not told.get(key) else "")
        # «педагогтерге 80,5 бірлік» / «на педагогов 80,5 штатной единицы»: a clause, not «label – value».
        groups.append(f"{say(lang, *GROUPS_TO[key])} {_units(units, lang)}{people}")
    total, persons = span.fact("staff_units_total"), span.fact("staff_total")
    if total is None and not groups:
        if persons is not None and not span.stated(persons, NAMED["staff"], lang):
            return [Para(say(lang, "Қызметкерлердің жалпы саны {n} адамды құрайды.",
                             "Общая численность работников составляет {n}.",
                             n=number(persons, lang) if lang == "kk" else _persons(persons, lang)))]
        return []
    if total is not None:
        units = _units(total, lang)
        text = say(lang, "Штат кестесі бойынша {units} штат бірлігі бекітілген",
                   "Штатным расписанием {verb} {units}",
                   units=number(Decimal(str(total)), lang) if lang == "kk" else units,
                   verb="предусмотрена" if units.endswith("единица") else "предусмотрено")
        if groups:
            text += say(lang, ", оның ішінде ", ", из них ") + _joined(groups, lang)
        if persons is not None:
            text += say(lang, ". Қызметкерлердің жалпы саны {n} адамды құрайды",
                        ". Общая численность работников составляет {n}",
                        n=number(persons, lang) if lang == "kk" else _persons(persons, lang))
    else:
        text = say(lang, "Штат кестесі бойынша {list} бекітілген", "Штатным расписанием предусмотрено {list}",
                   list=_joined(groups, lang))
    return [Para(text + ".")]


def _when(year: int, month: int, lang: str) -> str:
    return (f"{year} жылғы {KK_MONTHS_IN[month - 1]}" if lang == "kk"
            else f"в {RU_MONTHS_IN[month - 1]} {year} года")


# A hire or dismissal clause: (kk, ru forms for 1 / 2 / 5 by Babel's plural rules: «принят на работу 1 работник,
# приняты на работу 2 работника, принято на работу 5 работников, принят на работу 21 работник»). Hires come first,
# as a head reads the year's staffing: who came, then who left.
MOVES = (("hired", "жұмысқа {n} қабылданды", ("принят на работу {n}", "приняты на работу {n}",
                                              "принято на работу {n}")),
         ("dismissed", "жұмыстан {n} босатылды", ("уволен {n}", "уволены {n}", "уволено {n}")))
# The school's own words opening its movements («2025 жылғы қаңтар – мамыр аралығында кадрлар қозғалысы мынадай
# болды:» / «Движение кадров за январь – май 2025 года:»): the certificate's sentence then needs no «Талданатын
# кезеңде» of its own.
_OWN_LEAD = re.compile(r"есептік кезең|отч[её]тн\w* период|кадрлар қозғалысы|движени\w* кадров", re.I)
# A leave or return is told per month: «2025 жылғы наурызда 1 педагог қызметкер декреттік демалысқа шықты.»
# The fifth item tells a typed reason that names the leave itself, in the sentence's grammar («декреттік
# демалысқа», «отпуск(а) по беременности и родам»), so it takes the place of the general words; any other reason
# («по уходу за ребёнком», «бала күтімі бойынша») keeps the sentence's words and follows in brackets (issue 10 QA).
# The last item: the Russian case the people are counted in (a leave granted to them, a return of theirs).
LEAVES = {"long_leave": ("ұзақ демалысқа", "{who} {where} шықты", "длительный отпуск",
                         ("{who} предоставлен {where}",) * 3,
                         ("демалысқа", ("отпуск ", "декрет")), "dative"),
          "returned": ("демалыстан", "{who} {where} оралды", "отпуска",
                       ("оформлен выход из {where} {who}",) * 3,
                       ("демалыстан", ("отпуска ", "декрет")), "genitive")}


def _leave_words(reason: str, general: str, lang: str, names_leave: tuple) -> tuple[str, str]:
    """(words in the sentence, bracketed tail) for a leave's typed `reason`: a reason naming the leave in the
    sentence's case replaces the `general` words, any other is put in brackets after them ("" when none)."""
    if not reason:
        return general, ""
    bare = reason.strip(MARK_OPEN + MARK_CLOSE).strip().lower()
    kk_end, ru_starts = names_leave
    if (bare.endswith(kk_end) if lang == "kk" else bare.startswith(ru_starts)):
        return reason, ""
    return general, f" ({reason})"


def _year(row) -> int:
    return getattr(row, "year", None) or (getattr(row, "half_year", None) or (None, None))[0] or 0


def _staff(counts: dict, lang: str, case: str | None = None) -> str:
    """«1 педагог қызметкер, 2 кіші қызметкер» / «1 педагогический работник, 2 технических работника»;
    `case`: the Russian in the dative («1 педагогическому работнику, 2 педагогическим работникам») or the
    genitive («1 педагогического работника, 2 педагогических работников»)."""
    items = []
    for category, count in counts.items():
        kk, ru_forms = STAFF.get(category, ("қызметкер", WORKERS))
        if case:
            by_category, workers = RU_CASES[case]
            ru_forms = by_category.get(category, workers)
        items.append(counted(count, lang, kk, ru_forms))
    return ", ".join(items)


def _capital(text: str) -> str:
    """`text` to open a sentence; a typed text shown in the other language opens with its on-screen mark."""
    lead = len(text) - len(text.lstrip(MARK_OPEN))
    return text[:lead] + text[lead:lead + 1].upper() + text[lead + 1:]


def _moved_clause(rows, kk_verb: str, ru_verbs: tuple, lang: str) -> tuple[str, bool]:
    """One direction's clause and whether it opens with its month: «2025 жылғы қаңтарда жұмысқа 2 педагог
    қызметкер қабылданды» when one month and one staff category (the people named once, not counted twice),
    otherwise «жұмыстан 2 қызметкер босатылды (2025 жылғы қаңтарда – 1 әкімшілік қызметкер өз еркімен,
    2025 жылғы мамырда – 1 педагог қызметкер зейнеткерлікке шығуына байланысты)»: the months in date order with
    the year, each with its reason, so one month's dismissals for two reasons are one item, not two sentences
    (issue 11). A reason shared by all leads the clause instead of following each month."""
    months: dict[tuple, dict[str, dict[str, int]]] = {}
    for r in sorted(rows, key=lambda r: (_year(r), r.month)):
        counts = months.setdefault((_year(r), r.month), {}).setdefault(trim_end(r.reason), {})
        counts[r.staff_category] = counts.get(r.staff_category, 0) + r.count
    reasons = {reason for by_reason in months.values() for reason in by_reason}
    shared = next(iter(reasons)) if len(reasons) == 1 else ""
    total = sum(sum(c.values()) for by_reason in months.values() for c in by_reason.values())
    verb = kk_verb if lang == "kk" else ru_plural(total, *ru_verbs)
    if shared:  # «өз еркімен жұмыстан …» / «уволено … по собственному желанию»
        verb = f"{_lower(shared)} {verb}" if lang == "kk" else f"{verb} {_lower(shared)}"
    (year, month), by_reason = next(iter(months.items()))
    if len(months) == 1 and len(by_reason) == 1 and len(next(iter(by_reason.values()))) == 1:
        when = _when(year, month, lang) if year else say(lang, *MONTHS[month - 1])
        return f"{when} {verb.format(n=_staff(next(iter(by_reason.values())), lang))}", True
    items, plain = [], True
    for (year, month), by_reason in months.items():
        when = _when(year, month, lang) if year else lower_first(say(lang, *MONTHS[month - 1]))
        told = [_staff(counts, lang) + ("" if shared or not reason else f" {_lower(reason)}")
                for reason, counts in by_reason.items()]
        plain = plain and len(by_reason) == 1 and len(next(iter(by_reason.values()))) == 1
        items.append(f"{when} – {_joined(told, lang)}")
    # A month listing several groups has commas of its own: the months are then parted by semicolons.
    people = verb.format(n=counted(total, lang, "қызметкер", WORKERS))
    return f"{people} ({(', ' if plain else '; ').join(items)})", False


def movements(span, lang: str) -> list[Block]:
    """Hires, then dismissals, in one sentence, each in date order with the year and the reason in its item
    (issue 11: dismissals grouped by reason came before the earlier hires): «Талданатын кезеңде жұмысқа 5
    қызметкер қабылданды (…), жұмыстан 2 қызметкер босатылды (…).» / «В анализируемом периоде принято на работу
    5 работников (…), уволены 2 работника (…).» A long leave is not a dismissal and is told apart, month by
    month, as a sentence of its own."""
    blocks = []
    rows_all = span.rows.get("movements", [])
    clauses = [_moved_clause(rows, kk_verb, ru_verbs, lang) for direction, kk_verb, ru_verbs in MOVES
               if (rows := [r for r in rows_all if r.direction == direction])]
    if clauses:
        text = ", ".join(clause for clause, _dated in clauses)
        own_lead = any(_OWN_LEAD.search(typed or "") for typed in span.text.values())
        if not clauses[0][1] and not own_lead:
            text = say(lang, "Талданатын кезеңде ", "В анализируемом периоде ") + text
        blocks.append(Para(_capital(text) + "."))
    for direction, (kk_where, kk_verb, ru_where, ru_verbs, names_leave, ru_case) in LEAVES.items():
        by_month: dict[tuple, dict[str, int]] = {}
        for r in sorted((r for r in rows_all if r.direction == direction), key=lambda r: (_year(r), r.month)):
            counts = by_month.setdefault((_year(r), r.month, trim_end(r.reason)), {})
            counts[r.staff_category] = counts.get(r.staff_category, 0) + r.count
        for (year, month, reason), counts in by_month.items():
            when = _when(year, month, lang) if year else say(lang, *MONTHS[month - 1])
            who = _staff(counts, lang, ru_case)
            where, tail = _leave_words(reason, kk_where if lang == "kk" else ru_where, lang, names_leave)
            if lang == "kk":
                text = kk_verb.format(who=who, where=where)
            else:
                text = ru_plural(sum(counts.values()), *ru_verbs).format(who=who, where=where)
            blocks.append(Para(_capital(f"{when} {text}{tail}.")))
    return blocks


MONTHS = [("қаңтарда", "в январе"), ("ақпанда", "в феврале"), ("наурызда", "в марте"), ("сәуірде", "в апреле"),
          ("мамырда", "в мае"), ("маусымда", "в июне"), ("шілдеде", "в июле"), ("тамызда", "в августе"),
          ("қыркүйекте", "в сентябре"), ("қазанда", "в октябре"), ("қарашада", "в ноябре"),
          ("желтоқсанда", "в декабре")]


def discipline_tally(span) -> tuple[int | None, dict[str, int], int | None, bool]:
    """(total, {penalty: count}, lifted early, has_counts) over the span, worked out per half-year: a half-year's
    given total (else its counts by kind added) stands, the employees it names being among them; a half-year
    without counts is its named rows. `has_counts`: some half-year gave counts. Lifted early is None when a
    half-year with counts does not say. Kinds are those given (or named in a half-year without counts), none
    when a half-year with actions gives no kinds (a partial list would read as the whole)."""
    total, kinds, lifted, has_counts, lifted_known, kinds_known = None, defaultdict(int), 0, False, True, True
    for part in span.parts:
        named = part.rows.get("disciplinary") or []
        given = {penalty: part.fact(f"disciplinary_{penalty}") for penalty in PENALTIES}
        given = {penalty: n for penalty, n in given.items() if n is not None}
        count = part.fact("disciplinary_total")
        if count is None and given:
            count = sum(given.values())
        if count is None:
            if named:
                total = (total or 0) + len(named)
                for r in named:
                    kinds[r.penalty] += 1
                lifted += sum(1 for r in named if r.lifted_early)
            continue
        has_counts = True
        total = (total or 0) + count
        kinds_known = kinds_known and (bool(given) or count == 0)
        for penalty, n in given.items():
            kinds[penalty] += n
        if part.fact("disciplinary_lifted_early") is None:
            lifted_known = False
        else:
            lifted += part.fact("disciplinary_lifted_early")
    return total, dict(kinds) if kinds_known else {}, lifted if lifted_known and has_counts else None, has_counts


def discipline_counts(span, lang: str, tally=None, named: str = "") -> list[Block]:
    """«Талданатын кезеңде 4 тәртіптік жаза берілді: 3 ескерту, 1 сөгіс. 2 жаза мерзімінен бұрын алынды.» /
    «…наложено 4 дисциплинарных взыскания: 3 замечания, 1 выговор. Досрочно сняты 2 взыскания.»: the counts as
    the certificate gives them (discipline_tally); `named`, the sentence naming employees among them, goes
    before the lifted-early count."""
    total, counts, lifted, _has_counts = tally or discipline_tally(span)
    kinds = [(penalty, counts[penalty]) for penalty in PENALTIES if penalty in counts]
    if total is None:
        return []
    if total == 0 and not named:
        return [Para(say(lang, "Тәртіптік практика: талданатын кезеңде тәртіптік жаза берілген жоқ.",
                         "Дисциплинарная практика: в анализируемом периоде дисциплинарные взыскания не "
                         "налагались."))]
    # Left out when the school's text gives the total and each kind («5 взысканий: 3 замечания и 2 выговора»).
    if not named and span.stated(total, NAMED["penalties"], lang) and all(
            span.stated(n, Names(kk=(PENALTIES[penalty][0],), ru=(PENALTIES[penalty][1][:-1],)), lang)
            for penalty, n in kinds if n) and lifted is None:
        return []
    listed = ", ".join(counted(n, lang, PENALTIES[penalty][0], PENALTY_FORMS[penalty]) for penalty, n in kinds if n)
    text = say(lang, "Тәртіптік практика: талданатын кезеңде {n} тәртіптік жаза берілді",
               "Дисциплинарная практика: в анализируемом периоде наложено {n} {penalties}",
               n=number(total, lang), penalties=ru_plural(total, "дисциплинарное взыскание",
                                                          "дисциплинарных взыскания", "дисциплинарных взысканий"))
    text += f": {listed}." if listed else "."
    if named:
        text += " " + named
    if lifted:  # none lifted early is no news worth a sentence
        text += " " + _lifted(lifted, lang)
    return [Para(text)]


# «ескерту түрінде» / «в виде замечания»: the one kind of penalty all the named people received.
PENALTY_KINDS = {"warning": ("ескерту түрінде", "в виде замечания"), "reprimand": ("сөгіс түрінде", "в виде выговора"),
                 "severe_reprimand": ("қатаң сөгіс түрінде", "в виде строгого выговора"),
                 "dismissal": ("жұмыстан босату түрінде", "в виде увольнения")}


def _imposed(n: int, lang: str) -> dict:
    """The Russian subject and verb agreeing with `n` penalties on `n` people: «дисциплинарное взыскание наложено
    на 1 работника», «дисциплинарные взыскания наложены на 5 работников»."""
    return {"penalties": "дисциплинарное взыскание" if n == 1 else "дисциплинарные взыскания",
            "verb": "наложено" if n == 1 else "наложены", "workers": _people(n, lang, "", WORKERS_ACCUSATIVE)}


def _lifted(n: int, lang: str) -> str:
    """«2 жаза мерзімінен бұрын алынды.» / «Досрочно сняты 2 взыскания.»"""
    if lang == "kk":
        return f"{number(n, lang)} жаза мерзімінен бұрын алынды."
    return ru_plural(n, "Досрочно снято {n} взыскание.", "Досрочно сняты {n} взыскания.",
                     "Досрочно снято {n} взысканий.").format(n=number(n, lang))


def _cited(r, lang: str) -> str:
    """«2024 жылғы 11 қазандағы №77 бұйрық» / «приказ от 11 октября 2024 года №77»: the one order style."""
    return say(lang, "{order} бұйрық", "приказ {order}", order=order_ref(r.order_number, r.order_date, lang))


def _penalty_word(penalty: str, lang: str) -> str:
    """«сөгіс» / «выговор»: a kind of penalty named in an item."""
    kk, ru = PENALTIES.get(penalty, (penalty, penalty))
    return kk if lang == "kk" else ru


def _named_penalties(rows, lang: str, lead_kk: str, lead_ru: str) -> str:
    """The named employees' penalties in one sentence. One penalty each: the people counted, those on one order
    named together. Someone with more than one (rudny-11: «3 жұмыскерге …: М.Ж. Смагулова – қатаң сөгіс (…);
    М.Ж. Смагулова – ескерту (…)» counted penalties as people): the people and the penalties counted apart,
    each person named once with all their penalties – «2 жұмыскерге 3 тәртіптік жаза берілді: М.Ж. Смагулова –
    қатаң сөгіс (…) және ескерту (…); Т.Д. Ким – ескерту (…)». A typed name stands before a dash, a construction
    needing no case ending the certificate could get wrong."""
    kinds = {r.penalty for r in rows}
    one_kind = len(kinds) == 1
    kk_kind, ru_kind = PENALTY_KINDS.get(next(iter(kinds)), ("", "")) if one_kind else ("", "")
    kind = say(lang, f"{kk_kind} " if kk_kind else "", f" {ru_kind}" if ru_kind else "")
    and_ = say(lang, " және ", " и ")
    by_person: dict[str, list] = defaultdict(list)
    for r in rows:
        by_person[person_name(r.person, lang)].append(r)
    people = len(by_person)
    if people == len(rows):
        by_order: dict[tuple, list] = defaultdict(list)
        for r in rows:
            by_order[(r.order_number, r.order_date, r.penalty)].append(r)
        parts = []
        for same in by_order.values():
            names = ", ".join(person_name(r.person, lang) for r in same)
            # The penalty said once, in the sentence («ескерту түрінде»), when all received the same kind.
            parts.append(f"{names} ({_cited(same[0], lang)})" if one_kind else
                         f"{names} – {_penalty_word(same[0].penalty, lang)} ({_cited(same[0], lang)})")
        return say(lang, lead_kk + "{n} жұмыскерге {kind}тәртіптік жаза берілді: {list}.",
                   lead_ru + "{penalties}{kind} {verb} на {workers}: {list}.",
                   kind=kind, n=number(people, lang), list="; ".join(parts), **_imposed(people, lang))
    parts = []
    for name, own in by_person.items():
        if one_kind:  # «М.Ж. Смагулова (№226 бұйрық және №256 бұйрық)»
            parts.append(f"{name} ({and_.join(_cited(r, lang) for r in own)})")
        else:
            parts.append(f"{name} – " + and_.join(f"{_penalty_word(r.penalty, lang)} ({_cited(r, lang)})"
                                                   for r in own))
    n = len(rows)
    return say(lang, lead_kk + "{people} жұмыскерге {kind}{n} тәртіптік жаза берілді: {list}.",
               lead_ru + "наложено {penalties}{kind} на {workers}: {list}.",
               people=number(people, lang), kind=kind, list="; ".join(parts), n=number(n, lang),
               penalties=counted(n, lang, "", ("дисциплинарное взыскание", "дисциплинарных взыскания",
                                               "дисциплинарных взысканий")).strip(),
               workers=_people(people, lang, "", WORKERS_ACCUSATIVE))


def _ethics_cases(span, n: int, lang: str) -> str:
    """The cases the ethics council considered with how they ended (issue 11: «Педагогикалық әдеп кеңесінде
    1 жағдай қаралды.» was a bare count): the outcome the school typed, else, when the span gave no penalty at
    all, that none followed – «…1 жағдай қаралды, ол бойынша тәртіптік жаза берілген жоқ.» / «…рассмотрен
    1 случай, дисциплинарное взыскание по нему не налагалось.»"""
    text = say(lang, "Педагогикалық әдеп кеңесінде {n} жағдай қаралды", "Советом по педагогической этике {verb} {n}",
               n=counted(n, lang, "", CASES).strip(), verb=ru_plural(n, "рассмотрен", "рассмотрено", "рассмотрено"))
    outcome = trim_end((span.fact("ethics_council_outcome") or "").strip())
    if outcome:
        # One typed clause follows a colon; sentences of its own follow the count's sentence.
        return f"{text}. {sentence(outcome)}" if "." in outcome else f"{text}: {_lower(outcome)}."
    if span.parts and all(part.fact("disciplinary_total") == 0 and not part.rows.get("disciplinary")
                          for part in span.parts):
        return text + say(lang, ", ол бойынша тәртіптік жаза берілген жоқ." if n == 1 else
                          ", олар бойынша тәртіптік жаза берілген жоқ.",
                          ", дисциплинарное взыскание по нему не налагалось." if n == 1 else
                          ", дисциплинарные взыскания по ним не налагались.")
    return text + "."


def discipline(span, lang: str) -> list[Block]:
    """The named employees' penalties; where some half-year gives counts, the counts summed per half-year with
    the named employees «оның ішінде» / «в том числе» among them (issue 10 QA: «4 counted, 1 named» printed only
    the one named, and a span with counts in one half-year and names in another printed only the names)."""
    rows = span.rows.get("disciplinary", [])
    tally = discipline_tally(span)
    has_counts = tally[3]
    blocks = [] if rows else discipline_counts(span, lang, tally)
    # Among counted actions the named ones are «of them»; alone they open the paragraph.
    lead_kk, lead_ru = (("Оның ішінде ", "В том числе ") if has_counts else (
        "Тәртіптік практика: талданатын кезеңде ", "Дисциплинарная практика: в анализируемом периоде "))
    if rows:
        text = _named_penalties(rows, lang, lead_kk, lead_ru)
        if has_counts:
            blocks = discipline_counts(span, lang, tally, named=text)
        else:
            lifted = sum(1 for r in rows if r.lifted_early)
            if lifted:
                text += " " + _lifted(lifted, lang)
            blocks.append(Para(text))
    ethics, conflicts = span.fact("ethics_council_cases"), span.fact("conflict_of_interest_cases")
    # None the school's text already reports («Педагогикалық әдеп кеңесінде … қарау болмады, өтініштер түспеді»)
    # is not told twice.
    ethics_none_said = ethics == 0 and span.said(Fact(terms=(ETHICS_COUNCIL,), none=True), lang)
    if ethics is not None and not ethics_none_said and not span.stated(ethics, NAMED["ethics"], lang):
        blocks.append(Para(
            say(lang, "Педагогикалық әдеп кеңесінде қаралған жағдайлар болған жоқ.",
                "Случаев, рассмотренных советом по педагогической этике, не было.") if ethics == 0 else
            _ethics_cases(span, ethics, lang)))
    if conflicts is not None:
        # None the school's text already reports («…мүдделер қақтығысының фактісі анықталмады») is not told twice.
        none_said = conflicts == 0 and span.said(Fact(terms=(NAMED["conflicts"],), none=True), lang)
        text = span.unless_stated(
            lang, ("" if none_said else
                   say(lang, "Мүдделер қақтығысы жағдайлары болған жоқ.", "Случаев конфликта интересов не было.")
                   if conflicts == 0 else
                   say(lang, "Мүдделер қақтығысының {n} жағдайы анықталды.", "{verb} {n} конфликта интересов.",
                       n=counted(conflicts, lang, "", CASES).strip(),
                       verb=ru_plural(conflicts, "Выявлен", "Выявлено", "Выявлено")),
                   ((conflicts, NAMED["conflicts"]),)),
            (span.fact("conflict_of_interest_description") or "", ()))
        if text:
            blocks.append(Para(text, topic=CONFLICTS))
    return blocks


# The seed's order of ideas in 2.2 (certificate.placed): the staffing figures, selection (posts' duties,
# qualification, competitions), vacancies, salaries, hires and dismissals, discipline and ethics, conflicts of
# interest.
STAFFING, DUTIES, FIGURES, SELECTION, VACANCY, SALARY, MOVES_, DISCIPLINE, CONFLICTS = (
    1, 1.5, 1.6, 2, 3, 3.5, 4, 5, 6)
# What the school says of the movements it lists (no corruption risk in hiring) follows them; the penalties the
# certificate counts open the discipline idea, the school's words on it follow them (issue 11: «Тәртіптік жазалар
# мерзімінде орындалған» stood before the penalties it speaks of).
AFTER_MOVES, PENALTIES_TOLD = 4.5, 4.9
TOPICS = (
    # The posts' duties follow the administrative staff, before the teachers' figures, as in the seed.
    Topic(DUTIES, r"лауазымдық міндет|должностн\w* обязанност"),
    Topic(SELECTION, r"іріктеу|подбор|отбор|конкурс|біліктілі|квалификац|жұмысқа қабылда"
                     r"|при[её]м\w* (кандидат|на работу)"),
    Topic(VACANCY, r"бос орын|ваканс|вакант"),
    Topic(SALARY, r"жалақы|заработн"),
    # «Есептік кезеңде (қаңтар – мамыр) …:» leads the hires and dismissals.
    Topic(MOVES_, r"есептік кезең|отч[её]тн\w* период"),
    Topic(AFTER_MOVES, r"жұмысқа қабылдау барысында|при при[её]ме на работу"),
    Topic(DISCIPLINE, r"тәртіптік|дисциплинар|еңбек тәртібі|трудов\w* дисциплин|әдеп|этик|мәртебесі"
                      r"|статусе педагога"),
    Topic(CONFLICTS, r"мүдделер қақтығ|конфликт\w* интерес"),
)


def _on(topic: float, blocks: list[Block]) -> list[Block]:
    """`blocks` told on `topic`: the first carries it, the rest follow it."""
    if blocks and isinstance(blocks[0], Para):
        blocks[0].topic = topic
    return blocks


# A sentence saying labour discipline was not breached (certificate.stated cuts sentences as here).
_UNBROKEN = re.compile(r"еңбек тәртібі(?:нің)? бұзыл(?:ған жоқ|мады|уы болған жоқ)|трудов\w+ дисциплин\w* не "
                       r"нарушал|нарушени\w* трудовой дисциплины не (?:было|выявлено)", re.I)


def leaves_out_unbroken_discipline(span, basis: str | None, lang: str) -> str | None:
    """The school's basis without its sentence that labour discipline was not breached when the section counts
    penalties: rudny-7's seed said «Еңбек тәртібі бұзылған жоқ» beside 7 warnings (issue 11)."""
    if not basis or not discipline_tally(span)[0]:
        return basis
    lines = []
    for line in basis.split("\n"):
        kept = [s for s in _SENTENCE.split(line) if not _UNBROKEN.search(s)]
        if kept or not line.strip():
            lines.append(" ".join(kept))
    return "\n".join(lines) or None


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[«\"(\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def certificate(span, lang: str) -> list[Block]:
    staff = staffing(span, lang)
    vacancy = [b for b in staff if getattr(b, "topic", None) == VACANCY]
    staff = [b for b in staff if b not in vacancy]
    told = discipline(span, lang)
    conflicts = [b for b in told if getattr(b, "topic", None) == CONFLICTS]
    told = [b for b in told if b not in conflicts]
    admin = staff[:1] if staff and span.rows.get("admin_staff") else []  # its posts listed: it comes first
    return (_on(STAFFING, admin) + _on(FIGURES, staff[len(admin):]) + vacancy + _on(MOVES_, movements(span, lang))
            + _on(PENALTIES_TOLD, told) + conflicts)
