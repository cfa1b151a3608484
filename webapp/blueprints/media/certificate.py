"""2.12 in the certificate: negative publications about the school over the span and the responses given."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...i18n import number


def certificate(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    negative, responses = span.fact("negative_publications"), span.fact("responses_given")  # added up
    if negative == 0:
        blocks.append(Para(say(lang, "Талданатын кезеңде бұқаралық ақпарат құралдары мен әлеуметтік желілерде мектеп "
                                     "туралы жағымсыз жарияланымдар анықталған жоқ.",
                               "В анализируемом периоде негативных публикаций о школе в средствах массовой "
                               "информации и социальных сетях не выявлено.")))
    elif negative is not None:
        text = say(lang, "Талданатын кезеңде бұқаралық ақпарат құралдары мен әлеуметтік желілерде мектеп туралы {n} "
                         "жағымсыз жарияланым анықталды",
                   "В анализируемом периоде выявлено негативных публикаций о школе в средствах массовой информации "
                   "и социальных сетях: {n}", n=number(negative, lang))
        if responses:
            text += say(lang, ", оларға {m} жауап берілді", "; дано ответов: {m}", m=number(responses, lang))
        elif responses == 0:
            text += say(lang, ", жауап берілген жоқ", "; ответы не давались")
        blocks.append(Para(text + "."))
    elif responses:
        blocks.append(Para(say(lang, "Жарияланымдарға берілген жауаптар саны – {m}.",
                               "Количество ответов на публикации – {m}.", m=number(responses, lang))))
    description = (span.fact("description") or "").strip()
    if description:
        blocks.append(Para(description))
    return blocks
