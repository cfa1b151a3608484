"""Typography of the certificate (issue 11): how orders and dates are cited, quotes, dashes, alignment."""

from datetime import date

from webapp.certificate.assemble import written_date
from webapp.certificate.wording import order_ref


def test_an_order_is_cited_one_way_per_language():
    assert order_ref("153", date(2024, 9, 2), "kk") == "№153, 02.09.2024ж."
    assert order_ref("№ 153", "2024-09-02", "ru") == "№153 от 02.09.2024"
    assert order_ref("234", date(2024, 9, 2), "kk", spelled=True) == "2024 жылғы 2 қыркүйектегі №234"
    assert order_ref("234", date(2024, 9, 2), "ru", spelled=True) == "от 2 сентября 2024 года №234"
    assert order_ref("77", None, "kk") == "№77" and order_ref(None, date(2024, 10, 11), "ru") == "от 11.10.2024"


def test_the_approval_date_has_no_straight_quotes_and_no_padded_day():
    assert written_date(date(2025, 6, 10), "kk") == "2025 жылғы «10» маусым"
    assert written_date(date(2026, 6, 8), "kk") == "2026 жылғы «8» маусым"
    assert written_date(date(2025, 6, 10), "ru") == "10 июня 2025 года"
