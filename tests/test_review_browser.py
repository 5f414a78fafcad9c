"""The review page in a real browser: Debian's headless Chromium driven by Playwright (its own browser download
cannot work here). Skipped only when /usr/bin/chromium is missing outside CI; under CI=true that is a failure.

Screenshots land in out/test-review/ (or $INKURU_TEST_OUTPUT) for a reviewer to look at.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from translate.result import Result
from translate.review.html import render_html
from translate.review.view import paragraph_terms, problems

from test_review import glossary, hostile_glossary, hostile_result, load  # noqa: I001  (tests/ is on sys.path)

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
OUTPUT = Path(os.environ.get("INKURU_TEST_OUTPUT", Path(__file__).resolve().parent.parent / "out" / "test-review"))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (install Debian's chromium package; `make test` does)")
        pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _open(browser, page_file: Path, width: int = 1280, height: int = 900):  # noqa: ANN001, ANN202
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"page error: {error}"))
    page.on("console", lambda message: events.append(f"console {message.type}: {message.text}"))
    page.on("request", lambda request: events.append(f"request: {request.url}")
            if not request.url.startswith(("file:", "blob:", "data:")) else None)
    page.goto(page_file.as_uri())
    return context, page, events


def _write_page(tmp_path: Path, result: Result, name: str, gloss=None) -> Path:  # noqa: ANN001
    path = tmp_path / name
    path.write_text(render_html(result, gloss), encoding="utf-8")
    return path


def test_review_page_edit_approve_reload_export(browser, tmp_path: Path) -> None:  # noqa: ANN001
    OUTPUT.mkdir(parents=True, exist_ok=True)
    result = load()
    context, page, events = _open(browser, _write_page(tmp_path, result, "drones.review.html", glossary()))

    # Aligned: one row per paragraph, source and translation side by side at the same height.
    rows = page.locator("article.row")
    assert rows.count() == len(result.paragraphs)
    for i in range(rows.count()):
        source, target = rows.nth(i).locator(".src").bounding_box(), rows.nth(i).locator(".tgt").bounding_box()
        assert abs(source["y"] - target["y"]) < 1 and source["x"] + source["width"] <= target["x"]

    # A highlighted source term shows its tooltip and lights up its rendering in the translation.
    term = page.locator('#p1 .src mark[data-entry="place.russia"]')
    term.hover()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert "place.russia" in tip.inner_text() and "Uburusiya" in tip.inner_text() and "u Burusiya" in tip.inner_text()
    assert "linked" in page.locator('#p1 .tgt mark[data-entry="place.russia"]').get_attribute("class")
    page.screenshot(path=str(OUTPUT / "desktop-tooltip.png"))
    page.mouse.move(0, 0)
    page.locator('#p3 .src mark[data-entry="place.moscow"]').focus()  # keyboard focus shows it too
    assert tip.is_visible() and "place.moscow" in tip.inner_text()

    # Edit paragraph 3 in place and approve it.
    edited = "Umwandiko wa ¶3 wakosowe n'umwanditsi <b>ntabwo ari HTML</b>."
    page.locator("#p3 .edit").click()
    page.locator("#p3 textarea").fill(edited)
    page.locator("#p3 textarea").press("Control+Enter")
    page.locator("#p3 .approve").click()
    assert page.locator("#p3 .view").inner_text() == edited
    assert page.locator("#p3 .approve").get_attribute("aria-pressed") == "true"
    assert page.locator("#approved-count").inner_text() == f"1/{len(result.paragraphs)}"

    # Keyboard: j/k move between paragraphs, a approves, e edits, Escape cancels.
    page.locator("#p1").focus()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "p2"
    page.keyboard.press("a")
    page.keyboard.press("e")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("Escape")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "p1"
    page.keyboard.press("n")  # the next paragraph with a problem
    first_problem = next(p.id for p in result.paragraphs if problems(p, paragraph_terms(p)))
    assert page.evaluate("document.activeElement.id") == f"p{first_problem}"

    # The edits survive a reload (local storage keyed by signature + file).
    page.reload()
    assert page.locator("#p3 .view").inner_text() == edited
    assert page.locator("#p3 .approve").get_attribute("aria-pressed") == "true"
    assert page.locator("#p2 .approve").get_attribute("aria-pressed") == "true"
    assert "edited" in page.locator("#p3").get_attribute("class")

    # Filter: only paragraphs with problems.
    page.locator("#filter").select_option("problems")
    expected = [p.id for p in result.paragraphs if problems(p, paragraph_terms(p))]
    visible = [int(r.get_attribute("data-id")) for r in page.locator("article.row:not(.hidden)").all()]
    assert visible == expected and 0 < len(expected) < len(result.paragraphs)
    page.locator("#filter").select_option("all")

    # Export: the same result shape, paragraph 3's target replaced, edited and approved.
    with page.expect_download() as download:
        page.locator("#export-json").click()
    assert download.value.suggested_filename == "iran-drones-en.reviewed.json"
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    want = result.to_dict()
    want["paragraphs"][2].update(target=edited, edited=True, approved=True)
    want["paragraphs"][1].update(approved=True)
    assert exported == want
    assert Result.from_dict(exported).target_text.split("\n\n")[2] == edited
    page.screenshot(path=str(OUTPUT / "desktop.png"), full_page=False)

    # The exported file reopened in the same browser: its own values show, the local edits agree with them.
    reopened = context.new_page()
    reopened.goto(_write_page(tmp_path, Result.from_dict(exported), "drones.review.html", glossary()).as_uri())
    assert reopened.locator("#p3 .view").inner_text() == edited
    assert reopened.locator("#p2 .approve").get_attribute("aria-pressed") == "true"
    assert "older version" not in reopened.locator("#status").inner_text()
    reopened.close()

    # Discard (two clicks, no dialog) brings back the file's translation.
    page.locator("#discard").click()
    page.locator("#discard").click()
    assert page.locator("#p3 .view").inner_text() == result.paragraphs[2].target
    assert not [e for e in events if not e.startswith("console")], events
    context.close()


def test_review_page_at_phone_width(browser, tmp_path: Path) -> None:  # noqa: ANN001
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context, page, events = _open(browser, _write_page(tmp_path, load(), "phone.html", glossary()), 390, 844)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    source, target = page.locator("#p3 .src").bounding_box(), page.locator("#p3 .tgt").bounding_box()
    assert target["y"] >= source["y"] + source["height"]  # stacked: translation under its source
    assert not page.locator(".keys").is_visible()  # keyboard help is for keyboards
    button = page.locator("#p3 .approve").bounding_box()
    assert button["height"] >= 40 and button["width"] >= 100  # touch-sized
    page.screenshot(path=str(OUTPUT / "phone.png"), full_page=False)
    page.locator("#p4").scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / "phone-p4.png"), full_page=False)
    assert not events, events
    context.close()


def test_hostile_article_runs_nothing(browser, tmp_path: Path) -> None:  # noqa: ANN001
    OUTPUT.mkdir(parents=True, exist_ok=True)
    result = hostile_result()
    context, page, events = _open(browser, _write_page(tmp_path, result, "hostile.html", hostile_glossary()))
    page.wait_for_timeout(300)  # give an injected onerror/onload time to fire
    assert page.locator("article.row").count() == len(result.paragraphs)
    assert page.locator("#p1 .src").inner_text().startswith("<script>alert(1)</script> Russia <img src=x")
    assert page.locator("article img, article svg, article a, article script").count() == 0
    page.locator('#p1 .src mark[data-entry="place.russia"]').hover()
    assert "<img src=z onerror=alert(9)>" in page.locator("#tip").inner_text()
    page.locator("#p1 .src mark.t-missing").hover()
    assert "<img src=y onerror=alert(8)>" in page.locator("#tip").inner_text()
    page.locator("#p3 .edit").click()
    page.locator("#p3 textarea").fill('<img src=q onerror="alert(11)">')
    page.locator("#p3 textarea").press("Control+Enter")
    page.wait_for_timeout(200)
    assert page.locator("#p3 .view").inner_text() == '<img src=q onerror="alert(11)">'
    assert page.title() == 'Review: <script>alert("name")</script>.txt'
    page.screenshot(path=str(OUTPUT / "hostile.png"), full_page=True)
    # No dialog, no script error, no blocked inline script (a CSP report would mean escaping failed), no request.
    assert not events, events
    context.close()


def test_hostile_article_inert_without_the_content_security_policy(browser, tmp_path: Path) -> None:  # noqa: ANN001
    # The policy is a second line of defence: escaping alone must already keep the article inert.
    page_file = _write_page(tmp_path, hostile_result(), "hostile-no-csp.html", hostile_glossary())
    text = page_file.read_text(encoding="utf-8")
    without = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    assert without != text
    page_file.write_text(without, encoding="utf-8")
    context, page, events = _open(browser, page_file)
    page.wait_for_timeout(300)
    page.locator("#p1 .src mark.t-missing").hover()
    assert page.locator("article img, article svg, article a, article script").count() == 0
    assert not events, events
    context.close()


def test_review_page_of_a_web_page_article(browser, tmp_path: Path) -> None:  # noqa: ANN001
    """A saved web page (scripts, handlers, javascript: links) translated with --extract: its review page shows the
    article's blocks, runs none of the page's scripts, and makes no request."""
    from document_files import WORDPRESS_PAGE

    from translate.engines.base import IdentityEngine
    from translate.formats import read_document
    from translate.formats.translation import translate_document_file
    from translate.pipeline import TranslateOptions

    page_html = WORDPRESS_PAGE.replace("<p>Russia launched", "<p>Russia <img src=x onerror=alert(5)> launched")
    data = page_html.encode()
    document = read_document("page.html", data, extract=True)
    result = translate_document_file(document, data, IdentityEngine(), TranslateOptions("rw", source="en"),
                                     name="page.html")
    context, page, events = _open(browser, _write_page(tmp_path, result, "page-review.html"))
    page.wait_for_timeout(300)
    assert page.locator("article.row").count() == len(result.paragraphs)
    assert page.locator("article img, article a, article script").count() == 0
    assert "Russia launched dozens of drones" in page.locator("main").inner_text()
    assert "Facebook" not in page.locator("main").inner_text()  # left out by --extract, and listed as such
    page.locator("#left-out summary").click()
    assert "Facebook" in page.locator("#left-out").inner_text()
    assert page.locator("#p2 .kind").inner_text() == "heading"
    assert not events, events
    context.close()


def test_review_page_orders_the_weakest_paragraphs_first(browser, tmp_path: Path) -> None:  # noqa: ANN001
    result = load()
    for paragraph, confidence in zip(result.paragraphs, (0.9, 0.3, None, 0.6, 0.1)):
        paragraph.confidence = confidence
    context, page, events = _open(browser, _write_page(tmp_path, result, "confidence.html", glossary()))
    assert page.locator("#p2 .b-confidence").inner_text() == "confidence 0.30"
    page.locator("#order").select_option("confidence")
    order = page.eval_on_selector_all("article.row", "rows => rows.map(r => Number(r.dataset.id))")
    assert order[:4] == [5, 2, 4, 1] and len(order) == len(result.paragraphs)
    page.keyboard.press("j")  # navigation follows the order on screen
    assert page.evaluate("document.activeElement.id") == "p5"
    page.locator("#order").select_option("document")
    assert page.eval_on_selector_all("article.row", "rows => rows.map(r => Number(r.dataset.id))") == sorted(order)
    assert not [e for e in events if e.startswith(("page error", "console error", "request"))]
    context.close()
