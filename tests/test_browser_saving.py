"""In Chromium: nothing a clerk types is lost, and the page never says «saved» when it is not (issue 9).

Offline typing is queued, kept over a reload and sent when the connection returns; two browsers on one field
end in a visible conflict with both texts; a slow connection beside an invalid field keeps every keystroke;
signing out in another tab asks to sign in again on the page and then saves; an expired token is renewed."""

import re
import time

import pytest
from playwright.sync_api import Page, expect
from support import browser_log_in as log_in

from webapp.certificate.models import CertificateText
from webapp.extensions import db
from webapp.models import OrgUnit, Period
from webapp.reporting.models import SectionEntry, Status, Submission

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_data")]

PERSONNEL = "/schools/rudny-7/2026-H2/personnel/"
SAVED = re.compile(r"Сақталды: \d\d:\d\d")


def rudny_7_analysis(live_app, status: Status) -> None:
    """rudny-7's 2026-H2 analysis, empty, in `status`."""
    with live_app.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        period = db.session.execute(db.select(Period).filter_by(code="2026-H2")).scalar_one()
        db.session.add(Submission(school=school, period=period, status=status))
        db.session.commit()


@pytest.fixture
def started(live_app):
    """rudny-7's 2026-H2 analysis, started and empty."""
    rudny_7_analysis(live_app, Status.DRAFT)


@pytest.fixture
def slow_scripts(live_app, monkeypatch):
    """The page's own scripts (static/js) arrive 1.5 s after the page, as on a slow connection or a busy computer:
    meanwhile the page is shown and takes clicks and typing, but no script handles them yet."""
    serve = live_app.wsgi_app

    def slowly(environ, start_response):
        if environ.get("PATH_INFO", "").startswith("/static/js/"):
            time.sleep(1.5)
        return serve(environ, start_response)

    monkeypatch.setattr(live_app, "wsgi_app", slowly)


def sign_out_elsewhere(page: Page, unit: str) -> None:
    """Another tab of the same browser signs out (from `unit`'s page): this page's session is gone without it
    knowing."""
    other_tab = page.context.new_page()
    other_tab.goto(f"/units/{unit}")
    other_tab.locator("form.logout button").click()
    expect(other_tab).to_have_url(re.compile(r"/login$"))
    other_tab.close()


def personnel(live_app) -> SectionEntry | None:
    with live_app.app_context():
        return db.session.execute(db.select(SectionEntry).filter_by(section="personnel")).scalar_one_or_none()


