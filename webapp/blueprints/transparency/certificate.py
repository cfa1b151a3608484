"""2.5 in the certificate: where the school publishes (website, social accounts) and how much it published."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.stated import Names
from ...certificate.wording import ru_plural
from ...i18n import number

# The words a school's own text names its publications with (certificate.stated: not said twice).
PUBLICATIONS = Names(kk=("жарияланым", "жарияла", "мақала"), ru=("публикац", "опубликова", "стать"))


def certificate(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    website = (span.fact("website") or "").strip()
    social = (span.fact("social_accounts") or "").strip()
    if website and social:
        blocks.append(Para(say(lang, "Мектеп қызметі туралы ақпарат ресми сайтта ({website}) және "
                                     "әлеуметтік желілердегі ресми аккаунттарда ({social}) жарияланады.",
                               "Информация о деятельности школы публикуется на официальном сайте ({website}) и в "
                               "официальных аккаунтах в социальных сетях ({social}).", website=website, social=social)))
    elif website:
        blocks.append(Para(say(lang, "Мектеп қызметі туралы ақпарат ресми сайтта ({website}) жарияланады.",
                               "Информация о деятельности школы публикуется на официальном сайте ({website}).",
                               website=website)))
    elif social:
        blocks.append(Para(say(lang, "Мектеп қызметі туралы ақпарат әлеуметтік желілердегі ресми аккаунттарда "
                                     "({social}) жарияланады.",
                               "Информация о деятельности школы публикуется в официальных аккаунтах в социальных "
                               "сетях ({social}).", social=social)))
    publications = span.fact("publications_count")  # added up over the span
    if publications is not None and not span.stated(publications, PUBLICATIONS, lang):
        blocks.append(Para(publications_sentence(publications, lang)))
    return blocks


def publications_sentence(n: int, lang: str) -> str:
    """«Талданатын кезеңде мектеп қызметі туралы 230 жарияланым орналастырылды.» / «В анализируемом периоде
    размещено 230 публикаций о деятельности школы.» (verb and noun agreeing with the count); none: a negative
    sentence."""
    if n == 0:
        return say(lang, "Талданатын кезеңде мектеп қызметі туралы жарияланымдар орналастырылған жоқ.",
                   "В анализируемом периоде публикации о деятельности школы не размещались.")
    return say(lang, "Талданатын кезеңде мектеп қызметі туралы {n} жарияланым орналастырылды.",
               "В анализируемом периоде {verb} {n} {noun} о деятельности школы.", n=number(n, lang),
               verb=ru_plural(n, "размещена", "размещены", "размещено"),
               noun=ru_plural(n, "публикация", "публикации", "публикаций"))
