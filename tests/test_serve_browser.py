"""The review workstation as editors meet it: `inkuru serve` in its own process, driven by Debian's headless
Chromium through Playwright. Edit, reload, restart the server, approve from the keyboard, export, a conflict
between two editors, typing while the server is down, and an upload translated with progress.

Screenshots land in out/test-serve/ (or $INKURU_TEST_OUTPUT) for a reviewer to look at.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from playwright.sync_api import expect  # noqa: E402

from conftest import EXAMPLES  # noqa: E402
from test_review_browser import browser  # noqa: E402,F401  (the module's Chromium fixture)
from translate.serve.workstation import Settings, Workstation  # noqa: E402

pytestmark = pytest.mark.slow
DRONES = Path(__file__).resolve().parent / "review_data" / "drones.result.json"
OUTPUT = Path(os.environ.get("INKURU_TEST_OUTPUT", Path(__file__).resolve().parent.parent / "out")) / "test-serve"
TIMEOUT_MS = 20_000
expect.set_options(timeout=TIMEOUT_MS)


class Server:
    """`inkuru serve FOLDER` in a subprocess; `restart()` stops it and starts it again on the same port."""

    def __init__(self, folder: Path, model: Path, *extra: str) -> None:
        self.folder, self.model, self.port, self.extra = folder, model, 0, extra
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self) -> None:
        command = [sys.executable, "-m", "translate.cli", "serve", str(self.folder), "--port", str(self.port),
                   "--memory", str(self.folder / "memory.sqlite"), "--model", str(self.model), "--backend", "ct2",
                   "--beam", "1", *self.extra]
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        found = re.search(r"at (http://127\.0\.0\.1:(\d+)/)", line)
        assert found, f"inkuru serve did not start: {line}{self.process.stdout.read() if self.process.poll() else ''}"  # type: ignore[union-attr]
        self.url, self.port = found.group(1), int(found.group(2))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture()
def server(tmp_path: Path, ct2_en_rw: Path) -> Iterator[tuple[Server, str]]:
    workstation = Workstation(Settings(tmp_path, use_memory=False))
    article, _ = workstation.import_file(DRONES.name, DRONES.read_bytes(), "setup")
    workstation.close()
    running = Server(tmp_path, ct2_en_rw)
    running.start()
    yield running, article
    running.stop()


def _editor(browser, name: str):  # noqa: ANN001, ANN202
    """A browser context for one editor (its own storage), with page errors and CSP violations collected."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(f"localStorage.setItem('inkuru-editor', {name!r})")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    return context, page, errors


def _alice_and_bob(browser, server):  # noqa: ANN001, ANN202
    """Two editors, each with the article open in a browser context of their own."""
    running, article = server
    editors = [_editor(browser, "Alice"), _editor(browser, "Bob")]
    for _, page, _ in editors:
        page.goto(f"{running.url}articles/{article}")
    return editors


def _row(page, pid: int):  # noqa: ANN001, ANN202
    return page.locator(f"section#p{pid}")


def _type(page, pid: int, text: str) -> None:  # noqa: ANN001
    _row(page, pid).locator("textarea").fill(text)


def _saved(page, pid: int) -> None:  # noqa: ANN001
    # Locator assertions, not wait_for_function: the page's CSP (rightly) forbids the eval that one needs.
    expect(page.locator(f"#p{pid} .save-status")).to_have_text("saved")


def test_edit_reload_restart_approve_and_export(browser, server) -> None:  # noqa: ANN001
    running, article = server
    context, page, errors = _editor(browser, "Alice")
    page.goto(f"{running.url}articles/{article}")
    _type(page, 1, "Ibiro bya White House bivuga ko Irani ifasha igihugu kubaka uruganda rukora drones")
    _saved(page, 1)
    assert "place.russia" in _row(page, 1).locator(".checks").inner_text() or \
        "missing" in _row(page, 1).locator(".problems").inner_text()  # the server's re-check, shown at once
    page.reload()
    assert _row(page, 1).locator("textarea").input_value().startswith("Ibiro bya White House")
    assert _row(page, 1).get_attribute("data-state") == "edited"
    assert _row(page, 1).locator(".diff ins").first.inner_text().strip() != ""
    running.restart()
    page.goto(f"{running.url}articles/{article}")
    assert _row(page, 1).locator("textarea").input_value().startswith("Ibiro bya White House")
    # Keyboard: Ctrl+Enter approves and moves on; Alt+Up goes back.
    _row(page, 1).locator("textarea").focus()
    page.keyboard.press("Control+Enter")
    expect(_row(page, 1)).to_have_attribute("data-state", "approved")
    assert page.evaluate("document.activeElement.closest('section').id") == "p2"
    page.keyboard.press("Alt+ArrowUp")
    assert page.evaluate("document.activeElement.closest('section').id") == "p1"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "editor.png"))
    with page.expect_download() as download:
        page.locator("a.export", has_text="text").first.click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert exported.startswith("Ibiro bya White House") and download.value.suggested_filename == "iran-drones-en.rw.txt"
    # The history names the editor.
    _row(page, 1).locator("button.show-history").click()
    expect(_row(page, 1).locator("ol.history")).to_contain_text("by Alice")
    assert errors == []
    context.close()


