"""2.12 in the certificate: negative publications about the school over the span and the responses given."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import kk_share, ru_plural
from ...i18n import number


def _found(n: int, lang: str) -> str:
    """«… мектеп туралы 2 жағымсыз жарияланым анықталды» / «… выявлены 2 негативные публикации о школе»."""
    return say(lang, "Талданатын кезеңде бұқаралық ақпарат құралдары мен әлеуметтік желілерде мектеп туралы {n} "
                     "жағымсыз жарияланым анықталды",
               "В анализируемом периоде в средствах массовой информации и социальных сетях {verb} {n} {noun} о школе",
               n=number(n, lang), verb=ru_plural(n, "выявлена", "выявлены", "выявлено"),
               noun=ru_plural(n, "негативная публикация", "негативные публикации", "негативных публикаций"))


def _kk_dative_share(m: int) -> str:
    """«олардың 2-сіне» : a part of the publications in the dative, its ending by the vowel of the share."""
    share = kk_share(m)
    return share + ("на" if share.endswith("ы") else "не")


def _answered(n: int, responses: int | None, lang: str) -> str:
    """«, оған ресми жауап берілді» / «, на неё дан официальный ответ» after `n` publications found; "" when not
    given. One answer to each publication is no count (issue 11: «оған 1 жауап берілді» read as a slot): a count is
    said only where it tells something – some publications answered, or more answers than publications."""
    if responses is None:
        return ""
    one = n == 1  # «на неё» / «оған» for a single publication, «на них» / «оларға» for several (also 21)
    to = say(lang, "оған" if one else "оларға", "неё" if one else "них")
    if responses == 0:
        return say(lang, ", {to} жауап берілген жоқ", ", ответы на {to} не давались", to=to)
    if responses == n:
        return say(lang, ", оған ресми жауап берілді" if one else ", олардың әрқайсысына ресми жауап берілді",
                   ", на неё дан официальный ответ" if one else ", на каждую из них дан официальный ответ")
    if responses < n:
        return say(lang, ", олардың {share} ресми жауап берілді", ", на {m} из них {given}",
                   share=_kk_dative_share(responses), m=number(responses, lang),
                   given=ru_plural(responses, "дан официальный ответ", "даны официальные ответы",
                                   "даны официальные ответы"))
    return say(lang, ", {to} {m} ресми жауап берілді", ", на {to} {verb} {m} {noun}", m=number(responses, lang),
               to=to, verb=ru_plural(responses, "дан", "даны", "дано"),
               noun=ru_plural(responses, "официальный ответ", "официальных ответа", "официальных ответов"))


def certificate(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    negative, responses = span.fact("negative_publications"), span.fact("responses_given")  # added up
    if negative == 0:
        blocks.append(Para(say(lang, "Талданатын кезеңде бұқаралық ақпарат құралдары мен әлеуметтік желілерде мектеп "
                                     "туралы жағымсыз жарияланымдар анықталған жоқ.",
                               "В анализируемом периоде негативных публикаций о школе в средствах массовой "
                               "информации и социальных сетях не выявлено.")))
    elif negative is not None:
        blocks.append(Para(_found(negative, lang) + _answered(negative, responses, lang) + "."))
    elif responses:
        blocks.append(Para(say(lang, "Жарияланымдарға {m} жауап берілді.", "На публикации {verb} {m} {noun}.",
                               m=number(responses, lang), verb=ru_plural(responses, "дан", "даны", "дано"),
                               noun=ru_plural(responses, "ответ", "ответа", "ответов"))))
    description = (span.fact("description") or "").strip()
    if description:
        blocks.append(Para(description))
    return blocks
