"""Phrases every section's certificate text shares: citing orders and documents as the seed does
(«2024 жылғы 2 қыркүйектегі №174» / «от 2 сентября 2024 года №174»), Russian noun forms after numbers, list endings."""

from __future__ import annotations

import re
from datetime import date

from babel import Locale

from ..i18n import number
from .blocks import Block, Para

_RU = Locale.parse("ru")
_MARK_CLOSE = "\ue001"  # reporting.texts.MARK_CLOSE: the end of a text shown in the other language


def as_date(value) -> date | None:
    """Facts keep dates as ISO text, rows as dates."""
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def bare_number(value) -> str:
    """An order or case number without the «№» a clerk may have typed in front of it."""
    return str(value or "").strip().lstrip("№").strip()


# «2024 жылғы 2 қыркүйектегі №234 бұйрығы»: the month takes the locative-adjective ending.
KK_MONTHS_OF = ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
                "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"]
KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]
RU_MONTHS_OF = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря"]


# «2024 жылғы қарашада» / «в ноябре 2024 года»: the month in the locative, lowercase as both languages write it.
KK_MONTHS_IN = ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
                "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"]
RU_MONTHS_IN = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
                "ноябре", "декабре"]


def spelled_date(on, lang: str, *, kk_months=KK_MONTHS_OF) -> str:
    """«2024 жылғы 2 қыркүйектегі» / «2 сентября 2024 года»: the day unpadded, as acts are cited in prose; "" without
    a date. `kk_months` is the Kazakh case of the month (the locative «…тегі» of an act's date by default)."""
    on = as_date(on)
    if on is None:
        return ""
    if lang == "kk":
        return f"{on.year} жылғы {on.day} {kk_months[on.month - 1]}"
    return f"{on.day} {RU_MONTHS_OF[on.month - 1]} {on.year} года"


def order_ref(number, on, lang: str) -> str:
    """The one way the certificate cites an order, protocol or document, date first as Kazakh and Russian office
    prose cites acts: «2024 жылғы 2 қыркүйектегі №234» / «от 2 сентября 2024 года №234» (the seed's «басшының
    2024 жылғы 02 қыркүйектегі №234 бұйрығымен»; its «№48, 02.09.2024ж.», «№ 57» and «№57» were one reference
    written three ways, issue 11). Either part may be missing: «№234» / «2024 жылғы 2 қыркүйектегі» / «от 2
    сентября 2024 года». The caller adds the noun in its case («бұйрығымен», «приказом … »)."""
    number, on = bare_number(number), as_date(on)
    if on:
        cited = spelled_date(on, lang)
        cited = cited if lang == "kk" else f"от {cited}"
        return f"{cited} №{number}" if number else cited
    return f"№{number}" if number else ""


_INITIALS = re.compile(r"^(?:[^\W\d_]\.?){1,2}$")
_SURNAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]+(?:-[^\W\d_]+)*$")
_INITIALS_GLUED = re.compile(r"^(?P<initials>(?:[^\W\d_]\.){1,2})(?P<surname>[^\W\d_][^\W\d_]+(?:-[^\W\d_]+)*)$")


def _is_initials(word: str) -> bool:
    """«Ж», «Ж.», «Н.С.»: an undotted word is an initial only as one letter («РК», «ЖШС» are abbreviations)."""
    letters = word.replace(".", "")
    return bool(_INITIALS.match(word)) and letters.isupper() and ("." in word or len(letters) == 1)


def _is_surname(word: str) -> bool:
    """A capitalised word of letters (a hyphen joins a double surname): «Айназарова», «Омарова-Ким»; not «ЖШС»."""
    return bool(_SURNAME_WORD.match(word)) and word[0].isupper() and not word.isupper()


