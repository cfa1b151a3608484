"""The conclusion of the certificate: the overall finding, the working group's numbered recommendations with
their deadlines, the action plan table and how last half-year's recommendations were carried out."""

from ...certificate.blocks import Block, NumberedList, Para, Table, say
from ...certificate.dates import deadline_words
from ...certificate.wording import person_name, upper_first
from ...reporting.sections import section_by_code

DEADLINES = {"permanent": ("тұрақты", "постоянно"), "twice_a_year": ("жылына екі рет", "два раза в год")}
STATUSES = {"done": ("орындалды", "исполнено"), "in_progress": ("орындалуда", "на исполнении"),
            "not_done": ("орындалмады", "не исполнено")}
# Column shares of the plan (№, section (risk), measure, responsible, deadline; in mm of the 165 mm of text) and of
# the follow-ups (№, recommendation, deadline, status, comment), the same in the PDF and the DOCX. The two text
# columns share what the others leave: the measure column a little the wider (issue 11 review: at 47 mm Russian
# measures hyphenated almost every line, «руководите-лю», «возна-граждения»), the section column wide enough for
# «По всем направлениям» on one line (at 30 mm «Норматив-ные… вну-тренние доку-менты», «По всем на-правлениям»,
# seven hyphens in rudny-7's row 10; at 45 mm three in the whole plan). Kazakh, never hyphenated (no dictionary),
# keeps a wider measure column: its long unbroken words made rudny-7's plan some 4 cm longer at 48 mm. The
# responsible column keeps «Делопроизводитель» (36 mm at 12 pt) whole, the deadline column the header's
# «исполнения» (23 mm bold); the status column «На исполнении», «Орындалмады» and the header «Исполнение» (24 mm
# bold), which touched the border at 25 mm.
PLAN_WIDTHS = {"kk": [7, 36, 57, 39, 26], "ru": [7, 45, 48, 39, 26]}
FOLLOW_UP_WIDTHS = [2, 14, 6, 8, 10]


def deadline_text(row, lang: str) -> str:
    """«тұрақты» / «постоянно», or the date in words as the plan prints it (dates.deadline_words: «2025 жылғы
    желтоқсан» / «декабрь 2025 года»), never «25.12.2025»."""
    if row.deadline_kind == "date":
        return deadline_words(row.deadline_date, lang) or "—"
    kk, ru = DEADLINES.get(row.deadline_kind, (row.deadline_kind or "", row.deadline_kind or ""))
    return kk if lang == "kk" else ru


def answered_risk(row) -> str:
    """The plan's risk column: the risk in words, after the section it answers when one is chosen
    («2.2. Кадр саясаты: …»); the section's title is read in the certificate's language (assembled under it)."""
    section = section_by_code(row.section) if getattr(row, "section", None) else None
    label = section.cited if section is not None else ""
    if label and row.risk:
        return f"{label}: {row.risk}"
    return label or row.risk or ""


def drawn_finding(span, lang: str) -> str:
    """The finding when the school typed none: «Жоғарыда көрсетілген бағыттар бойынша … сыбайлас жемқорлық құқық
    бұзушылықтары анықталған жоқ.» / «… коррупционных правонарушений не выявлено.», or the sections where a
    violation was found in the period."""
    if not span.found_in:
        # Corruption offences, not «нарушения, связанные с коррупционными рисками»: the sections above may tell of
        # disciplinary sanctions, an ethics case or a negative publication (issue 11 review, lisakovsk-2).
        return say(lang, "Жоғарыда көрсетілген бағыттар бойынша талданатын кезеңде сыбайлас жемқорлық құқық "
                         "бұзушылықтары анықталған жоқ.",
                   "По указанным выше направлениям в анализируемом периоде коррупционных правонарушений не выявлено.")
    named = ", ".join(f"«{section.cited}»" for section in span.found_in)
    # Found in the period, not «по результатам анализа»: a prosecutor or an inspection may have found them.
    return say(lang, "Талданатын кезеңде мына бағыттар бойынша бұзушылықтар анықталды: {s}; қалған бағыттар бойынша "
                     "бұзушылықтар анықталған жоқ.",
               "В анализируемом периоде выявлены нарушения по направлениям: {s}; по остальным направлениям нарушений "
               "не выявлено.", s=named)


