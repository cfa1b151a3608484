"""2.1 in the certificate: the order assigning responsibility, each service with its recipients over the span,
and who answers for the e-school portal."""

from __future__ import annotations

from decimal import Decimal

from ...certificate.blocks import Block, Para, say
from ...certificate.placed import Topic
from ...certificate.stated import Names
from ...certificate.wording import (
    kk_share,
    lower_first,
    order_ref,
    person_name,
    ru_plural,
    sentence,
    series,
    trim_end,
)
from ...i18n import number
from ...reporting.texts import MARK_OPEN


class _Service:
    """One service over the span: its half-years' rows added up."""

    def __init__(self, row):
        self.row = row  # the latest row names the service and its legal basis
        self.responsible: list[str] = []
        self.recipients: int | None = 0  # the recipients given, added; None when no half-year gives them
        # Some half-year gave only a total over services: `recipients` is then a lower bound («не менее»).
        self.partial = False
        self.amount: Decimal | None = None
        self.electronic: int | None = None

    def add(self, row) -> None:
        if (row.legal_basis or "").strip() or not (self.row.legal_basis or "").strip():
            self.row = row
        person = person_name(row.responsible)
        if person and person not in self.responsible:  # a responsibility handed over mid-year names both
            self.responsible.append(person)
        if row.recipients is None:
            self.partial = True
        else:
            self.recipients = (self.recipients or 0) + row.recipients
        if row.amount is not None:
            self.amount = (self.amount or Decimal(0)) + Decimal(row.amount)
        if row.electronic is not None:
            self.electronic = (self.electronic or 0) + row.electronic


# The words a school's own text names the services' recipients with (certificate.stated: not said twice).
# The number of services is another figure («12 видов услуг»): only the people served name this one.
RECIPIENTS = Names(kk=("алушы", "адамға", "өтініш беруші"), ru=("получател", "лицам", "лицу", "заявител", "гражданам",
                                                               "человек"))

# A service's line always counts whom it served, even when the school's own text counts them again («5 оқушы
# «АРМ» сайты арқылы тегін тамақпен қамтамасыз етілді»): the line is an entry of the list of services, and the
# seed's list gives every service's count (issue 11 review: free meals alone had lost theirs).


# The seed's order of ideas in 2.1 (certificate.placed): the control of services, the order assigning them,
# the order's basis, the services, the e-school portal (and what the school typed about it), the monthly report
# the responsible persons send.
ORDER, ORDER_BASIS, SERVICES, PORTAL, ON_PORTAL, REPORTS = 1, 2, 3, 4, 4.5, 5
TOPICS = (Topic(ORDER_BASIS, r"(Бұйрық негіздемесі|Бұйрықтың негізі|Основание|Основанием)\b", anchored=True),
          Topic(ON_PORTAL, r"«?(АРМ|AРМ)»|автоматтандырылған жұмыс орны|автоматизированное рабочее место"),
          Topic(REPORTS, r"(жауапты тұлғалар|ответственные за)\b.*(ай сайын|ежемесячно)"))


def services_over_span(rows) -> list[_Service]:
    """Rows of the same service (by its code, or by its typed name) summed, in first-entered order."""
    services: dict[str, _Service] = {}
    for row in rows:
        key = row.service_code or "name:" + " ".join((row.service_name or "").split()).casefold()
        service = services.setdefault(key, _Service(row))
        service.add(row)
    return list(services.values())


def recipients_total(span) -> int | None:
    """The recipients over the span when some half-year gave a total over services (else None: each service
    speaks for itself): per half-year its typed total, else its services' recipients added; None when a
    half-year gives neither (a sum would understate the span) (issue 10 QA: 1 905 typed in 2026-H1 and 16, 24, 1
    per service in 2025-H2 are 1 946)."""
    parts = span.parts or [span]
    if all(part.fact("recipients_total") is None for part in parts):
        return None
    total = 0
    for part in parts:
        typed = part.fact("recipients_total")
        if typed is None:
            given = [row.recipients for row in part.rows.get("services") or []]
            if any(n is None for n in given):
                return None
            typed = sum(given)
        total += typed
    return total


def _basis(text: str, lang: str) -> str:
    """A typed legal basis to go on after «(» mid-sentence: lowercase as both languages write a common noun
    («стандарт государственной услуги», «мемлекеттік көрсетілетін қызмет стандарты»), a proper name kept
    («Қазақстан Республикасы …»)."""
    text = trim_end(text)
    if text.startswith(("Қазақстан", "Казахстан", "Республик")):
        return text
    lead = len(text) - len(text.lstrip(MARK_OPEN))
    return text[:lead] + lower_first(text[lead:])


# The words a school's text names a service's electronic recipients with (certificate.stated): «5 оқушы «АРМ»
# сайты арқылы … қамтамасыз етілді».
ELECTRONIC = Names(kk=("электрон", "арм", "портал"), ru=("электрон", "арм", "портал"))