def _one_person(text: str) -> str:
    words = text.split()
    if not words:
        return ""
    glued = _INITIALS_GLUED.match(words[-1])  # «Қ.И.Бірманова»
    if glued and glued["surname"][0].isupper():
        return " ".join([*words[:-1], glued["initials"], glued["surname"]])
    # Initials at the end («Айназарова Ж», «Хасенова Н.С.», «Хасенова Н. С.»), after a capitalised surname.
    initials: list[str] = []
    while words and len(initials) < 2 and _is_initials(words[-1]):
        initials.insert(0, words.pop())
    if initials and words and _is_surname(words[-1]):
        letters = [c for c in "".join(initials) if c != "."]
        if len(letters) <= 2:
            surname = words.pop()
            return " ".join([*words, "".join(f"{c}." for c in letters), surname])
    # Initials first, written apart («Н. С. Хасенова»): the initials closed up, as «Н.С. Хасенова».
    words = text.split()
    if len(words) >= 2 and _is_surname(words[-1]):
        first = len(words) - 1
        while first > 0 and len(words) - 1 - first < 2 and _is_initials(words[first - 1]):
            first -= 1
        letters = [c for c in "".join(words[first:-1]) if c != "."]
        if first < len(words) - 1 and len(letters) <= 2:
            return " ".join([*words[:first], "".join(f"{c}." for c in letters), words[-1]])
    return text


def person_name(typed: str | None, lang: str | None = None) -> str:
    """The one way the certificate and its companion documents write a person the app names (a responsible
    person, a disciplined employee, a working-group member, the signatory): initials before the surname, each
    initial with its full stop, in both languages, as Kazakh and Russian office documents write a name in running
    text and under a signature («Қ.И. Бірманова», «Ж. Айназарова», «К.И. Бирманова»).

    Input: a name field as typed, perhaps after a position («директордың орынбасары Исаева А.Ж.») or several
    names apart by commas; only a name at the end of each part is turned round. Output: the text with those
    names as «И.О. Фамилия»; a name in another shape (a full name «Жұмабаев Ерлан Серікұлы») or a text with no
    name («Барлық жұмыскерлер») stays as typed, whitespace folded. The name is never declined. `lang` is
    accepted for symmetry with the other wording helpers: the style is the same in both languages."""
    text = " ".join((typed or "").split())
    if not text:
        return ""
    return ", ".join(_one_person(part.strip()) for part in text.split(","))


# The Kazakh possessive ending after a number follows the last word read aloud: бірі, екісі, үші, …, оны, жиырмасы.
_KK_UNITS = {1: "і", 2: "сі", 3: "і", 4: "і", 5: "і", 6: "сы", 7: "сі", 8: "і", 9: "ы"}
_KK_TENS = {1: "ы", 2: "сы", 3: "ы", 4: "ы", 5: "сі", 6: "ы", 7: "і", 8: "і", 9: "ы"}