def test_typing_offline_is_queued_kept_over_a_reload_and_saved_when_the_connection_returns(page: Page, started,
                                                                                           live_app):
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    page.fill("#risks", "Конкурс барысындағы тәуекел.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)

    page.context.set_offline(True)
    page.fill("#basis", "Желі жоқта терілген негіздеме.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_contain_text("Сақталмады — байланыс жоқ")
    expect(page.locator("#save-state")).to_contain_text("Сақталмады — байланыс жоқ")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="2026-H2").first.click()  # leaving asks first, and staying keeps the page
    expect(page).to_have_url(re.compile(PERSONNEL + "$"))
    assert dialogs == ["beforeunload"]

    page.context.set_offline(False)  # the "online" event sends the queue at once
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    expect(page.locator("#save-state")).to_have_text(SAVED)
    assert personnel(live_app).basis == "Желі жоқта терілген негіздеме."

    # A save that cannot get through, then a reload of the tab: the text comes back and is sent.
    page.route("**/personnel/narrative", lambda route: route.abort())
    page.fill("#recommendations", "Қайта жүктелгенде сақталған ұсыныс.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_contain_text("Сақталмады")
    page.once("dialog", lambda dialog: dialog.accept())
    page.reload()
    expect(page.locator("#recommendations")).to_have_value("Қайта жүктелгенде сақталған ұсыныс.")
    expect(page.locator("#narrative-saved")).to_contain_text("Сақталмады")
    page.unroute("**/personnel/narrative")
    page.evaluate("() => window.dispatchEvent(new Event('online'))")  # the connection is back: sent at once
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    assert personnel(live_app).recommendations == "Қайта жүктелгенде сақталған ұсыныс."
    kept = "() => Object.keys(sessionStorage).filter(key => key.startsWith('adal-unsaved'))"
    assert page.evaluate(kept) == []  # cleared once saved
    assert page.evaluate("() => Object.keys(localStorage)") == []  # school data never goes there


def test_two_browsers_on_one_field_end_in_a_conflict_with_both_texts_and_nothing_lost(page: Page, browser, started,
                                                                                       live_app, live_server):
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    second_computer = browser.new_context(base_url=live_server, locale="kk-KZ",
                                          storage_state=page.context.storage_state())  # signed in there too
    other = second_computer.new_page()
    other.goto(PERSONNEL)  # opened before the first computer saves

    page.fill("#risks", "Бірінші компьютердің мәтіні.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    other.fill("#risks", "Екінші компьютердің мәтіні.")
    other.keyboard.press("Tab")
    expect(other.locator("#narrative-saved")).to_contain_text("басқа біреу өзгертті")
    expect(other.locator("#save-state")).to_contain_text("басқа біреу өзгертті")
    conflict = other.locator("#narrative .conflict")
    expect(conflict.locator(".conflict-theirs")).to_contain_text("Бірінші компьютердің мәтіні.")
    expect(conflict.locator(".conflict-mine")).to_contain_text("Екінші компьютердің мәтіні.")
    expect(other.locator("#risks")).to_have_value("Екінші компьютердің мәтіні.")
    assert personnel(live_app).risks == "Бірінші компьютердің мәтіні."  # nothing overwritten silently

    # Meanwhile the first computer types in another field of the same form: only that field is written.
    page.fill("#basis", "Бірінші компьютердің негіздемесі.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)

    other.get_by_role("button", name="Өзімдікін қалдыру").click()
    expect(other.locator("#narrative-saved")).to_have_text(SAVED)
    expect(conflict).to_have_count(0)
    entry = personnel(live_app)
    assert entry.risks == "Екінші компьютердің мәтіні." and entry.basis == "Бірінші компьютердің негіздемесі."
    second_computer.close()


@pytest.mark.parametrize("way", ["back", "forward"])
def test_back_or_forward_after_another_tab_saved_shows_its_text_and_typing_on_keeps_it(page: Page, started,
                                                                                       live_app, way):
    """Chromium put the text this tab last had back into the field on Back and Forward, after the page had loaded,
    over the newer one the server sent: the clerk saw the old text as current, and typing on from it overwrote the
    other tab's save without a conflict (its base was the served text). The page shows what is saved now."""
    log_in(page, "rudny-7")
    overview = "/schools/rudny-7/2026-H2/"
    if way == "forward":
        page.goto(overview)
    page.goto(PERSONNEL)
    page.fill("#risks", "Бірінші қойындының ескі мәтіні.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    if way == "back":
        page.goto(overview)
    else:
        page.go_back(wait_until="load")

    other_tab = page.context.new_page()
    other_tab.goto(PERSONNEL)
    other_tab.fill("#risks", "Екінші қойындының жаңа мәтіні.")
    other_tab.keyboard.press("Tab")
    expect(other_tab.locator("#narrative-saved")).to_have_text(SAVED)
    other_tab.close()

    (page.go_back if way == "back" else page.go_forward)(wait_until="load")
    page.wait_for_timeout(300)  # the browser puts old values back just after the load
    expect(page.locator("#risks")).to_have_value("Екінші қойындының жаңа мәтіні.")
    page.locator("#risks").press("End")
    page.keyboard.type(" Толықтырылды.")
    page.keyboard.press("Tab")
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    assert personnel(live_app).risks == "Екінші қойындының жаңа мәтіні. Толықтырылды."


def test_a_slow_connection_beside_an_invalid_figure_keeps_every_keystroke(page: Page, started, live_app):
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 800, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.locator("#teachers_total").click()
    page.keyboard.type("63,5")  # not a whole number: refused
    page.locator("#support_staff_total").click()  # leaving the field sends it
    page.keyboard.type("20", delay=150)  # typed while the refusal is on its way back
    page.locator("#teachers_higher_education").click()
    page.keyboard.type("55", delay=150)
    page.keyboard.press("Tab")
    expect(page.locator("#teachers_total-error")).to_be_visible()
    expect(page.locator("#facts-saved")).to_contain_text("белгіленген өрісті түзетіңіз")
    for name, typed in (("teachers_total", "63,5"), ("support_staff_total", "20"), ("teachers_higher_education", "55")):
        expect(page.locator(f"#{name}")).to_have_value(typed)
    expect(page.locator("#save-state")).to_contain_text("белгіленген өрісті түзетіңіз")
    facts = personnel(live_app).facts
    assert facts.get("teachers_total") is None and facts["support_staff_total"] == 20  # the valid ones saved
    assert facts["teachers_higher_education"] == 55
    page.locator("#teachers_total").fill("63")
    page.keyboard.press("Tab")
    expect(page.locator("#facts-saved")).to_have_text(SAVED, timeout=10_000)
    expect(page.locator("#teachers_total-error")).to_have_count(0)
    assert personnel(live_app).facts["teachers_total"] == 63


def fill_date(page: Page, selector: str, day: str) -> None:
    """A date as the field takes it (a native date input wants ISO, a text field дд.мм.гггг)."""
    if page.locator(selector).get_attribute("type") == "date":
        day = "-".join(reversed(day.split(".")))
    page.fill(selector, day)


def test_signed_out_in_another_tab_the_row_is_saved_after_signing_in_on_the_page(page: Page, started, live_app):
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    sign_out_elsewhere(page, "rudny-7")

    page.fill("#disciplinary-person", "Айназарова Ж")
    page.select_option("#disciplinary-penalty", "warning")
    page.fill("#disciplinary-order_number", "77")
    fill_date(page, "#disciplinary-order_date", "11.10.2026")
    page.locator("#add-disciplinary button[type=submit]").click()
    dialog = page.locator("#sign-in-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#rows-disciplinary-state")).to_contain_text("жүйеден шығып кеттіңіз")
    expect(page.locator("#disciplinary-person")).to_have_value("Айназарова Ж")  # the page stayed as it was
    expect(page.locator("main form[action='/login']")).to_have_count(0)  # no login page inside the table
    page.fill("#sign-in-password", "demo")
    dialog.get_by_role("button", name="Кіру").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#rows-disciplinary tbody tr")).to_have_count(1)
    expect(page.locator("#rows-disciplinary tbody tr")).to_contain_text("Айназарова Ж")
    expect(page.locator("#rows-disciplinary-state")).to_contain_text("Жол қосылды")
    expect(page).to_have_url(re.compile(PERSONNEL + "$"))
    with live_app.app_context():
        from webapp.blueprints.personnel.models import DisciplinaryAction
        assert db.session.scalar(db.select(db.func.count()).select_from(DisciplinaryAction)) == 1


def test_signed_in_again_as_another_account_the_dialog_says_so_and_the_text_waits(page: Page, started, live_app):
    """QA: signed in again through the dialog as another school's account, the save said «Сақталмады: 404».
    Now the dialog says this account cannot save here and asks for the page's account; the text stays and is
    saved once the page's account signs in."""
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    sign_out_elsewhere(page, "rudny-7")
    page.fill("#risks", "Басқа тіркелгіден кейін де сақталатын мәтін.")
    page.keyboard.press("Tab")
    page.locator("#save-state").get_by_role("button", name="Кіру").click()
    dialog = page.locator("#sign-in-dialog")
    page.fill("#sign-in-username", "rudny-3")
    page.fill("#sign-in-password", "demo")
    dialog.get_by_role("button", name="Кіру").click()
    expect(dialog.locator(".error")).to_contain_text("rudny-3")
    expect(dialog.locator(".error")).to_contain_text("rudny-7 ретінде кіріңіз")
    expect(dialog).to_be_visible()
    expect(page.locator("#risks")).to_have_value("Басқа тіркелгіден кейін де сақталатын мәтін.")
    expect(page.locator("#save-state")).not_to_contain_text("404")
    assert personnel(live_app) is None or not personnel(live_app).risks

    page.fill("#sign-in-username", "rudny-7")
    page.fill("#sign-in-password", "demo")
    dialog.get_by_role("button", name="Кіру").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    assert personnel(live_app).risks == "Басқа тіркелгіден кейін де сақталатын мәтін."


def test_a_page_left_open_past_its_token_lifetime_still_saves(page: Page, started, live_app):
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    live_app.config["WTF_CSRF_TIME_LIMIT"] = 2
    try:
        page.wait_for_timeout(2500)  # the page's token is now older than its lifetime
        page.fill("#risks", "Ұзақ ашық тұрған бет.")
        page.keyboard.press("Tab")
        expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    finally:
        live_app.config["WTF_CSRF_TIME_LIMIT"] = None
    expect(page.locator("#risks")).to_have_value("Ұзақ ашық тұрған бет.")
    assert personnel(live_app).risks == "Ұзақ ашық тұрған бет."


@pytest.mark.parametrize("press", ["click", "dblclick"])
def test_any_htmx_form_signed_out_asks_to_sign_in_on_the_page_and_then_saves(page: Page, press):
    """Not only the sections: a department's in-place deadline edit survives a logout in another tab. It goes out
    again once per refusal, not once per click: a double click's two requests are both refused (the token, then the
    session), and arranging a re-send for each sent the form twice wherever the answer does not replace it."""
    log_in(page, "rudny")
    page.locator("#deadline-2026-H1").get_by_role("link", name="Өзгерту").click()
    fill_date(page, "#deadline-2026-H1 input[name=deadline]", "03.07.2026")
    sign_out_elsewhere(page, "rudny")
    answers = []
    page.on("response", lambda response: answers.append(response.status)
            if response.request.method == "POST" and "/deadlines/" in response.url else None)
    getattr(page.locator("#deadline-2026-H1").get_by_role("button", name="Сақтау"), press)()
    dialog = page.locator("#sign-in-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#deadline-2026-H1 input[name=deadline]")).not_to_have_value("")  # the page stayed
    page.fill("#sign-in-password", "demo")
    dialog.get_by_role("button", name="Кіру").click()
    expect(page.locator("#deadline-2026-H1")).to_contain_text("2026 ж. 3 шілде")
    expect(page).to_have_url(re.compile(r"/units/rudny$"))
    page.wait_for_timeout(500)  # a second re-send would be on its way by now
    clicks = [403] * (2 if press == "dblclick" else 1)  # refused for the token the sign-out made stale
    assert answers == [*clicks, 401, 200]  # sent again once with a fresh token, once more after signing in


def test_changing_a_deadline_right_after_signing_in_edits_it_in_place_while_the_scripts_load(page: Page,
                                                                                            slow_scripts):
    """The flaky failure of the test above (1 in ~8 runs under load: saved, but on /units/rudny/deadlines/2026-H1):
    signing in returned as soon as the department's page was shown, before its deferred scripts had run, and the
    click on «Өзгерту» was the browser's own: it followed the link to the deadline's own page, as it does without
    JavaScript. Signing in now returns once the page it lands on has loaded."""
    log_in(page, "rudny")
    page.locator("#deadline-2026-H1").get_by_role("link", name="Өзгерту").click()
    expect(page.locator("#deadline-2026-H1 input[name=deadline]")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/units/rudny$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Рудный қаласы білім бөлімі")


def test_typing_before_the_page_scripts_have_run_is_saved(page: Page, started, live_app, slow_scripts):
    """A clerk may type as soon as the section is shown, while its scripts are still on their way: no input event
    reached saving.js for that text, which stayed in the field, neither saved nor said to be unsaved."""
    log_in(page, "rudny-7")
    page.goto(PERSONNEL, wait_until="commit")
    page.fill("#risks", "Бет жүктеліп жатқанда терілген тәуекел.")
    page.locator("#basis").click()  # on to the next field before the scripts have come
    assert page.evaluate("() => !('state' in document.getElementById('save-state').dataset)")  # saving.js not run
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    expect(page.locator("#save-state")).to_have_text(SAVED)
    expect(page.locator("#risks")).to_have_value("Бет жүктеліп жатқанда терілген тәуекел.")
    assert personnel(live_app).risks == "Бет жүктеліп жатқанда терілген тәуекел."


def test_submit_signed_out_asks_once_and_the_re_sent_refusal_is_shown(page: Page, started):
    """One click, one confirmation: the re-sends after a token refresh and signing in never ask again (QA 9 #1)."""
    log_in(page, "rudny-7")
    page.goto("/schools/rudny-7/2026-H2/")
    sign_out_elsewhere(page, "rudny-7")
    confirms = []
    page.on("dialog", lambda dialog: (confirms.append(dialog.type), dialog.accept()))
    page.get_by_role("button", name="Тапсыру", exact=True).click()
    dialog = page.locator("#sign-in-dialog")
    expect(dialog).to_be_visible()
    page.fill("#sign-in-password", "demo")
    dialog.get_by_role("button", name="Кіру").click()
    expect(page.locator("#messages")).to_contain_text("Кейбір бөлімдер дайын емес")
    assert confirms == ["confirm"]


def test_a_refused_row_add_after_a_saved_one_says_not_saved(page: Page, started):
    """The row list and the page never say «saved» while a refused add sits in the form (QA 9 #2)."""
    log_in(page, "rudny-7")
    page.goto("/schools/rudny-7/2026-H2/inspections/")
    state, page_state = page.locator("#rows-inspections-state"), page.locator("#save-state")
    page.fill("#inspections-body", "Прокуратура")
    fill_date(page, "#inspections-result_date", "06.10.2026")
    page.locator("#add-inspections button[type=submit]").click()
    expect(state).to_contain_text("Жол қосылды")
    expect(page_state).to_have_text(SAVED)

    page.fill("#inspections-body", "Қате күн")
    page.fill("#inspections-result_date", "31.02.2026")
    page.locator("#add-inspections button[type=submit]").click()
    expect(page.locator("#inspections-result_date")).to_have_attribute("aria-invalid", "true")
    expect(state).to_contain_text("белгіленген өрісті түзетіңіз")
    expect(page_state).to_contain_text("белгіленген өрісті түзетіңіз")
    expect(page.locator("#inspections-body")).to_have_value("Қате күн")

    # A row edit saved meanwhile does not make the page «saved» while the refused add is still in the form.
    row = page.locator("#rows-inspections tbody tr").first
    row.get_by_role("link", name="Өңдеу").click()
    row.locator("[name$=subject]").fill("Қаржы")
    row.get_by_role("button", name="Сақтау").click()
    expect(page.locator("#rows-inspections tbody tr").first).to_contain_text("Қаржы")
    expect(page_state).to_contain_text("белгіленген өрісті түзетіңіз")
    expect(state).to_contain_text("белгіленген өрісті түзетіңіз")

    page.fill("#inspections-result_date", "28.02.2026")  # fixed: added, and now everything is saved
    page.locator("#add-inspections button[type=submit]").click()
    expect(page.locator("#rows-inspections tbody tr")).to_have_count(2)
    expect(state).to_contain_text("Жол қосылды")
    expect(page_state).to_have_text(SAVED)


def test_marking_a_violation_shows_the_plan_note_beside_it_without_a_reload(page: Page, started):
    """Issue 11: a violation the action plan does not answer yet is named beside the answer as soon as it saves,
    with a link to add the measure; answering «no» takes the note away again."""
    log_in(page, "rudny-7")
    page.goto("/schools/rudny-7/2026-H2/procurement/")
    note = page.locator("#violation-note")
    expect(note).to_be_hidden()
    page.locator("input[name=violation_found][value=yes]").check()
    expect(note).to_be_visible()
    expect(note.locator("a")).to_have_attribute("href", re.compile(r"/conclusion/#add-recommendations$"))
    page.locator("input[name=violation_found][value=no]").check()
    expect(note).to_be_hidden()


def test_signed_out_typing_on_in_the_next_box_stays_there_and_both_boxes_are_saved_after_signing_in(
        page: Page, started, live_app):
    """The first box's save came back «signed out» while the clerk typed on in the next one: the sign-in dialog
    opened and took the focus into its password box, so the rest of the typing went there. The page now says it
    is signed out without moving the focus; the dialog opens when the clerk asks for it."""
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    sign_out_elsewhere(page, "rudny-7")

    page.locator("#risks").click()
    page.keyboard.type("Бірінші қорапқа терілген тәуекел.")
    page.keyboard.press("Tab")  # leaving the box sends it: refused, signed out
    following = page.evaluate("() => document.activeElement.id")
    assert following and following != "sign-in-password"
    typed_on = "Фишинг хаттары бойынша келесі қорапқа терілген ұзын мәтін."
    page.keyboard.type(typed_on, delay=40)  # the refusal arrives while this is being typed
    expect(page.locator("#save-state")).to_contain_text("жүйеден шығып кеттіңіз")
    page.keyboard.type(" Соңы.")
    expect(page.locator(f"#{following}")).to_have_value(typed_on + " Соңы.")
    expect(page.locator("#sign-in-password")).to_have_value("")
    expect(page.locator("#sign-in-dialog")).to_be_hidden()
    expect(page.locator("#narrative-saved")).to_contain_text("Сақталмады")  # still said to be unsaved

    page.locator("#save-state").get_by_role("button", name="Кіру").click()  # the clerk's own choice
    dialog = page.locator("#sign-in-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#sign-in-password")).to_be_focused()
    page.keyboard.type("demo")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    expect(page.locator("#save-state")).to_have_text(SAVED)
    page.reload()
    expect(page.locator("#risks")).to_have_value("Бірінші қорапқа терілген тәуекел.")
    expect(page.locator(f"#{following}")).to_have_value(typed_on + " Соңы.")



def test_signed_in_again_in_another_tab_the_page_sends_what_waits_when_the_clerk_comes_back(page: Page, started,
                                                                                           live_app):
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    sign_out_elsewhere(page, "rudny-7")
    page.locator("#risks").click()
    page.keyboard.type("Басқа қойындыда кіргенше күткен мәтін.")
    page.keyboard.press("Tab")
    expect(page.locator("#save-state")).to_contain_text("жүйеден шығып кеттіңіз")

    other_tab = page.context.new_page()
    log_in(other_tab, "rudny-7")
    other_tab.close()
    page.evaluate("() => window.dispatchEvent(new Event('focus'))")  # back on this tab
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)
    expect(page.locator("#save-state")).to_have_text(SAVED)
    assert personnel(live_app).risks == "Басқа қойындыда кіргенше күткен мәтін."

INSPECTIONS = "/schools/rudny-7/2026-H2/inspections/"


@pytest.fixture
def inspection(live_app, started):
    """One inspection row in rudny-7's 2026-H2 analysis; returns its id."""
    from webapp.blueprints.inspections.models import SupervisoryInspection as Inspection

    with live_app.app_context():
        submission = db.session.execute(db.select(Submission)).scalar_one()
        row = Inspection(submission_id=submission.id, position=1, body="Прокуратура", subject="Еңбек")
        db.session.add(row)
        db.session.commit()
        return row.id


def inspection_row(live_app, row_id):
    from webapp.blueprints.inspections.models import SupervisoryInspection as Inspection

    with live_app.app_context():
        return db.session.get(Inspection, row_id)


def open_row_in_two_tabs(page: Page, row_id):
    log_in(page, "rudny-7")
    tabs = [page, page.context.new_page()]
    for tab in tabs:
        tab.goto(INSPECTIONS)
        tab.locator(f"#row-inspections-{row_id}").get_by_role("link", name="Өңдеу").click()
        expect(tab.locator(f"#inspections-{row_id}-subject")).to_be_visible()
    return tabs


def test_a_row_edited_in_two_tabs_keeps_each_tabs_own_changes(page: Page, live_app, inspection):
    """Tab 2 changes one field of a row, tab 1 another: both are kept. Before, tab 1 was refused as a conflict
    and «keep mine» wrote its whole form over the row, tab 2's change too."""
    first, second = open_row_in_two_tabs(page, inspection)
    second.fill(f"#inspections-{inspection}-period_checked", "2025–2026 оқу жылы")
    second.locator(f"#row-inspections-{inspection}").get_by_role("button", name="Сақтау").click()
    expect(second.locator(f"#row-inspections-{inspection}")).to_contain_text("2025–2026 оқу жылы")

    first.fill(f"#inspections-{inspection}-result_number", "12")
    first.locator(f"#row-inspections-{inspection}").get_by_role("button", name="Сақтау").click()
    row = first.locator(f"#row-inspections-{inspection}")
    expect(row).to_contain_text("2025–2026 оқу жылы")  # the other tab's change, which this tab never touched
    expect(row).to_contain_text("12")
    expect(first.locator("#rows-inspections-state")).to_contain_text("Сақталды")
    saved = inspection_row(live_app, inspection)
    assert (saved.period_checked, saved.result_number, saved.subject) == ("2025–2026 оқу жылы", "12", "Еңбек")


@pytest.mark.parametrize("choice", ["Өзімдікін қалдыру", "Олардікін алу"])
def test_a_field_changed_in_two_tabs_is_the_one_conflict_and_the_rest_is_merged(page: Page, live_app, inspection,
                                                                               choice):
    first, second = open_row_in_two_tabs(page, inspection)
    second.fill(f"#inspections-{inspection}-subject", "Екінші қойындының пәні")
    second.fill(f"#inspections-{inspection}-period_checked", "2025 жыл")
    second.locator(f"#row-inspections-{inspection}").get_by_role("button", name="Сақтау").click()
    expect(second.locator(f"#row-inspections-{inspection}")).to_contain_text("2025 жыл")

    first.fill(f"#inspections-{inspection}-subject", "Бірінші қойындының пәні")
    first.fill(f"#inspections-{inspection}-result_number", "7")
    first.locator(f"#row-inspections-{inspection}").get_by_role("button", name="Сақтау").click()
    row = first.locator(f"#row-inspections-{inspection}")
    expect(first.locator("#rows-inspections-state")).to_contain_text("басқа біреу өзгертті")
    expect(row.locator(f"#inspections-{inspection}-subject-error")).to_contain_text("Екінші қойындының пәні")
    expect(row.locator(f"#inspections-{inspection}-subject")).to_have_value("Бірінші қойындының пәні")
    expect(row.locator(f"#inspections-{inspection}-period_checked")).to_have_value("2025 жыл")  # theirs, untouched
    expect(row.locator(f"#inspections-{inspection}-result_number")).to_have_value("7")
    assert inspection_row(live_app, inspection).result_number is None  # nothing written before the choice

    row.get_by_role("button", name=choice).click()
    expect(first.locator(f"#row-inspections-{inspection} form[data-row-form=edit]")).to_have_count(0)
    expect(first.locator("#rows-inspections-state")).to_contain_text("Сақталды")
    saved = inspection_row(live_app, inspection)
    subject = "Бірінші қойындының пәні" if choice == "Өзімдікін қалдыру" else "Екінші қойындының пәні"
    assert (saved.subject, saved.period_checked, saved.result_number) == (subject, "2025 жыл", "7")


def type_into(page: Page, selector: str, typed: str) -> str:
    """Type at the end of a field as a clerk does (keys, not a fill); returns what the field now holds."""
    page.locator(selector).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(typed)
    return page.locator(selector).input_value()


def reload_answering_the_warning(page: Page) -> list[str]:
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.reload()
    return dialogs


def test_typing_in_row_forms_asks_before_leaving_and_is_kept_over_a_reload(page: Page, live_app, inspection):
    """Typed into the add form and into a row opened for editing, not yet sent: leaving asked nothing and a reload
    lost it. Now it is kept like a section's text: a warning first, and after a reload the forms hold it again."""
    log_in(page, "rudny-7")
    page.goto(INSPECTIONS)
    added = type_into(page, "#inspections-body", "Қаржылық бақылау")
    page.locator(f"#row-inspections-{inspection}").get_by_role("link", name="Өңдеу").click()
    edited = type_into(page, f"#inspections-{inspection}-subject", " қауіпсіздігі")
    assert edited == "Еңбек қауіпсіздігі"

    assert reload_answering_the_warning(page) == ["beforeunload"]
    expect(page.locator("#inspections-body")).to_have_value(added)
    expect(page.locator(f"#inspections-{inspection}-subject")).to_have_value(edited)
    assert reload_answering_the_warning(page) == ["beforeunload"]  # still unsaved: still asked
    expect(page.locator(f"#inspections-{inspection}-subject")).to_have_value(edited)

    page.locator(f"#row-inspections-{inspection}").get_by_role("button", name="Сақтау").click()
    expect(page.locator(f"#row-inspections-{inspection}")).to_contain_text("Еңбек қауіпсіздігі")
    page.locator("#add-inspections button[type=submit]").click()
    expect(page.locator("#rows-inspections tbody tr")).to_have_count(2)
    assert inspection_row(live_app, inspection).subject == "Еңбек қауіпсіздігі"
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.reload()  # all saved: nothing to ask, nothing put back
    expect(page.locator("#inspections-body")).to_have_value("")
    assert dialogs == []
    assert page.evaluate("() => Object.keys(sessionStorage).filter(key => key.startsWith('adal-unsaved'))") == []


def test_a_paste_longer_than_the_limit_says_how_much_did_not_fit(page: Page, started):
    """QA: 300 000 characters pasted into a section's text kept 10 000 with no word. Now the box says how many did
    not fit and what the limit is, and counts as the clerk nears it; what fits is saved (the server checks too)."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(page, "rudny-7")
    page.goto(PERSONNEL)
    page.locator("#risks").click()
    page.evaluate("() => navigator.clipboard.writeText('а'.repeat(300000))")
    page.keyboard.press("Control+V")
    expect(page.locator("#risks-limit")).to_contain_text(re.compile(r"290\s000 таңба сыймады: шегі — 10\s000 таңба"))
    expect(page.locator("#risks-limit")).to_contain_text(re.compile(r"10\s000 / 10\s000 таңба"))
    assert len(page.locator("#risks").input_value()) == 10_000
    page.keyboard.press("Backspace")  # typing on: the count again
    expect(page.locator("#risks-limit")).to_have_text(re.compile(r"^9\s999 / 10\s000 таңба\.$"))
    expect(page.locator("#narrative-saved")).to_have_text(SAVED)


RESTORED = "Қайта жүктелгеннен кейін қалпына келтірілді — әлі сақталмады."


def test_row_form_typing_and_a_restored_draft_are_said_unsaved(page: Page, inspection):
    """QA: typed into a row form, the page still said «Сақталды» from the last save; after a reload the typing was
    back but neither the page nor the row list said it was not saved. Now both say «Әлі сақталмады», and the
    form says it was restored."""
    log_in(page, "rudny-7")
    page.goto(INSPECTIONS)
    page.locator(f"#row-inspections-{inspection}").get_by_role("link", name="Өңдеу").click()
    type_into(page, f"#inspections-{inspection}-subject", " қауіпсіздігі")
    page.locator(f"#row-inspections-{inspection}").get_by_role("button", name="Сақтау").click()
    expect(page.locator("#save-state")).to_have_text(SAVED)

    added = type_into(page, "#inspections-body", "Қаржылық бақылау")
    expect(page.locator("#save-state")).to_have_text("Әлі сақталмады")
    expect(page.locator("#rows-inspections-state")).to_have_text("Әлі сақталмады")
    assert reload_answering_the_warning(page) == ["beforeunload"]
    expect(page.locator("#inspections-body")).to_have_value(added)
    expect(page.locator("#save-state")).to_have_text("Әлі сақталмады")
    expect(page.locator("#rows-inspections-state")).to_have_text("Әлі сақталмады")
    expect(page.locator("#add-inspections .draft-restored")).to_have_text(RESTORED)

    page.locator("#add-inspections button[type=submit]").click()  # sent: the notice and the «not saved» go
    expect(page.locator("#rows-inspections tbody tr")).to_have_count(2)
    expect(page.locator("#save-state")).to_have_text(SAVED)
    expect(page.locator("#add-inspections .draft-restored")).to_have_count(0)


def test_restored_certificate_texts_say_they_are_not_saved_yet(page: Page):
    log_in(page, "rudny")
    page.goto("/units/rudny/certificate-texts/")
    typed = type_into(page, "#goal_ru", " Дополнение.")
    assert reload_answering_the_warning(page) == ["beforeunload"]
    expect(page.locator("#goal_ru")).to_have_value(typed)
    expect(page.locator("#form .draft-restored")).to_have_text(RESTORED)


def test_certificate_texts_typed_ask_before_leaving_and_are_kept_over_a_reload(page: Page):
    log_in(page, "rudny")
    page.goto("/units/rudny/certificate-texts/")
    box = "#legal_basis_kk"
    typed = type_into(page, box, " Аудандық қосымша сөйлем.")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="← Рудный қаласы білім бөлімі").click()  # asked first; staying keeps the page
    expect(page).to_have_url(re.compile(r"/certificate-texts/$"))
    assert dialogs == ["beforeunload"]
    assert reload_answering_the_warning(page) == ["beforeunload"]
    expect(page.locator(box)).to_have_value(typed)

    page.get_by_role("button", name="Сақтау").click()
    expect(page.locator("#messages")).to_contain_text("Сақталды")  # said on the whole page, its header still there
    expect(page.locator("form.logout")).to_be_visible()
    page.reload()  # saved: no warning (a dialog would be dismissed and the reload would not happen)
    expect(page.locator(box)).to_have_value(typed)


def certificate_texts(live_app) -> dict:
    with live_app.app_context():
        return {f"{t.key}_{t.lang}": t.text for t in db.session.scalars(db.select(CertificateText))}


def save_text(tab: Page, box: str, typed: str, said: str = "Сақталды") -> None:
    """Type a certificate text in `tab` and save the form; `said`: what the page then says above it."""
    tab.fill(box, typed)
    tab.get_by_role("button", name="Сақтау").click()
    expect(tab.locator("#messages" if said == "Сақталды" else "#form .alert")).to_contain_text(said)


@pytest.mark.parametrize("choice", ["Өзімдікін қалдыру", "Олардікін алу"])
def test_certificate_texts_saved_from_two_tabs_are_merged_text_by_text(page: Page, live_app, choice):
    """QA: tab A saved the head's order (рус.); tab B, not reloaded, saved the object — A's order was silently
    put back. Now each tab writes only what it changed; a text both changed is a conflict the department decides."""
    log_in(page, "rudny")
    first, second = page, page.context.new_page()
    for tab in (first, second):
        tab.goto("/units/rudny/certificate-texts/")
    save_text(first, "#order_ru", "Приказ руководителя от первой вкладки.")
    save_text(second, "#object_ru", "Объект от второй вкладки.")
    expect(second.locator("#order_ru")).to_have_value("Приказ руководителя от первой вкладки.")
    assert certificate_texts(live_app) == {"order_ru": "Приказ руководителя от первой вкладки.",
                                           "object_ru": "Объект от второй вкладки."}

    save_text(first, "#goal_ru", "Цель первой вкладки.")  # first's page is still the one before the second's save
    save_text(second, "#goal_ru", "Цель второй вкладки.", said="басқа біреу өзгертті")
    expect(second.locator("#goal_ru-error")).to_contain_text("Цель первой вкладки.")
    expect(second.locator("#goal_ru")).to_have_value("Цель второй вкладки.")
    assert certificate_texts(live_app)["goal_ru"] == "Цель первой вкладки."  # nothing written before the choice

    second.get_by_role("button", name=choice).click()
    expect(second.get_by_role("button", name=choice)).to_have_count(0)  # the page again, saved
    expect(second.locator("#messages")).to_contain_text("Сақталды")
    goal = "Цель второй вкладки." if choice == "Өзімдікін қалдыру" else "Цель первой вкладки."
    expect(second.locator("#goal_ru")).to_have_value(goal)
    assert certificate_texts(live_app) == {"order_ru": "Приказ руководителя от первой вкладки.",
                                           "object_ru": "Объект от второй вкладки.", "goal_ru": goal}


@pytest.fixture
def submitted(live_app):
    """rudny-7's 2026-H2 analysis, submitted to the department."""
    rudny_7_analysis(live_app, Status.SUBMITTED)


def test_return_reasons_typed_ask_before_leaving_and_are_kept_over_a_reload(page: Page, submitted):
    log_in(page, "rudny")
    page.goto("/schools/rudny-7/2026-H2/")
    typed = type_into(page, "#reason-personnel", "Бұйрық күнін тексеріңіз.")
    assert reload_answering_the_warning(page) == ["beforeunload"]
    expect(page.locator("#reason-personnel")).to_have_value(typed)

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.locator("button[name=decision][value=return]").click()  # sending the form is not leaving it
    expect(page.locator("#submission-status .state-overdue")).to_be_visible()
    assert dialogs == []
    page.reload()
    assert dialogs == []


def test_return_reasons_sent_signed_out_ask_to_sign_in_on_the_page_and_are_then_sent(page: Page, submitted):
    """QA: the session lost, «Return the sections with reasons» (a plain form) answered a 400 «form expired» page.
    Now the page asks to sign in again in its dialog, the reasons still typed, and then sends them."""
    log_in(page, "rudny")
    page.goto("/schools/rudny-7/2026-H2/")
    typed = type_into(page, "#reason-personnel", "Бұйрық күнін тексеріңіз.")
    sign_out_elsewhere(page, "rudny")
    page.locator("button[name=decision][value=return]").click()
    dialog = page.locator("#sign-in-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#reason-personnel")).to_have_value(typed)
    page.fill("#sign-in-password", "demo")
    dialog.get_by_role("button", name="Кіру").click()
    expect(page.locator("#submission-status .state-overdue")).to_be_visible()  # returned, with the reasons
    expect(page.locator("main")).to_contain_text("Бұйрық күнін тексеріңіз.")


def test_a_click_on_a_form_just_swapped_in_is_handled_by_htmx_not_by_the_browser(page: Page, inspection):
    """htmx wired what it had swapped in only after a settle delay (20 ms): a click meanwhile was the browser's
    own, a link followed or a form posted as without JavaScript, and the page reloaded under the clerk."""
    log_in(page, "rudny-7")
    page.goto(INSPECTIONS)
    page.evaluate("window.sameDocument = true")
    page.evaluate("""() => document.body.addEventListener('htmx:afterSwap', () => setTimeout(() =>
        document.querySelector('tr.editing a[hx-get]').click(), 0), {once: true})""")  # «Болдырмау» at once
    page.locator(f"#row-inspections-{inspection}").get_by_role("link", name="Өңдеу").click()
    expect(page.locator(f"#row-inspections-{inspection}").get_by_role("link", name="Өңдеу")).to_be_visible()
    page.wait_for_timeout(500)  # a page the browser was sent to would have replaced this one by now
    page.wait_for_load_state("load")
    assert page.evaluate("window.sameDocument === true")  # not reloaded


def test_signed_out_while_typing_in_a_search_box_the_focus_stays_there(page: Page):
    """Not only a section's texts: any htmx request the clerk did not click for (here the comparison's search,
    sent as they type) says «signed out» above the page and leaves the focus where it is."""
    log_in(page, "rudny")
    page.goto("/units/rudny/dashboard/compare?period=2025-H1")
    sign_out_elsewhere(page, "rudny")

    page.locator("#search").click()
    page.keyboard.type("Майлин", delay=60)
    expect(page.locator("#messages")).to_contain_text("жүйеден шығып кеттіңіз", timeout=10_000)
    page.keyboard.type(" мектебі", delay=60)
    expect(page.locator("#search")).to_have_value("Майлин мектебі")
    expect(page.locator("#search")).to_be_focused()
    expect(page.locator("#sign-in-dialog")).to_be_hidden()
    page.locator("#messages").get_by_role("button", name="Кіру").click()
    page.keyboard.type("demo")
    page.keyboard.press("Enter")
    expect(page.locator("#sign-in-dialog")).to_be_hidden()
    expect(page.locator("#messages .signed-out-notice")).to_have_count(0)
