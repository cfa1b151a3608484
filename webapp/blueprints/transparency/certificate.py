"""2.5 in the certificate: where the school publishes (website, social accounts) and how much it published."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.stated import Fact, Names, address_fact
from ...certificate.wording import ru_plural, sentence
from ...i18n import number

# The words a school's own text names its publications with (certificate.stated: not said twice).
PUBLICATIONS = Names(kk=("жарияланым", "жарияла", "мақала"), ru=("публикац", "опубликова", "стать"))


# How a school's text names where it publishes (certificate.stated): its website, its social accounts.
WEBSITE = Names(kk=("сайт",), ru=("сайт",))
SOCIAL = Names(kk=("аккаунт", "әлеуметтік желі", "парақша", "instagram", "facebook", "telegram"),
               ru=("аккаунт", "социальн сет", "страниц", "instagram", "facebook", "telegram"))


def _where(span, lang: str) -> list[Block]:
    """«Мектеп қызметі туралы ақпарат ресми сайтта (…) және … жарияланады.»; where the school's text already says it
    publishes on its website and social accounts, only the addresses no paragraph gave yet (2.2's vacancies may
    have): «Мектептің ресми сайтының мекенжайы – …» (issue 11, «a fact is stated once»)."""
    website = (span.fact("website") or "").strip()
    social = (span.fact("social_accounts") or "").strip()
    if not (website or social):
        return []
    kinds = [k for k, given in ((WEBSITE, website), (SOCIAL, social)) if given]
    addresses = tuple(address_fact(link) for link in (website, social) if link)
    if not span.said(Fact(terms=tuple(kinds)), lang):
        if website and social:
            text = say(lang, "Мектеп қызметі туралы ақпарат ресми сайтта ({website}) және әлеуметтік желілердегі ресми "
                             "аккаунттарда ({social}) жарияланады.",
                       "Информация о деятельности школы публикуется на официальном сайте ({website}) и в "
                       "официальных аккаунтах в социальных сетях ({social}).", website=website, social=social)
        elif website:
            text = say(lang, "Мектеп қызметі туралы ақпарат ресми сайтта ({website}) жарияланады.",
                       "Информация о деятельности школы публикуется на официальном сайте ({website}).",
                       website=website)
        else:
            text = say(lang, "Мектеп қызметі туралы ақпарат әлеуметтік желілердегі ресми аккаунттарда ({social}) "
                             "жарияланады.",
                       "Информация о деятельности школы публикуется в официальных аккаунтах в социальных сетях "
                       "({social}).", social=social)
        return [Para(text, states=addresses)]
    parts = []
    if website and not span.said(address_fact(website), lang):
        parts.append(say(lang, "ресми сайты – {v}", "официальный сайт школы – {v}", v=website))
    if social and not span.said(address_fact(social), lang):
        parts.append(say(lang, "әлеуметтік желілердегі аккаунттары – {v}", "аккаунты школы в социальных сетях – {v}",
                         v=social))
    if not parts:
        return []
    text = "; ".join(parts)
    text = f"Мектептің {text}" if lang == "kk" else text[:1].upper() + text[1:]
    return [Para(sentence(text), states=addresses)]


def certificate(span, lang: str) -> list[Block]:
    blocks = _where(span, lang)
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