def kk_share(n: int) -> str:
    """«оның 8-і, 9-ы, 12-сі, 20-сы, 100-і»: a part of a counted whole, the ending by the vowel harmony of the
    number's last word (сегізі, тоғызы, екісі, жиырмасы, жүзі)."""
    n = abs(int(n))
    if n % 10:
        ending = _KK_UNITS[n % 10]
    elif n % 100:
        ending = _KK_TENS[n % 100 // 10]
    elif n % 1000:
        ending = "і"  # жүз
    elif n:
        ending = "ы"  # мың, миллион
    else:
        ending = "і"  # нөл
    return f"{n}-{ending}"


def ru_plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form after a number, by Babel's plural rules for Russian (CLDR): 1 договор, 2 договора,
    5 договоров, 21 договор, 11 договоров."""
    return {"one": one, "few": few}.get(_RU.plural_form(abs(int(n))), many)


def counted(n: int, lang: str, kk: str, ru_forms: tuple[str, str, str]) -> str:
    """A count with its noun: «5 жұмыскер» (a Kazakh noun stays singular after a number) / «5 работников»."""
    return f"{number(n, lang)} {kk if lang == 'kk' else ru_plural(n, *ru_forms)}"


def ru_gender(phrase: str) -> str:
    """"m", "f" or "n": the grammatical gender of a Russian phrase's first word, from its ending («Прокуратура
    города» f, «Департамент» m, «Управление» n, «Общественный мониторинг» m), so a verb can agree with a
    body or event the school typed."""
    word = (phrase or "").strip().split(" ", 1)[0].lower().strip("«»\"")
    if word.endswith(("ая", "яя", "а", "я")):
        return "f"
    if word.endswith(("ое", "ее", "о", "е")):
        return "n"
    return "m"


def ru_past(phrase: str, m: str, f: str, n: str) -> str:
    """The past-tense verb agreeing with `phrase` as subject: ru_past("Прокуратура", "провёл", "провела", …)."""
    return {"m": m, "f": f, "n": n}[ru_gender(phrase)]


def lower_first(text: str) -> str:
    """`text` to go on mid-sentence: its first letter lowercase, unless the first word is an abbreviation
    («ИКТ», «НПА») or a name in quotes."""
    text = (text or "").strip()
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[1:2].isupper() or not text[:1].isupper():
        return text
    return text[:1].lower() + text[1:]


_RU_GENITIVE_ENDINGS = [("ский", "ского"), ("ской", "ского"), ("ный", "ного"), ("ний", "него"), ("ий", "его"),
                        ("ый", "ого"), ("ое", "ого"), ("ее", "его"), ("ая", "ой"), ("яя", "ей"), ("ие", "ия"),
                        ("ия", "ии"), ("ка", "ки"), ("га", "ги"), ("а", "ы"), ("я", "и")]


def ru_genitive(phrase: str | None) -> str:
    """A body's name («Педагогический совет», «Общее собрание», «Попечительская комиссия») in the genitive
    for «на заседании …», by word endings; "" when a word's ending is not one these rules know (the caller
    then keeps the name as typed)."""
    words = (phrase or "").split()
    if not words or len(words) > 4:
        return ""
    out = []
    for word in words:
        low = word.lower()
        if low[-1:] in "бвгджзклмнпрстфхцчшщ":
            out.append(low + "а")
            continue
        for end, new in _RU_GENITIVE_ENDINGS:
            if low.endswith(end):
                out.append(low[: -len(end)] + new)
                break
        else:
            return ""
    return " ".join(out)


# Both Russian genitives live here: `ru_genitive` declines every word of a body's name; this one only the head
# noun of each item of a list of actions typed in the nominative, as they stand after «проверку»: «расходование» →
# «расходования», «организация» → «организации», «государственные закупки» → «государственных закупок».
# Only noun endings: «внутренние», «последние» are adjectives.
_RU_HEAD = ((re.compile(r"(\w+(?:ан|ен|т|в))ие$"), r"\1ия"), (re.compile(r"(\w+)ия$"), r"\1ии"),
            (re.compile(r"(\w+)ость$"), r"\1ости"))
_RU_PLURAL_HEADS = {"закупки": "закупок", "услуги": "услуг", "работы": "работ", "обязательства": "обязательств"}


def _ru_item_genitive(item: str) -> str | None:
    words = item.split(" ")
    if len(words) >= 2 and re.fullmatch(r"\w+[ыи]е", words[0]) and words[1] in _RU_PLURAL_HEADS:
        return " ".join([words[0][:-1] + "х", _RU_PLURAL_HEADS[words[1]], *words[2:]])
    for pattern, genitive in _RU_HEAD:
        if pattern.fullmatch(words[0]):
            return " ".join([pattern.sub(genitive, words[0]), *words[1:]])
    return None


def ru_genitive_of_actions(subject: str) -> str | None:
    """«расходование бюджетных средств, государственные закупки и организация питания» → «расходования бюджетных
    средств, государственных закупок и организации питания», as «проверку …» takes it; None when an item's head is
    not one of the nominalisations an inspection's subject is typed in (the sentence then keeps the nominative)."""
    parts = re.split(r"(,\s*(?:и\s+)?|\s+и\s+)", subject)
    items = [_ru_item_genitive(p) if i % 2 == 0 else p for i, p in enumerate(parts)]
    if len(items) > 3 and not any(re.search(r"\bи\b", sep) for sep in items[1::2]):
        items[-2] = " и "  # a list closes with «и»: «…, государственных закупок и организации питания»
    return None if any(item is None for item in items) else "".join(items)


