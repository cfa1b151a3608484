"""2.3 in the certificate: personal-data consents, the order on mandatory documents, the data-protection order."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import order_ref, ru_plural, sentence, trim_end
from ...i18n import number


def certificate(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    consents = span.fact("personal_data_consents")  # follows the staff: the figure at the end of the span
    if consents is not None:
        blocks.append(Para(
            say(lang, "Дербес деректерді жинауға және өңдеуге келісім {n} қызметкермен жасалды.",
                "Согласие на сбор и обработку персональных данных получено от {n} {workers}.",
                n=number(consents, lang), workers=ru_plural(consents, "работника", "работников", "работников"))
            if consents else
            say(lang, "Дербес деректерді жинауға және өңдеуге келісімдер жасалған жоқ.",
                "Согласия на сбор и обработку персональных данных не оформлялись.")))
    order = order_ref(span.fact("documents_basis_order_number"), span.fact("documents_basis_order_date"), lang)
    if order:
        blocks.append(Para(say(lang, "Құжаттама педагогтер жүргізу үшін міндетті құжаттардың тізбесін және олардың "
                                     "нысандарын бекіту туралы {order} бұйрыққа сәйкес жүргізіледі.",
                               "Документация ведётся в соответствии с приказом об утверждении перечня документов, "
                               "обязательных для ведения педагогами, и их форм {order}.", order=order)))
    protection = trim_end(span.fact("data_protection_order"))
    if protection:
        blocks.append(Para(sentence(say(lang, "Ақпаратты және дербес деректерді қорғау: {text}",
                                        "Защита информации и персональных данных: {text}", text=protection))))
    return blocks
