"""2.3 in the certificate: personal-data consents, the order on mandatory documents, the data-protection order."""

from __future__ import annotations

import re

from ...certificate.blocks import Block, Para, say
from ...certificate.school_kind import school_place
from ...certificate.stated import cited_order
from ...certificate.wording import foreign, on_day, order_ref, quoted, ru_plural, sentence, trim_end
from ...i18n import number

# First words of a typed issuer or order that are common nouns, lowercase mid-sentence («білім бөлімінің …
# бұйрығына сәйкес»); a name («Қазақстан Республикасы …», «Рудный қаласы …») keeps its capital.
_KK_COMMON = ("білім", "мектеп", "мектептің", "мектеп-гимназия", "мектеп-гимназияның", "гимназия", "гимназияның",
              "директордың", "директорының", "қалалық", "аудандық", "облыстық")


def _mid_sentence(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in _KK_COMMON else text


def _consents(span, lang: str) -> list[Block]:
    """Only a count the school typed: «гимназияның әрбір қызметкерімен» in its own basis is not a number."""
    consents = span.fact("personal_data_consents")  # follows the staff: the figure at the end of the span
    if consents is None:
        return []
    return [Para(
        say(lang, "Дербес деректерді жинауға және өңдеуге келісім {n} қызметкермен жасалды.",
            "Согласие на сбор и обработку персональных данных получено от {n} {workers}.",
            n=number(consents, lang), workers=ru_plural(consents, "работника", "работников", "работников"))
        if consents else
        say(lang, "Дербес деректерді жинауға және өңдеуге келісімдер жасалған жоқ.",
            "Согласия на сбор и обработку персональных данных не оформлялись."))]


def _registration(span, lang: str) -> str:
    """«Қазақстан Республикасының Әділет министрлігінде 2020 жылғы 6 сәуірде №20317 болып тіркелді» /
    «зарегистрирован в Министерстве юстиции Республики Казахстан 6 апреля 2020 года под №20317» (a registration is
    «под №», an order's own number is not)."""
    number_ = order_ref(span.fact("documents_basis_order_registration_number"), None, lang)
    if not number_:
        return ""
    on = on_day(span.fact("documents_basis_order_registration_date"), lang)
    return say(lang, "Қазақстан Республикасының Әділет министрлігінде {when}{n} болып тіркелді",
               "зарегистрирован в Министерстве юстиции Республики Казахстан {when}под {n}",
               when=f"{on} " if on else "", n=number_)


def documents_order(span, lang: str) -> str:
    """The order on the documents teachers keep, cited as an act is: «Мектеп-гимназияда құжаттаманы есепке алу
    және жүргізу «…бекіту туралы» Қазақстан Республикасы Білім және ғылым министрінің 2020 жылғы 6 сәуірдегі №130
    бұйрығына сәйкес жүзеге асырылады (… №20317 болып тіркелді).» / «Учёт и ведение документации в
    школе-гимназии осуществляются в соответствии с приказом Министра образования и науки Республики Казахстан от
    6 апреля 2020 года №130 «Об утверждении …» (зарегистрирован …).»; "" with no order. The seed's words («есепке
    алу», record-keeping as well as keeping); a basis's «Документация ведётся в электронном виде…» just before it
    no longer opens two sentences in a row alike (issue 11)."""
    cited = order_ref(span.fact("documents_basis_order_number"), span.fact("documents_basis_order_date"), lang)
    if not cited:
        return ""
    title = trim_end(span.fact("documents_basis_order_title"))
    issuer = trim_end(span.fact("documents_basis_order_issuer"))
    asides = []
    if foreign(issuer):  # a genitive typed in the other language cannot take the slot: named apart, whole
        asides.append(say(lang, "шығарған – {v}", "издан – {v}", v=quoted(issuer)))
        issuer = ""
    asides.append(_registration(span, lang))
    aside = "; ".join(a for a in asides if a)
    aside = f" ({aside})" if aside else ""
    if lang == "kk":
        order = " ".join(p for p in (quoted(title) if title else "", _mid_sentence(issuer), cited) if p)
        order += " бұйрығына" if issuer else " бұйрыққа"
        if not title:
            order = f"педагогтер жүргізуге міндетті құжаттардың тізбесі мен нысандарын бекіткен {order}"
        place = school_place(span, lang)
        return sentence(f"{place[:1].upper()}{place[1:]} құжаттаманы есепке алу және жүргізу {order} сәйкес жүзеге "
                        f"асырылады{aside}")
    order = " ".join(p for p in ("приказом", issuer, cited, quoted(title) if title else "") if p)
    text = f"Учёт и ведение документации {school_place(span, lang)} осуществляются в соответствии с {order}{aside}"
    if not title:
        text += ", утвердившим перечень документов, обязательных для ведения педагогами, и их формы"
    return sentence(text)


def protection_order(text: str, lang: str) -> str:
    """«Ақпаратты және дербес деректерді қорғау білім бөлімінің … №431 «…» бұйрығына сәйкес жүзеге асырылады.» /
    «Защита информации и персональных данных осуществляется в соответствии с приказом отдела образования …»;
    an order typed otherwise, or in the other language, follows a colon whole."""
    if not foreign(text):
        if lang == "kk" and text.endswith("бұйрығы"):
            return sentence(f"Ақпаратты және дербес деректерді қорғау {_mid_sentence(text)}на сәйкес жүзеге асырылады")
        if lang == "ru" and re.match(r"приказ\s", text, re.IGNORECASE):
            return sentence("Защита информации и персональных данных осуществляется в соответствии с приказом "
                            f"{text.split(' ', 1)[1]}")
    return sentence(say(lang, "Ақпаратты және дербес деректерді қорғау мына құжатпен реттеледі: {text}",
                        "Защита информации и персональных данных регламентируется следующим документом: {text}",
                        text=quoted(text) if foreign(text) else text))


def certificate(span, lang: str) -> list[Block]:
    blocks = _consents(span, lang)
    order = documents_order(span, lang)
    if order:
        blocks.append(Para(order))
    protection = trim_end(span.fact("data_protection_order"))
    if protection:
        # Left out when the school's basis already cites the order (its number and year): «…№431 бұйрығымен
        # танысты» (issue 11, «a fact is stated once»).
        order = cited_order(protection)
        blocks.append(Para(protection_order(protection, lang), states=(order,) if order else ()))
    return blocks