def upper_first(text: str | None) -> str:
    """`text` as a table cell starts, with a capital («Тұрақты», «Барлық жұмыскерлер», «Белгілі болған…»): one
    rule for every cell of the plan, whatever the clerk typed first; a name written in lowercase on purpose
    («е-Өтініш», «iKomek») keeps its letter."""
    text = (text or "").strip()
    word = text.split(" ", 1)[0]
    if not text[:1].islower() or any(c.isupper() for c in word[1:]):
        return text
    return text[:1].upper() + text[1:]


def quoted(text: str | None) -> str:
    """`text` in «» as Kazakh and Russian typography quote a title: straight quotes typed become «», quotes
    inside the title become „“ («О работе клуба „Адал ұрпақ“»), and a title typed already in quotes is not
    quoted twice."""
    text = " ".join((text or "").split())
    text = re.sub(r'"([^"]*)"', r"«\1»", text)
    if text.startswith("«") and text.endswith("»") and text.count("«") == 1 == text.count("»"):
        text = text[1:-1]
    return f"«{text.replace('«', '„').replace('»', '“')}»"


def trim_end(text: str | None) -> str:
    """Typed text without the «.», «;» or «,» it ends with, to go on inside a sentence; an abbreviation's
    point stays («Алматы қ.», «т.б.»)."""
    text = " ".join((text or "").split()).rstrip(" ,;")
    close = ""
    if text.endswith(_MARK_CLOSE):  # a text in the other language, marked: its own ending goes, the mark stays
        text, close = text[:-1].rstrip(" ,;"), _MARK_CLOSE
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1].replace(".", "")) > 3:
        text = text.rstrip(".")
    return text + close


def sentence(text: str) -> str:
    """`text` ending with one full stop (not two after «02.09.2024ж.»)."""
    return text if text.endswith(".") else text + "."


def series(items: list[str]) -> list[Block]:
    """One paragraph per item, each ending with «;» and the last with «.», as the seed's lists do
    («… №174, 02.09.2024ж.;»); left-aligned, as a justified list item stretches into wide gaps (issue 11)."""
    paras = []
    for i, item in enumerate(items, start=1):
        item = item.rstrip(" ;")
        paras.append(Para(item + ";" if i < len(items) else sentence(item), item=True))
    return paras


def on_day(value, lang: str) -> str:
    """When an event took place: «2024 жылғы 13 мамырда» / «13 мая 2024 года»; "" without a date."""
    return spelled_date(value, lang, kk_months=KK_MONTHS_IN)


def foreign(text: str | None) -> bool:
    """True when a typed text is shown in the other language (reporting.texts marks it): such a text cannot
    take a grammatical slot of the sentence around it, which is then framed so it stays grammatical."""
    from ..reporting.texts import has_marks

    return has_marks(text)


_KK_VOWELS = set("аәеиоөұүыіэюяуё")


def kk_with(name: str) -> str:
    """A Kazakh name in the instrumental («… -мен/-бен/-пен», "with"): «Асанмен», «қызбен», «кітаппен»; an
    abbreviation, a number or a quote takes a hyphen and «-мен» as office style writes it («ЖШС-мен»)."""
    name = name.strip()
    last_word = name.rsplit(" ", 1)[-1]
    last = name[-1:].lower()
    if (len(last_word) > 1 and last_word.isupper()) or not ("а" <= last <= "я" or last in "әғқңөұүһіё"):
        return f"{name}-мен"
    if last in _KK_VOWELS or last in "лмнңрй":
        return f"{name}мен"
    if last in "жз":
        return f"{name}бен"
    return f"{name}пен"