def test_two_editors_on_one_paragraph_get_a_conflict_with_both_texts(browser, server) -> None:  # noqa: ANN001
    (alice, alice_page, alice_errors), (bob, bob_page, bob_errors) = _alice_and_bob(browser, server)
    _type(alice_page, 3, "Inyandiko ya Alice.")
    _saved(alice_page, 3)
    _type(bob_page, 3, "Inyandiko ya Bob.")
    conflict = _row(bob_page, 3).locator(".conflict")
    conflict.wait_for(state="visible")
    assert conflict.locator(".theirs").inner_text() == "Inyandiko ya Alice."
    assert conflict.locator(".yours").inner_text() == "Inyandiko ya Bob."
    assert "Alice" in conflict.locator(".conflict-who").inner_text()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    bob_page.screenshot(path=str(OUTPUT / "conflict.png"))
    conflict.locator("button.keep-mine").click()
    _saved(bob_page, 3)
    alice_page.reload()
    assert _row(alice_page, 3).locator("textarea").input_value() == "Inyandiko ya Bob."
    # Bob changes it again; Alice, whose page still shows the old text, approves: she is asked, with her screen's
    # text as "yours" (an approval sends no text), and keeping hers saves it first, then approves it.
    _type(bob_page, 3, "Inyandiko ya Bob, ivuguruye.")
    _saved(bob_page, 3)
    _row(alice_page, 3).locator("button.approve").click()
    conflict = _row(alice_page, 3).locator(".conflict")
    conflict.wait_for(state="visible")
    assert conflict.locator(".yours").inner_text() == "Inyandiko ya Bob."
    assert conflict.locator(".theirs").inner_text() == "Inyandiko ya Bob, ivuguruye."
    conflict.locator("button.take-theirs").click()
    assert _row(alice_page, 3).locator("textarea").input_value() == "Inyandiko ya Bob, ivuguruye."
    _row(alice_page, 3).locator("button.approve").click()
    expect(_row(alice_page, 3)).to_have_attribute("data-state", "approved")
    bob_page.reload()
    assert _row(bob_page, 3).locator("textarea").input_value() == "Inyandiko ya Bob, ivuguruye."
    assert _row(bob_page, 3).get_attribute("data-state") == "approved"
    assert all("409 (Conflict)" in e for e in alice_errors + bob_errors)  # the browser logs the 409s
    alice.close()
    bob.close()


def test_typing_while_the_server_is_down_is_saved_when_it_is_back(browser, server) -> None:  # noqa: ANN001
    running, article = server
    context, page, errors = _editor(browser, "O’Neil")  # a typographic apostrophe, as phones type it
    page.goto(f"{running.url}articles/{article}")
    running.stop()
    _type(page, 4, "Byanditswe igihe seriveri yari yazimye.")
    expect(page.locator("#p4 .save-status")).to_contain_text("not saved")
    _row(page, 5).locator(".comment").fill("Reba iyi nteruro.")
    _row(page, 5).locator(".comment").blur()
    expect(page.locator("#p5 .save-status")).to_contain_text("comment not saved")
    running.start()  # the same port
    _saved(page, 4)
    expect(page.locator("#p5 .save-status")).to_have_text("comment saved")
    page.reload()
    assert _row(page, 4).locator("textarea").input_value() == "Byanditswe igihe seriveri yari yazimye."
    assert _row(page, 5).locator(".comment").input_value() == "Reba iyi nteruro."
    _row(page, 4).locator("button.show-history").click()
    expect(_row(page, 4).locator("ol.history")).to_contain_text("by O’Neil")
    assert all("Failed to load resource" in e or "ERR_CONNECTION_REFUSED" in e for e in errors)
    context.close()


def test_a_comment_caught_in_a_conflict_is_kept(browser, server) -> None:  # noqa: ANN001
    (alice, alice_page, _), (bob, bob_page, _) = _alice_and_bob(browser, server)
    _type(alice_page, 6, "Inyandiko ya Alice.")
    _saved(alice_page, 6)
    _row(bob_page, 6).locator(".comment").fill("Izina ry'umujyi rirabura.")
    _row(bob_page, 6).locator(".comment").blur()
    conflict = _row(bob_page, 6).locator(".conflict")
    conflict.wait_for(state="visible")
    assert "your comment: Izina ry'umujyi rirabura." in conflict.locator(".yours").inner_text()
    conflict.locator("button.take-theirs").click()
    expect(bob_page.locator("#p6 .save-status")).to_have_text("comment saved")
    alice_page.reload()
    assert _row(alice_page, 6).locator("textarea").input_value() == "Inyandiko ya Alice."
    assert _row(alice_page, 6).locator(".comment").input_value() == "Izina ry'umujyi rirabura."
    alice.close()
    bob.close()