def _line(service: _Service, lang: str, span=None) -> str:
    """«Анықтама беру» (негізі – …, жауапты тұлға – Хасенова Н.С.): мемлекеттік қызмет 2 адамға көрсетілді» /
    «…» (основание – …, ответственное лицо – Хасенова Н.С.): государственная услуга оказана 2 лицам»: what was
    done is the clause, its basis and the person answering for it are in brackets (a person's title needs no
    grammatical gender: «ответственное лицо»). Home schooling is given to pupils taught at home, and says so:
    «үйде оқитын 2 оқушыға» / «2 обучающимся на дому», as the seed does (issue 11)."""
    # A service not in the register is named as typed, in `lang`'s version (row.name reads the raw row).
    row = service.row
    name = " ".join((row.name(lang) if row.service_code else row.service_name or "").split())
    basis = _basis(service.row.legal_basis, lang) if (service.row.legal_basis or "").strip() else ""
    who = ", ".join(service.responsible)
    details = [say(lang, "негізі – {basis}", "основание – {basis}", basis=basis)] if basis else []
    if who:
        details.append(say(lang, "жауапты тұлға – {who}", "ответственное лицо – {who}", who=who))
    head = f"«{name}»" + (f" ({', '.join(details)})" if details else "")
    n = service.recipients
    at_least = service.partial and bool(n)  # a half-year gave only its total over services (issue 10 QA)
    if service.partial and not n:  # only a total over all services is known: say nothing false about this one
        if not service.electronic:
            return head
        # …but the electronic recipients given are stated as what is known (issue 10 QA)
        return f"{head}: " + say(lang, "мемлекеттік қызмет электронды түрде {n} адамға көрсетілді",
                                 "государственная услуга оказана в электронном виде {n} {people}",
                                 n=number(service.electronic, lang),
                                 people=ru_plural(service.electronic, "лицу", "лицам", "лицам"))
    at_home = row.service_code == "home_schooling"
    if lang == "kk":
        amount = (f", {number(service.amount, lang, digits=2)} теңге көлемінде"
                  if n and service.amount is not None else "")
        whom = f"{'үйде оқитын ' if at_home else ''}{'кемінде ' if at_least else ''}{number(n, lang)} " \
               f"{'оқушыға' if at_home else 'адамға'}"
        served = f"мемлекеттік қызмет {whom}{amount} көрсетілді" if n else "мемлекеттік қызмет көрсетілген жоқ"
        if n and service.electronic and not _electronic_stated(service, lang, span):
            served += f", оның ішінде {kk_share(service.electronic)} электронды түрде"
    else:
        whom = (f"{ru_plural(n, 'обучающемуся', 'обучающимся', 'обучающимся')} на дому" if at_home else
                ru_plural(n, 'лицу', 'лицам', 'лицам'))
        served = (f"государственная услуга оказана {'не менее ' if at_least else ''}{number(n, lang)} {whom}" if n
                  else "государственная услуга не оказывалась")
        if n and service.amount is not None:
            served += f" на сумму {number(service.amount, lang, digits=2)} тенге"
        if n and service.electronic and not _electronic_stated(service, lang, span):
            served += f", из них {number(service.electronic, lang)} в электронном виде"
    return f"{head}: {served}"


def _electronic_stated(service: _Service, lang: str, span) -> bool:
    """True when the school's text already says how many received the service electronically (rudny-7: «5 оқушы
    «АРМ» сайты арқылы тегін тамақпен қамтамасыз етілді» after «…5 адамға көрсетілді, оның ішінде 5-і электронды
    түрде», issue 11 re-read): a fact is stated once."""
    return span is not None and span.stated(service.electronic, ELECTRONIC, lang)


def certificate(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    order = order_ref(span.fact("responsibility_order_number"), span.fact("responsibility_order_date"), lang)
    services = services_over_span(span.rows.get("services", []))
    if order:
        blocks.append(Para(say(lang, "{order} «Мемлекеттік көрсетілетін қызметтерге жауапкершілікті жүктеу туралы» "
                                     "бұйрық шығарылған.",
                               "Издан приказ «О возложении ответственности за оказание государственных услуг» "
                               "{order}.", order=order), topic=ORDER))
    if services:
        if order:
            blocks.append(Para(say(lang, "Бұйрыққа сәйкес төмендегі мемлекеттік қызметтер көрсетіледі:",
                                   "В соответствии с приказом оказываются следующие государственные услуги:"),
                               topic=SERVICES))
        else:
            blocks.append(Para(say(lang, "Мектеп төмендегі мемлекеттік қызметтерді көрсетеді:",
                                   "Школа оказывает следующие государственные услуги:"), topic=SERVICES))
        blocks += series([_line(service, lang, span) for service in services])
    total = recipients_total(span)
    if total is not None and not span.stated(total, RECIPIENTS, lang):
        blocks.append(Para(topic=SERVICES, text=say(lang, "Мемлекеттік қызметтер барлығы {n} адамға көрсетілді.",
                               "Всего государственные услуги оказаны {n} {people}.", n=number(total, lang),
                               people=ru_plural(total, "лицу", "лицам", "лицам"))))
    person = person_name(span.fact("portal_responsible"))
    if person:
        portal_order = order_ref(span.fact("portal_order_number"), span.fact("portal_order_date"), lang)
        # A sentence, not «… жауапты тұлға – {person}» (issue 11 re-read: a «label – value» slot); «отвечает» has no
        # gender, as «ответственное лицо» had none.
        text = say(lang, "«АРМ» электронды мектеп порталының жұмысына {person} жауап береді",
                   "За работу электронного портала «АРМ» отвечает {person}", person=person)
        if portal_order:
            text += say(lang, " ({order} бұйрық)", " (приказ {order})", order=portal_order)
        blocks.append(Para(sentence(text), topic=PORTAL))
    return blocks