_MARKS = "\ue000\ue001"  # reporting.texts' marks of an untranslated piece: invisible to typography
_OPENS_AFTER = "([{«„/–—-"
_YEARS = re.compile(r"(?<![\d/.–-])((?:19|20)\d\d) ?- ?((?:19|20)\d\d)(?![\d/–-])")


def _quotes(text: str) -> str:
    """Straight double quotes to «» (nested „“), a quote that opens after a space or bracket and closes after
    a letter; a typed «» nested inside «» becomes „“ too when the quotes pair up. A closing quote a letter
    follows gets its missing space («…келісім"жасалды» → «…келісім» жасалды)."""
    kinds, seen = [], ""
    for ch in text:
        if ch == '"':
            prev = seen.rstrip(_MARKS)[-1:]
            kinds.append("open" if not prev or prev.isspace() or prev in _OPENS_AFTER else "close")
        else:
            kinds.append("open" if ch == "«" else "close" if ch == "»" else None)
        seen += ch
    depth, balanced = 0, True
    for kind in kinds:
        depth += 1 if kind == "open" else -1 if kind == "close" else 0
        balanced = balanced and depth >= 0
    balanced = balanced and depth == 0
    out, depth = [], 0
    for i, (ch, kind) in enumerate(zip(text, kinds, strict=True)):
        if kind == "open":
            out.append("«" if depth == 0 or not balanced else "„")
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)
            out.append("»" if depth == 0 or not balanced else "“")
            following = text[i + 1:].lstrip(_MARKS)[:1]
            if following.isalpha():
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


# No-break spaces: Kazakh and Russian typography (and CLDR's number formats for both, which Babel follows: a
# U+00A0 between digit groups and before «%» or «₸») keep these pairs on one line.
NBSP = "\u00a0"
# Names are Cyrillic: a Latin capital and full stop is a section's Roman numeral («I. Нормативтік…»), no initial.
_UPPER, _LOWER = "А-ЯЁӘҒҚҢӨҰҮҺІ", "а-яёәғқңөұүһі"


# The first capitalised word of a title, with any capitalised words right after it (a name: «Қазақстан
# Республикасы»), and what stands before it (a quote or «№» makes it a name or a number's part).
_FIRST_CAPITALISED = re.compile(rf"(?P<before>[«„\"'\w.-]?)(?P<words>[{_UPPER}][{_UPPER}{_LOWER}]*\.?"
                                rf"(?:[ \u00a0]+[{_UPPER}][{_UPPER}{_LOWER}]*\.?)*)")


def title_inside(title: str) -> str:
    """An order's title as it is cited inside the text: a title typed after a lead-in of its own («2024-2025 оқу
    жылына Конкурстық комиссияны құру туралы», «… күрес бойынша Жауапты тұлғаны бекіту туралы») runs on with
    its first capitalised word in lowercase, as the Russian «О создании конкурсной комиссии на 2024-2025 учебный
    год» (issue 11 review: «…Конкурстық комиссияны…» read as a capital mid-sentence). A title that starts with
    its own capital («Ішкі тәртіп ережесін бекіту туралы») or a quote is left as typed, and so is a first capital
    that is a name: in quotes, an abbreviation («ҚР», «АРМ»), an initial, or several capitalised words
    («Қазақстан Республикасы»)."""
    title = (title or "").strip()
    if not title or title[:1].isupper() or title[:1] in "«„\"":
        return title
    found = _FIRST_CAPITALISED.search(title)
    if found is None or found["before"] or " " in found["words"] or "\u00a0" in found["words"]:
        return title
    word = found["words"]
    if word.endswith(".") or word[1:2].isupper():
        return title
    return title[:found.start("words")] + word[:1].lower() + word[1:] + title[found.end("words"):]