def conclusion_blocks(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    # The conclusion always concludes: the school's finding, or else one drawn from the sections (the seed's
    # negative sentence when none found a violation; issue 11 review: nothing was said then).
    finding = span.fact("overall_finding") or span.text.get("basis")
    if span.violation_found and len(span.part_facts) > 1:
        # Over several half-years the finding of the latest that found violations stands: rudny-3's 2025-H2 …
        # 2026-H1 said «бұзушылықтар анықталған жоқ» (2026-H1's) below 2.2's violation of 2025-H2 (issue 11).
        found = [facts.get("overall_finding") for part, facts in zip(span.parts, span.part_facts, strict=True)
                 if part.entry is not None and part.entry.violation_found and facts.get("overall_finding")]
        finding = found[-1] if found else finding
    blocks.append(Para(finding or drawn_finding(span, lang)))
    recommendations = span.rows.get("recommendations", [])
    if recommendations:
        blocks.append(Para(say(lang, "Сыбайлас жемқорлық тәуекелдеріне жүргізілген ішкі талдау қорытындысы бойынша "
                                     "жұмыс тобы мынадай ұсынымдар шығарды:",
                               "По итогам проведённого внутреннего анализа коррупционных рисков рабочая группа "
                               "выработала следующие рекомендации:")))
        # The column names the section (and the risk in words where one is typed): «Бөлім (тәуекел)».
        table = Table(
            [say(lang, "№", "№"),
             say(lang, "Бөлім (тәуекел)", "Раздел (риск)"),
             say(lang, "Іс-шара", "Мероприятие"), say(lang, "Жауапты орындаушы", "Ответственный исполнитель"),
             say(lang, "Орындау мерзімі", "Срок исполнения")],
            # Each cell starts with a capital, as a table cell does, whatever the clerk typed.
            [[str(i)] + [upper_first(cell) for cell in (answered_risk(row), row.text, person_name(row.responsible),
                                                        deadline_text(row, lang))]
             for i, row in enumerate(recommendations, 1)], widths=PLAN_WIDTHS[lang])
        if all((row.risk or row.section) and row.responsible for row in recommendations):
            # A plan whose every measure names its risk and who carries it out is the list itself: each
            # recommendation is stated once, in the table, with its deadline.
            # The responsible column already names who: the audience line («Барлық жұмыскерлерге:») is not
            # printed above it.
            blocks.append(table)
        else:
            if span.fact("audience"):
                blocks.append(Para(f"{span.fact('audience')}:"))
            label = say(lang, "орындау мерзімі", "срок исполнения")
            blocks.append(NumberedList([f"{row.text.rstrip('.;')}, {label}: {deadline_text(row, lang)}."
                                        for row in recommendations]))
            if any(row.risk or row.section or row.responsible for row in recommendations):
                blocks.append(Para(say(lang, "Сыбайлас жемқорлық тәуекелдерін жою жөніндегі іс-шаралар жоспары:",
                                       "План мероприятий по устранению коррупционных рисков:")))
                blocks.append(table)
    # Each half-year's report on the plan before it, oldest first, under a heading naming the analysis it follows
    # up: the span's first report follows up the previous analysis, a later one a plan made inside the span (issue
    # 11 review: one table headed «…за второе полугодие 2024 года» in a 2024-H2 … 2025-H1 certificate read as an
    # analysis before the period that overlapped it).
    reports = [rows.get("followups", []) for rows in span.part_rows] or [span.rows.get("followups", [])]
    for place, followups in enumerate(reports):
        if not followups:
            continue
        blocks.append(Para(followed_up(followups, lang, in_span=place > 0)))
        blocks.append(Table(
            [say(lang, "№", "№"), say(lang, "Ұсыным", "Рекомендация"), say(lang, "Мерзімі", "Срок"),
             say(lang, "Орындалуы", "Исполнение"), say(lang, "Түсініктеме", "Комментарий")],
            [[str(i)] + [upper_first(cell) for cell in (row.text, deadline_text(row, lang),
                                                        STATUSES.get(row.status, ("—", "—"))[0 if lang == "kk" else 1],
                                                        row.comment)]
             for i, row in enumerate(followups, 1)], widths=FOLLOW_UP_WIDTHS))
    return blocks


HALVES = {"kk": ("бірінші", "екінші"), "ru": ("первое", "второе")}


def followed_up(followups, lang: str, *, in_span: bool = False) -> str:
    """The heading of one half-year's follow-up table, naming the analysis whose recommendations it follows up
    (the half-year before the one the rows were reported in). The span's first report follows up the previous
    analysis: «Алдыңғы талдау (2024 жылғы бірінші жартыжылдық) қорытындысы бойынша берілген ұсынымдардың
    орындалуы:» / «Исполнение рекомендаций, данных по итогам предыдущего анализа (первое полугодие 2024 года):»;
    a later one (`in_span`) a plan made inside the analysed period: «Талданатын кезеңде 2024 жылғы екінші
    жартыжылдықтағы талдау қорытындысы бойынша берілген ұсынымдардың орындалуы:» / «Исполнение рекомендаций,
    данных в анализируемом периоде по итогам анализа за второе полугодие 2024 года:»."""
    reported = getattr(followups[0], "half_year", None)
    if reported is None:
        return say(lang, "Алдыңғы талдау қорытындысы бойынша берілген ұсынымдардың орындалуы:",
                   "Исполнение рекомендаций, данных по итогам предыдущего анализа:")
    year, half = reported
    year, half = (year, 1) if half == 2 else (year - 1, 2)
    kk, ru = HALVES["kk"][half - 1], HALVES["ru"][half - 1]
    if in_span:
        return say(lang, f"Талданатын кезеңде {year} жылғы {kk} жартыжылдықтағы талдау қорытындысы бойынша берілген "
                         "ұсынымдардың орындалуы:",
                   f"Исполнение рекомендаций, данных в анализируемом периоде по итогам анализа за {ru} полугодие "
                   f"{year} года:")
    return say(lang, f"Алдыңғы талдау ({year} жылғы {kk} жартыжылдық) қорытындысы бойынша берілген ұсынымдардың "
                     "орындалуы:",
               f"Исполнение рекомендаций, данных по итогам предыдущего анализа ({ru} полугодие {year} года):")


def frame(span, lang: str) -> dict:
    """The frame's `conclusion` slot: the blocks under the certificate's «Conclusion» heading."""
    return {"conclusion": conclusion_blocks(span, lang)}
