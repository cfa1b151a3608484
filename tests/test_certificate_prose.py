"""Issue 11, prose not slots in 2.1 public services, 2.2 personnel and 2.4 appeals: what a bilingual reviewer
asked to change before a head signs, in Kazakh and Russian."""


import pytest
from test_certificate_sections import certificate_text, half

from webapp.blueprints.personnel.models import StaffMovement


def _moved(direction: str, n: int, lang: str, reason: str | None = None) -> str:
    return certificate_text("personnel", lang, half("personnel", rows={"movements": [
        StaffMovement(year=2025, month=1, direction=direction, staff_category="teacher", count=n, reason=reason)]}))


@pytest.mark.parametrize("n, dismissed, hired", [
    (1, "Уволен 1 работник", "Принят на работу 1 работник"),
    (2, "Уволены 2 работника", "Приняты на работу 2 работника"),
    (5, "Уволено 5 работников", "Принято на работу 5 работников"),
    (21, "Уволен 21 работник", "Принят на работу 21 работник"),
    (22, "Уволены 22 работника", "Приняты на работу 22 работника"),
])
def test_the_russian_verb_agrees_with_the_count_of_people_hired_or_dismissed(app, n, dismissed, hired):
    with app.app_context():
        assert _moved("dismissed", n, "ru").startswith(f"{dismissed}: в январе 2025 года – ")
        assert _moved("hired", n, "ru").startswith(f"{hired}: в январе 2025 года – ")
        # A Kazakh verb does not change with the count, and the noun stays singular.
        assert _moved("dismissed", n, "kk").startswith(f"Жұмыстан {n} қызметкер босатылды: 2025 жылғы қаңтарда – ")
        assert _moved("hired", n, "kk").startswith(f"Жұмысқа {n} қызметкер қабылданды: 2025 жылғы қаңтарда – ")


def _rudny7_movements(lang: str) -> str:
    reason = {"kk": "өз еркімен", "ru": "по собственному желанию"}[lang]
    leave = {"kk": "декреттік демалысқа", "ru": "отпуск по беременности и родам"}[lang]
    rows = [StaffMovement(year=2025, month=4, direction="dismissed", staff_category="teacher", count=1, reason=reason),
            StaffMovement(year=2025, month=4, direction="dismissed", staff_category="support", count=1, reason=reason),
            StaffMovement(year=2025, month=5, direction="dismissed", staff_category="support", count=1, reason=reason),
            StaffMovement(year=2025, month=3, direction="long_leave", staff_category="teacher", count=1, reason=leave),
            StaffMovement(year=2024, month=11, direction="dismissed", staff_category="teacher", count=2)]
    return certificate_text("personnel", lang, half("personnel", rows={"movements": rows}))


def test_dismissals_are_grouped_by_their_reason_and_a_leave_is_a_sentence(app):
    with app.app_context():
        kk = _rudny7_movements("kk").splitlines()
        # Groups in the order of their first month: November 2024 before April 2025.
        assert kk == ["Жұмыстан 2 қызметкер босатылды: 2024 жылғы қарашада – 2 педагог қызметкер.",
                      "Өз еркімен жұмыстан 3 қызметкер босатылды: 2025 жылғы сәуірде – 1 педагог қызметкер, "
                      "1 кіші қызметкер; 2025 жылғы мамырда – 1 кіші қызметкер.",
                      "2025 жылғы наурызда 1 педагог қызметкер декреттік демалысқа шықты."]
        ru = _rudny7_movements("ru").splitlines()
        assert ru[0] == "Уволены 2 работника: в ноябре 2024 года – 2 педагогических работника."
        # One term for the support staff, as the staffing figures name the group.
        assert ru[1] == ("По собственному желанию уволены 3 работника: в апреле 2025 года – 1 педагогический "
                         "работник, 1 работник обслуживающего персонала; в мае 2025 года – 1 работник "
                         "обслуживающего персонала.")
        assert ru[2] == "В марте 2025 года 1 педагогический работник ушёл в отпуск по беременности и родам."
        assert "(өз еркімен)" not in "".join(kk) and "(по собственному желанию)" not in "".join(ru)


def test_a_leave_without_a_reason_and_a_return(app):
    with app.app_context():
        rows = [StaffMovement(year=2026, month=4, direction="returned", staff_category="teacher", count=2),
                StaffMovement(year=2025, month=10, direction="long_leave", staff_category="teacher", count=2)]
        span = half("personnel", rows={"movements": rows})
        assert certificate_text("personnel", "ru", span).splitlines() == [
            "В октябре 2025 года 2 педагогических работника ушли в длительный отпуск.",
            "В апреле 2026 года 2 педагогических работника вышли из отпуска."]
        assert certificate_text("personnel", "kk", span).splitlines() == [
            "2025 жылғы қазанда 2 педагог қызметкер ұзақ демалысқа шықты.",
            "2026 жылғы сәуірде 2 педагог қызметкер демалыстан оралды."]


def test_a_reason_shown_in_the_other_language_still_opens_the_sentence_with_a_capital(app):
    from webapp.reporting.texts import MARK_CLOSE, MARK_OPEN

    with app.app_context():
        text = _moved("dismissed", 3, "ru", reason=f"{MARK_OPEN}өз еркімен{MARK_CLOSE}")
        assert text.startswith(f"{MARK_OPEN}Өз еркімен{MARK_CLOSE} уволены 3 работника: ")