_INITIAL_PAIR = rf"[{_UPPER}]\.(?:[ \u00a0]?[{_UPPER}]\.)?"  # «Қ.И.», «Қ. И.», «Ж.»
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?"  # «Бірманова», «Иванова-Петрова»
# «Қ.И. Бірманова»: initials that start a word (not the «Р.» of «ҚР.») and the surname after them.
_NAME_AFTER_INITIALS = re.compile(rf"(?<![\w.])({_INITIAL_PAIR})[ \t]+(?={_SURNAME})")
# «Хасенова Н.С.»: a surname and the initials after it, when they are not the initials of a name that follows.
_NAME_BEFORE_INITIALS = re.compile(
    rf"(?<![\w.-])({_SURNAME})[ \t]+(?={_INITIAL_PAIR}(?![\w.])(?![ \t\u00a0]+{_SURNAME}))")
_NUMERO = re.compile(r"№[ \t]+(?=\S)")  # «№ 57»
# «90,79 %», «1 440,00 ₸», «22 266 028,65 теңге»: a number and its sign or unit.
_UNIT = re.compile(r"(?<=\d)[ \t]+(?=%|₸|(?:теңге|тенге|тг|мың|тыс|млн|млрд)(?![\w-]))")
# «22 266 028,65» typed with plain spaces: the groups of one number (a group is three digits).
_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \t]\d{3})+(?!\d)")
# «– 1 педагог»: a count after a dash stays with its noun (issue 11 review: «– 1» ended a line, «педагог» began
# the next).
_DASH_COUNT = re.compile(r"(?<=[–—][ \u00a0])(\d[\d\u00a0]*)[ \t]+(?=[^\W\d_])")
# «2 қыркүйектегі», «2 октября»: a day and its month (the reviewer: a line ended at «2»).
_DAY_MONTH = re.compile(rf"(?<![\d.,])(\d{{1,2}})[ \t]+"
                        rf"(?=(?:{'|'.join(KK_MONTHS)})|(?:{'|'.join(RU_MONTHS_OF)})(?!\w))")
# «1 бірлік», «2 педагог», «2 педагогических работника», «0,5 ставка»: a count and the word it counts (the
# reviewer: a line ended at «2»); a year (four digits) or a number of digit groups is left to the rules above.
_COUNT_NOUN = re.compile(rf"(?<![\w.,\u00a0№-])(\d{{1,3}}(?:,\d+)?)[ \t]+(?=[{_LOWER}])")
# «на 2025 год», «2012 года», «2024 жылғы»: a year and the word «year» after it (the reviewer: «на 2025» ended a
# line, «год»» began the next).
_YEAR_WORD = re.compile(rf"(?<![\d.,\u00a0])((?:1[89]|20)\d\d)[ \t]+"
                        rf"(?=(?:год(?:а|у|ом|е|ы|ов|ам|ами|ах)?|жыл[{_LOWER}]*)(?![\w-]))")
# «ответственное лицо – Н.Г. Оспанова»: no line starts with the dash before a name.
_DASH_NAME = re.compile(rf"[ \t]+(?=[–—][ \t\u00a0]+{_INITIAL_PAIR}[ \t\u00a0]*{_SURNAME})")


# A person's name and a school's legal name are never hyphenated (the fluent reviewer: «Н.С. Хасено-/ва», «Б. Май-
# /лина», «КГУ «Шко-/ла-гимназия…»): initials and the surname after them, spaced, unspaced («Б.Майлина») or already
# joined by `_no_breaks`; a surname and its initials after it; a name in «» after or before its legal form.
_LEGAL_FORMS = "КГУ|ГУ|КММ|ММ|ГККП|КГКП|МКҚК|ТОО|ЖШС|АО|АҚ|НАО|КеАҚ|РГП|РГУ|РМК|ИП|ЖК"
UNHYPHENATED = re.compile(
    rf"(?<![\w.]){_INITIAL_PAIR}[ \t\u00a0]?{_SURNAME}(?![\w-])"
    rf"|(?<![\w.-]){_SURNAME}\u00a0{_INITIAL_PAIR}(?![\w.])"
    rf"|(?P<form>(?<![\w-])(?:{_LEGAL_FORMS})[ \u00a0])«[^«»<>]+»"
    rf"|«[^«»<>]+»(?=[ \u00a0](?:{_LEGAL_FORMS})(?![\w-]))")


