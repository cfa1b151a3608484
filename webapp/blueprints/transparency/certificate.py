"""2.5 in the certificate: where the school publishes (website, social accounts) and how much it published."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.stated import Names
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
        blocks.append(Para(say(lang, "Талданатын кезеңде мектеп қызметі туралы {n} жарияланым орналастырылды.",
                               "В анализируемом периоде размещено публикаций о деятельности школы: {n}.",
                               n=number(publications, lang))))
    return blocks