def test_an_upload_is_translated_with_progress_and_opens_in_the_editor(browser, server) -> None:  # noqa: ANN001
    running, _ = server
    context, page, errors = _editor(browser, "Alice")
    page.goto(running.url)
    article = EXAMPLES / "held-out" / "nairobi-kivu-talks.en.txt"
    page.set_input_files("#upload input[type=file]", str(article))
    page.locator("#upload button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/articles/[0-9a-f]{12}$"), timeout=120_000)
    paragraphs = [p for p in article.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert page.locator("section.row").count() == len(paragraphs)
    # Weakest first: the rows re-order by the model's confidence, lowest on top.
    page.select_option("#order", "confidence")
    shown = page.eval_on_selector_all("section.row", "rows => rows.map(r => r.dataset.confidence)")
    scores = [float(s) for s in shown if s]
    assert scores == sorted(scores) and len(scores) >= len(paragraphs) // 2
    page.goto(running.url)
    assert "nairobi-kivu-talks.en.txt" in page.locator("table.articles").inner_text()
    assert errors == []
    context.close()


def test_approving_right_after_typing_approves_the_typed_text(browser, server) -> None:  # noqa: ANN001
    running, article = server
    context, page, errors = _editor(browser, "Alice")
    page.goto(f"{running.url}articles/{article}")
    _type(page, 5, "Inyandiko yemejwe ako kanya.")
    _row(page, 5).locator("button.approve").click()  # within the save delay: the save goes first
    expect(_row(page, 5)).to_have_attribute("data-state", "approved")
    assert _row(page, 5).locator(".conflict").is_hidden()
    page.reload()
    assert _row(page, 5).locator("textarea").input_value() == "Inyandiko yemejwe ako kanya."
    # An empty paragraph cannot be saved, so it is not approved either.
    _type(page, 6, "")
    _row(page, 6).locator("button.approve").click()
    expect(page.locator("#p6 .save-status")).to_contain_text("cannot be empty")
    assert _row(page, 6).get_attribute("data-state") == "machine"
    # "Only paragraphs that need review" hides the others.
    page.check("#only-problems")
    shown = page.eval_on_selector_all("section.row", "rows => rows.filter(r => r.offsetParent !== null).length")
    needing = page.eval_on_selector_all("section.row", "rows => rows.filter(r => r.dataset.needs === '1').length")
    assert 0 < shown == needing < page.locator("section.row").count()
    assert all("400 (Bad Request)" in e for e in errors)  # the refused empty save
    context.close()


def test_editors_sign_in_with_their_tokens(browser, tmp_path: Path, ct2_en_rw: Path) -> None:  # noqa: ANN001
    tokens = tmp_path / "tokens.tsv"
    tokens.write_text("alice\ttok-alice-0123456789abcdef\n", encoding="utf-8")
    running = Server(tmp_path / "project", ct2_en_rw, "--tokens", str(tokens))
    running.start()
    try:
        context, page, errors = _editor(browser, "ignored")
        page.goto(f"{running.url}glossary")
        assert "/login" in page.url
        page.fill("input[name=token]", "tok-wrong-0123456789abcdef")
        page.click("button[type=submit]")
        expect(page.locator(".error")).to_have_text("That token is not known.")
        page.fill("input[name=token]", "tok-alice-0123456789abcdef")
        page.click("button[type=submit]")
        expect(page.locator(".who")).to_contain_text("Signed in as alice")
        assert page.url.endswith("/glossary")
        running.restart()
        page.goto(running.url)
        expect(page.locator(".who")).to_contain_text("Signed in as alice")  # the session outlives a restart
        assert all("401" in e for e in errors), errors  # the wrong token's refusal only (print any other)
        context.close()
    finally:
        running.stop()


def test_a_comment_left_in_the_browser_never_replaces_a_newer_one_unseen(browser, server) -> None:  # noqa: ANN001
    (alice, alice_page, _), (bob, bob_page, _) = _alice_and_bob(browser, server)
    # Bob's comment never reached the server (his browser kept it, at version 1); Alice comments meanwhile.
    bob_page.evaluate(f"localStorage.setItem('inkuru:{server[1]}:7:comment', "
                      "JSON.stringify({comment: 'Ibya Bob.', version: '1'}))")
    _row(alice_page, 7).locator(".comment").fill("Ibya Alice.")
    _row(alice_page, 7).locator(".comment").blur()
    expect(alice_page.locator("#p7 .save-status")).to_have_text("comment saved")
    bob_page.reload()
    conflict = _row(bob_page, 7).locator(".conflict")
    conflict.wait_for(state="visible")
    assert "their comment: Ibya Alice." in conflict.locator(".theirs").inner_text()
    assert "your comment: Ibya Bob." in conflict.locator(".yours").inner_text()
    conflict.locator("button.take-theirs").click()
    assert _row(bob_page, 7).locator(".comment").input_value() == "Ibya Alice."
    bob_page.reload()
    assert _row(bob_page, 7).locator(".conflict").is_hidden()
    alice.close()
    bob.close()