def unhyphenated(html: str) -> str:
    """`html` (a text as the print HTML holds it) with every name `UNHYPHENATED` finds in a span the print CSS
    never hyphenates (`.name`); tags and their attributes are left alone."""
    def wrap(m: re.Match) -> str:
        form = m["form"] or ""  # «КГУ » stays outside: an abbreviation is never hyphenated anyway
        return f'{form}<span class="name">{m[0][len(form):]}</span>'

    return re.sub(rf"(?:{UNHYPHENATED.pattern})(?![^<>]*>)", wrap, html)


def _no_breaks(text: str) -> str:
    """No-break spaces inside what a reader takes in as one thing: initials and surname, «№» and its number, a
    number and «%» or its currency, the digit groups of a number, a count and its noun, a year and «год» / «жыл».
    (A number and its Kazakh ending, «5-тармағына», and a letter's prefix, «е-Өтініш», are kept together at their
    ordinary hyphen where the text becomes HTML or DOCX: reporting.texts.paper_html, docx_writer. Not U+2011, the
    no-break hyphen: the embedded Liberation Serif has no such glyph, and the PDF printed «е/Өтініш».)"""
    text = _NAME_AFTER_INITIALS.sub(lambda m: m[1].replace(" ", NBSP) + NBSP, text)
    text = _NAME_BEFORE_INITIALS.sub(lambda m: m[1] + NBSP, text)
    text = re.sub(rf"(?<![\w.])[{_UPPER}]\. (?=[{_UPPER}]\.)", lambda m: m[0].replace(" ", NBSP), text)
    text = _NUMERO.sub("№" + NBSP, text)
    text = _UNIT.sub(NBSP, text)
    text = _GROUPS.sub(lambda m: re.sub(r"[ \t]", NBSP, m[0]), text)
    text = _DAY_MONTH.sub(lambda m: m[1] + NBSP, text)
    text = _DASH_NAME.sub(NBSP, text)
    text = _YEAR_WORD.sub(lambda m: m[1] + NBSP, text)
    text = _COUNT_NOUN.sub(lambda m: m[1] + NBSP, text)
    return _DASH_COUNT.sub(lambda m: m[1] + NBSP, text)


def typeset(text: str) -> str:
    """A text as it goes on paper, whatever was stored: typographic quotes (see `_quotes`), an en dash in a
    range of years («2024-2025» → «2024–2025»), and no-break spaces where a line must not break (see
    `_no_breaks`: «Қ.И.\u00a0Бірманова», «Хасенова\u00a0Н.С.», «№\u00a057», «90,79\u00a0%»). The stored text is
    never changed; this runs at print time, for the PDF, the print HTML and the DOCX alike."""
    if not text or not isinstance(text, str):
        return text
    if '"' in text or "«" in text or "»" in text:
        text = _quotes(text)
    text = _YEARS.sub(lambda m: f"{m[1]}–{m[2]}" if m[1] <= m[2] else m[0], text)
    return _no_breaks(text)


def justified(lang: str) -> bool:
    """Whether the certificate's body paragraphs in `lang` are justified: only where a hyphenation dictionary
    exists for it (pyphen's, which WeasyPrint uses and the DOCX asks Word to match), since a justified line that
    cannot hyphenate its long words stretches into gaps. Russian has one; Kazakh has none in pyphen, Debian's
    hyphen-* packages or PyPI (TeX's hyph-kk, 2025, is in no package here), so Kazakh is left-aligned."""
    import pyphen

    return pyphen.language_fallback(lang) is not None
