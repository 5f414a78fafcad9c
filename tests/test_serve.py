"""The review workstation's app in-process (Starlette's TestClient): the store, re-checks, conflicts, feedback into
the memory and the glossary, and the guards (auth, cross-site writes, sizes, ids not paths, escaping).
The same app in a real browser: test_serve_browser.py."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")

from starlette.testclient import TestClient  # noqa: E402

from conftest import EXAMPLES  # noqa: E402
from translate.cli import cli  # noqa: E402
from translate.memory import TranslationMemory  # noqa: E402
from translate.review import render  # noqa: E402
from translate.serve.app import Limits, create_app  # noqa: E402
from translate.serve.auth import Auth  # noqa: E402
from translate.serve.workstation import Settings, Workstation  # noqa: E402

from test_review import hostile_result, load  # noqa: E402,I001

DRONES = Path(__file__).resolve().parent / "review_data" / "drones.result.json"
TOKENS = {"tok-alice-0123456789abcdef": "alice", "tok-bob-0123456789abcdefgh": "bob"}


def _client(folder: Path, tokens: dict[str, str] | None = None, limits: Limits = Limits(), **settings: object
            ) -> tuple[TestClient, Workstation, Auth]:
    workstation = Workstation(Settings(folder, memory=folder / "memory.sqlite", **settings))  # type: ignore[arg-type]
    auth = Auth(tokens, workstation.store)
    return TestClient(create_app(workstation, auth, allowed_hosts=["testserver"], limits=limits)), workstation, auth


def _headers(auth: Auth, editor: str = "alice") -> dict[str, str]:
    return {"x-inkuru-csrf": auth.local_csrf, "x-inkuru-editor": editor}


def _import(client: TestClient, auth: Auth, path: Path = DRONES, name: str | None = None) -> str:
    response = client.post("/api/import", files={"file": (name or path.name, path.read_bytes())},
                           headers=_headers(auth))
    assert response.status_code == 201, response.text
    return str(response.json()["article"])


def _save(client: TestClient, auth: Auth, article: str, pid: int, text: str, version: int, editor: str = "alice"):
    return client.put(f"/api/articles/{article}/paragraphs/{pid}", json={"text": text, "version": version},
                      headers=_headers(auth, editor))


# -- editing ------------------------------------------------------------------------------------------------------


def test_an_edit_is_saved_rechecked_and_diffed_and_survives_a_restart(tmp_path: Path) -> None:
    client, _, auth = _client(tmp_path)
    article = _import(client, auth)
    machine = load().paragraphs[0].target
    assert "Uburusiya" in machine
    # The editor drops "Uburusiya": the server's re-check (the CLI's matcher) now reports place.russia missing.
    edited = machine.replace("Uburusiya", "igihugu")
    reply = _save(client, auth, article, 1, edited, 1)
    assert reply.status_code == 200 and reply.json()["state"] == "edited" and reply.json()["version"] == 2
    assert "missing: " in reply.json()["checks"] and "<del>Uburusiya</del>" in reply.json()["checks"]
    # A new process on the same folder (a restart) shows the saved text, its checks and state.
    client2, workstation2, auth2 = _client(tmp_path)
    _, rows = workstation2.rows(article)
    first = rows[0]
    assert first.paragraph.target == edited and first.state.state == "edited" and first.paragraph.checked == "editor"
    assert {t["entry"]: t["status"] for t in first.paragraph.terms}["place.russia"] == "missing"
    page = client2.get(f"/articles/{article}").text
    assert f">{edited}</textarea>" in page
    # Back to the machine's words: the machine's own checks and state again.
    back = _save(client2, auth2, article, 1, machine, 2)
    assert back.json()["state"] == "machine" and back.json()["checked"] == "machine"


def test_two_editors_saving_one_paragraph_get_a_conflict_never_an_overwrite(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    article = _import(client, auth)
    assert _save(client, auth, article, 3, "Alice's version.", 1, "alice").status_code == 200
    late = _save(client, auth, article, 3, "Bob's version.", 1, "bob")
    assert late.status_code == 409
    assert late.json()["current"]["target"] == "Alice's version." and late.json()["yours"] == "Bob's version."
    assert late.json()["current"]["editor"] == "alice"
    assert workstation.store.paragraph(article, 3).target == "Alice's version."
    # Bob chooses to keep his: saved on the version he has now seen. The history keeps all three, who and when.
    assert _save(client, auth, article, 3, "Bob's version.", 2, "bob").status_code == 200
    history = client.get(f"/api/articles/{article}/paragraphs/3/history").json()
    assert [(h["action"], h["editor"], h["target"]) for h in history][1:] == [
        ("edit", "alice", "Alice's version."), ("edit", "bob", "Bob's version.")]
    assert all(h["at"] <= time.time() for h in history)


def test_approving_feeds_the_memory_and_the_next_translation_uses_it(tmp_path: Path, ct2_en_rw: Path) -> None:
    client, workstation, auth = _client(tmp_path, model=str(ct2_en_rw), backend="ct2", beam=1)
    article_file = EXAMPLES / "held-out" / "kyiv-air-defence.en.txt"
    reply = client.post("/api/articles", files={"file": (article_file.name, article_file.read_bytes())},
                        data={"to": "rw"}, headers=_headers(auth))
    assert reply.status_code == 202
    article = _wait(client, reply.json()["id"])
    result, rows = workstation.rows(article)
    assert len(rows) == len(result.paragraphs) and rows[0].paragraph.confidence is not None
    paragraph = next(r for r in rows if r.editable and len(r.paragraph.segments) == 2)
    pid, sentences = paragraph.paragraph.id, [s.source for s in paragraph.paragraph.segments]
    # An editor's version, sentence for sentence (each near the machine's in length, so the sentences pair up).
    corrected = [" ".join(s.target.rstrip(".").split()[:-1] + ["cyakosowe."]) for s in paragraph.paragraph.segments]
    human = " ".join(corrected)
    assert _save(client, auth, article, pid, human, 1).status_code == 200
    approved = client.post(f"/api/articles/{article}/paragraphs/{pid}/approve", json={"version": 2},
                           headers=_headers(auth))
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    # The same article again: that paragraph (and each of its sentences) comes from the editors, marked so.
    again = client.post("/api/articles", files={"file": (article_file.name, article_file.read_bytes())},
                        data={"to": "rw"}, headers=_headers(auth))
    second = workstation.store.current_result(_wait(client, again.json()["id"]))
    redone = next(p for p in second.paragraphs if p.id == pid)
    assert redone.target == human and "human_translation" in redone.flags and redone.confidence is None
    memory = TranslationMemory(tmp_path / "memory.sqlite")
    assert memory.approved(sentences, "en", "rw") == dict(zip(sentences, corrected))
    # The articles page counts it; the editor page offers the weakest-first order from the confidences.
    summary = next(a for a in workstation.store.articles() if a.id == article)
    assert summary.approved == 1 and f"<td>1 / {summary.translated}</td>" in client.get("/").text
    page = client.get(f"/articles/{article}").text
    assert 'value="confidence"' in page and re.search(r'data-confidence="0\.\d+"', page)


def _wait(client: TestClient, job: str) -> str:
    for _ in range(600):
        state = client.get(f"/api/jobs/{job}").json()
        if state["status"] == "done":
            return str(state["article"])
        assert state["status"] != "failed", state["message"]
        time.sleep(0.05)
    raise AssertionError("translation did not finish")


def test_approving_an_article_and_exporting_every_format(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    article = _import(client, auth)
    _save(client, auth, article, 2, "Byanditswe na Claudine Uwase (Inkuru).", 1)
    seen = {str(pid): state.version for pid, state in workstation.store.paragraph_states(article).items()}
    # Approving the article names the versions on screen: one changed since is not approved unseen.
    stale = {**seen, "2": 1}
    refused = client.post(f"/api/articles/{article}/approve", json={"versions": stale}, headers=_headers(auth))
    assert refused.status_code == 400 and "paragraph 2 changed since this page was loaded" in refused.json()["error"]
    assert workstation.store.articles()[0].approved_by is None
    assert workstation.store.paragraph(article, 1).state != "approved"  # all or nothing: paragraph 1 is not either
    seen = {str(pid): state.version for pid, state in workstation.store.paragraph_states(article).items()}
    assert client.post(f"/api/articles/{article}/approve", json={"versions": seen},
                       headers=_headers(auth)).json()["approved"] > 0
    summary = workstation.store.articles()[0]
    assert summary.approved_by == "alice" and summary.approved == summary.translated
    text = client.get(f"/articles/{article}/export/text")
    assert text.status_code == 200 and "Byanditswe na Claudine Uwase (Inkuru)." in text.text
    assert 'filename="iran-drones-en.rw.txt"' in text.headers["content-disposition"]
    exported = json.loads(client.get(f"/articles/{article}/export/json").text)
    assert all(p["approved"] for p in exported["paragraphs"] if p["action"] == "translated")
    for fmt in ("markdown", "xliff", "tsv", "html"):
        assert client.get(f"/articles/{article}/export/{fmt}").status_code == 200
    # A comment for the desk travels with the exports (and back in through an import).
    version = workstation.store.paragraph(article, 4).version
    client.post(f"/api/articles/{article}/paragraphs/4/comment", json={"comment": "Check Kirby's title.",
                                                                        "version": version}, headers=_headers(auth))
    assert "Comment: Check Kirby's title." in client.get(f"/articles/{article}/export/markdown").text
    xliff = client.get(f"/articles/{article}/export/xliff").text
    assert '<note category="comment">Check Kirby\'s title.</note>' in xliff
    again, _ = workstation.import_file("again.xlf", xliff.encode(), "bob")
    assert workstation.store.paragraph(again, 4).comment == "Check Kirby's title."
    assert client.get(f"/articles/{article}/export/pdf").status_code == 400
    # An edit after approval re-opens the article.
    _save(client, auth, article, 2, "Byanditswe na Claudine Uwase.", 3)
    assert workstation.store.articles()[0].approved_by is None


def test_a_web_page_exports_in_its_own_format_with_the_edits(tmp_path: Path, ct2_en_rw: Path) -> None:
    client, workstation, auth = _client(tmp_path, model=str(ct2_en_rw), backend="ct2", beam=1)
    page = EXAMPLES / "held-out-documents" / "02-kyiv-overnight-drones.en.html"
    reply = client.post("/api/articles", files={"file": (page.name, page.read_bytes())}, data={"to": "rw"},
                        headers=_headers(auth))
    article = _wait(client, reply.json()["id"])
    _, rows = workstation.rows(article)
    row = next(r for r in rows if r.editable)
    _save(client, auth, article, row.paragraph.id, "Umutwe wahinduwe n'umwanditsi.", 1)
    exported = client.get(f"/articles/{article}/export/document")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/html")
    assert 'filename="02-kyiv-overnight-drones.en.rw.html"' in exported.headers["content-disposition"]
    text = client.get(f"/articles/{article}/export/text")  # the page's text, named as text
    assert 'filename="02-kyiv-overnight-drones.en.rw.txt"' in text.headers["content-disposition"]
    assert "Umutwe wahinduwe n&#39;umwanditsi." in exported.text or "Umutwe wahinduwe n'umwanditsi." in exported.text


def test_import_takes_results_xliff_and_review_pages(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    page = tmp_path / "drones.review.html"
    page.write_text(render(load(), "html"), encoding="utf-8")
    xliff = tmp_path / "drones.xlf"
    # A CAT tool changes the <target>, not the Inkuru metadata (where the text is JSON-quoted).
    xliff.write_text(re.sub('(?<!")' + re.escape(load().paragraphs[1].target), "Byahinduwe muri CAT.",
                            render(load(), "xliff")), encoding="utf-8")
    for path in (page, xliff):
        article = _import(client, auth, path)
        assert len(workstation.rows(article)[1]) == len(load().paragraphs)
    assert workstation.store.paragraph(article, 2).target == "Byahinduwe muri CAT."
    assert workstation.store.paragraph(article, 2).checked == "editor"  # an import's edits are re-checked too
    bad = client.post("/api/import", files={"file": ("notes.html", b"<html><p>hello</p></html>")},
                      headers=_headers(auth))
    assert bad.status_code == 400 and "notes.html: not an Inkuru review page" in bad.json()["error"]
    latin1 = client.post("/api/import", files={"file": ("r.json", "{\"a\": \"caf\xe9\"}".encode("latin-1"))},
                         headers=_headers(auth))
    assert latin1.status_code == 400 and "r.json" in latin1.json()["error"] and "UTF-8" in latin1.json()["error"]
    upload = client.post("/api/articles", files={"file": ("story.pdf", b"%PDF")}, data={"to": "rw"},
                         headers=_headers(auth))
    assert upload.status_code == 400 and "story.pdf" in upload.json()["error"]


# -- glossary feedback ----------------------------------------------------------------------------------------------


def test_consistent_corrections_become_glossary_candidates_accepted_into_the_tsv(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    article = _import(client, auth)
    machine = {p.id: p.target for p in load().paragraphs}
    # Two paragraphs where the machine wrote "drones" (term.drone) become "utudege", which the entry lacks.
    for pid in (5, 6):
        assert _save(client, auth, article, pid, machine[pid].replace("drones", "utudege", 1), 1).status_code == 200
    found = workstation.candidates()
    rendering = next(c for c, _ in found if c.kind == "rendering")
    assert (rendering.entry, rendering.machine, rendering.edited, rendering.count) == ("term.drone", "drones",
                                                                                        "utudege", 2)
    page = client.get("/glossary").text
    assert "utudege" in page and 'data-key="' in page
    cli_output = CliRunner().invoke(cli, ["glossary", "suggest", "--from-edits", str(tmp_path), "--format", "json"])
    assert cli_output.exit_code == 0, cli_output.output
    proposed = next(c["proposed"] for c in json.loads(cli_output.stdout) if c["kind"] == "rendering")
    assert proposed["id"] == "term.drone" and proposed["rw"].startswith("utudege|")
    # Accepting a new term goes into the folder's glossary.tsv, validated; the page's glossary reloads.
    new_row = {"id": "term.test-drone-swarm", "type": "term", "status": "proposed", "en": "drone swarm",
               "rw": "igitero cy'utudege twinshi", "rw_class": "7", "note": "from edits"}
    # An id the glossary has is refused for a new term, never overwritten (here: a shipped entry).
    taken = client.post("/api/glossary/candidates", json={**new_row, "id": "term.drone", "__kind": "new"},
                        headers=_headers(auth))
    assert taken.status_code == 400 and "already exists" in taken.json()["error"]
    new_row["__kind"] = "new"
    accepted = client.post("/api/glossary/candidates", json=new_row, headers=_headers(auth))
    assert accepted.status_code == 201 and (tmp_path / "glossary.tsv").read_text().count("term.test-drone-swarm") == 1
    assert workstation.glossary().get("term.test-drone-swarm") is not None
    unfinished = client.post("/api/glossary/candidates", json={**new_row, "en": ""}, headers=_headers(auth))
    assert unfinished.status_code == 400 and unfinished.json()["error"] == \
        "fill in the English term (en) before accepting"
    clash = client.post("/api/glossary/candidates", json={**new_row, "id": "term.other", "en": "drone"},
                        headers=_headers(auth))
    assert clash.status_code == 400 and "drone" in clash.json()["error"]
    dismissed = client.post("/api/glossary/candidates/dismiss", json={"key": rendering.key}, headers=_headers(auth))
    assert dismissed.status_code == 200 and rendering.key not in [c.key for c, _ in workstation.candidates()]


def test_concordance_finds_approved_translations(tmp_path: Path) -> None:
    client, _, auth = _client(tmp_path)
    article = _import(client, auth)
    client.post(f"/api/articles/{article}/paragraphs/4/approve", json={"version": 1}, headers=_headers(auth))
    page = client.get("/glossary", params={"q": "Kirby"}).text
    assert "person.john-kirby" in page and f"/articles/{article}#p4" in page


# -- guards -------------------------------------------------------------------------------------------------------


def test_tokens_are_required_off_loopback_and_sessions_carry_a_csrf_secret(tmp_path: Path) -> None:
    refused = CliRunner().invoke(cli, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--tokens FILE" in refused.output
    client, _, auth = _client(tmp_path, TOKENS)
    assert client.get("/", follow_redirects=False).headers["location"] == "/login?next=/"
    assert client.post("/api/import", files={"file": ("a.json", b"{}")}).status_code == 401
    assert client.post("/login", data={"token": "wrong-token-0123456789"}).status_code == 401
    signed = client.post("/login", data={"token": "tok-bob-0123456789abcdefgh", "next": "//evil.example/"},
                         follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    assert "httponly" in signed.headers["set-cookie"].lower() and "samesite=strict" in signed.headers["set-cookie"].lower()
    page = client.get("/").text
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert "Signed in as <b>bob</b>" in page and csrf != auth.local_csrf
    # A write without the page's secret (what a cross-site form can send) is refused; with it, it is Bob's.
    assert client.post("/api/import", files={"file": (DRONES.name, DRONES.read_bytes())}).status_code == 403
    ok = client.post("/api/import", files={"file": (DRONES.name, DRONES.read_bytes())}, headers={"x-inkuru-csrf": csrf})
    article = ok.json()["article"]
    assert client.put(f"/api/articles/{article}/paragraphs/1", json={"text": "Ibyo.", "version": 1},
                      headers={"x-inkuru-csrf": csrf, "origin": "http://evil.example"}).status_code == 403
    saved = client.put(f"/api/articles/{article}/paragraphs/1", json={"text": "Ibyo.", "version": 1},
                       headers={"x-inkuru-csrf": csrf, "x-inkuru-editor": "mallory"})
    assert saved.status_code == 200 and saved.json()["editor"] == "bob"  # the session says who, not the page
    # A restart keeps the session (the store keeps its digest); an editor taken out of the tokens file loses it.
    cookie = {"inkuru_session": client.cookies["inkuru_session"]}
    restarted, _, _ = _client(tmp_path, TOKENS)
    restarted.cookies.update(cookie)
    assert "Signed in as <b>bob</b>" in restarted.get("/").text
    without_bob, _, _ = _client(tmp_path, {"tok-alice-0123456789abcdef": "alice"})
    without_bob.cookies.update(cookie)
    assert without_bob.get("/", follow_redirects=False).status_code == 303
    # A script may use its token directly (nothing ambient for another site to ride on).
    bearer = TestClient(client.app).get("/api/jobs/none", headers={"authorization": "Bearer tok-alice-0123456789abcdef"})
    assert bearer.status_code == 404


def test_bad_tokens_files_are_named_with_their_line(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.tsv"
    tokens.write_text("alice\tshort\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--host", "0.0.0.0", "--tokens", str(tokens)])
    assert result.exit_code == 1 and f"{tokens}:1: the token of alice is shorter than 16" in result.output
    line = CliRunner().invoke(cli, ["serve", "--new-token", "carol"])
    assert line.exit_code == 0 and re.fullmatch(r"carol\t\S{24,}\n", line.output)


def test_loopback_guards_hosts_sizes_ids_and_headers(tmp_path: Path) -> None:
    client, _, auth = _client(tmp_path, limits=Limits(upload_bytes=200_000, request_bytes=10_000))
    article = _import(client, auth)
    # DNS rebinding: another host name in front of the loopback server is refused.
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    # Writes need the server's secret even on loopback (another site's page could otherwise post here).
    assert client.put(f"/api/articles/{article}/paragraphs/1", json={"text": "x", "version": 1}).status_code == 403
    big = _save(client, auth, article, 1, "x" * 20_000, 1)
    assert big.status_code == 413 and "too large" in big.json()["error"]
    huge = client.post("/api/import", files={"file": ("a.json", b" " * 300_000)}, headers=_headers(auth))
    assert huge.status_code == 413
    # Ids, never paths: anything else is not found, whatever it spells.
    for path in ("/articles/..%2f..%2fetc%2fpasswd", "/articles/../inkuru.sqlite", "/static/../inkuru.sqlite",
                 "/static/..%2finkuru.sqlite", f"/articles/{article}/export/..%2f..%2fx", "/articles/ffffffffffff",
                 "/api/articles/ffffffffffff/paragraphs/1/history"):
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert b"SQLite" not in response.content
    assert _save(client, auth, article, 999, "x", 1).status_code == 404
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"] and "unsafe-inline" not in \
        headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert _save(client, auth, article, 1, "   ", 1).status_code == 400  # never an empty paragraph


def test_article_glossary_and_comment_text_is_escaped(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(hostile_result().to_dict()), encoding="utf-8")
    article = _import(client, auth, hostile)
    comment = client.post(f"/api/articles/{article}/paragraphs/1/comment",
                          json={"comment": "<script>alert('c')</script>", "version": 1}, headers=_headers(auth))
    assert comment.status_code == 200
    for page in (client.get(f"/articles/{article}").text, client.get("/").text,
                 client.get("/glossary", params={"q": "<script>alert(1)</script>"}).text, comment.json()["checks"]):
        assert _markup(page) <= {"script:/static/app.js", "link", "meta", "mark", "textarea", "input", "select",
                                 "option", "button", "label", "form", "div", "span", "p", "ul", "li", "ol", "h1",
                                 "h2", "h3", "section", "main", "header", "nav", "a", "b", "strong", "table",
                                 "thead", "tbody", "tr", "th", "td", "del", "ins", "code", "html", "head", "body",
                                 "title", "progress"}
    assert "&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt;" in client.get(f"/articles/{article}").text


def _markup(page: str) -> set[str]:
    """The elements a page really has (scripts by source), failing on any event-handler or javascript: attribute:
    hostile text that got through unescaped would show up here as markup."""
    from html.parser import HTMLParser

    found: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                assert not name.startswith("on") and not (value or "").strip().lower().startswith("javascript:"), \
                    (tag, name, value)
            found.add(f"script:{dict(attrs).get('src')}" if tag == "script" else tag)

    Collect().feed(page)
    return found


def test_an_approved_heading_comes_back_once_with_its_markup(tmp_path: Path) -> None:
    """What an approval teaches is keyed as the pipeline looks it up: lines without their Markdown markup (which
    the pipeline keeps itself), and each sentence when they pair up."""
    from translate.engines.base import IdentityEngine
    from translate.memory import CachedEngine
    from translate.pipeline import TranslateOptions, translate_document
    from translate.result import ParagraphResult
    from translate.serve.workstation import sentence_pairs

    memory = TranslationMemory(tmp_path / "memory.sqlite")
    heading = ParagraphResult(1, "## Drones hit Kyiv. Ten died.", "", "en", "translated")
    memory.add_approved("en", "rw", sentence_pairs(heading, "## Drones zibasiye Kyiv. Icumi bapfuye.", "en", "rw"),
                        "alice")
    result = translate_document("## Drones hit Kyiv. Ten died.\n\nTen died.", CachedEngine(IdentityEngine(), memory),
                                TranslateOptions("rw", "en"))
    assert [p.target for p in result.paragraphs] == ["## Drones zibasiye Kyiv. Icumi bapfuye.", "Icumi bapfuye."]


def test_a_consistent_correction_of_words_no_entry_covers_proposes_a_new_entry() -> None:
    from translate.glossary import load_glossaries
    from translate.glossary.feedback import NEW, EditedParagraph, candidates_from_edits, proposed_row

    glossary = load_glossaries([Path(__file__).resolve().parent / "glossary_data" / "mini.tsv"])
    edits = [
        EditedParagraph("a1", 1, "The Kivu Fishers Union met in Russia on Monday.",
                        "Ishyirahamwe ry'abarobyi ryahuriye mu Burusiya ku wa Mbere.",
                        "Koperative y'abarobyi ba Kivu yahuriye mu Burusiya ku wa Mbere.", "en", "rw"),
        EditedParagraph("a2", 4, "Members of the Kivu Fishers Union asked for boats.",
                        "Abanyamuryango b'ishyirahamwe ry'abarobyi basabye amato.",
                        "Abanyamuryango ba Koperative y'abarobyi ba Kivu basabye amato.", "en", "rw"),
        # Only once: an editor's choice, not yet a house rule.
        EditedParagraph("a3", 2, "The factory reopened.", "Uruganda rwongeye gufungura.",
                        "Uruganda rwongeye gukora.", "en", "rw"),
    ]
    found = candidates_from_edits(edits, glossary)
    assert [(c.kind, c.count, c.evidence) for c in found] == [(NEW, 2, [("a1", 1), ("a2", 4)])]
    candidate = found[0]
    assert candidate.source_term == "Kivu Fishers Union" and "Kivu" in candidate.edited
    row = proposed_row(candidate, glossary)
    assert (row["id"], row["en"], row["rw"], row["status"]) == (
        "term.kivu-fishers-union", "Kivu Fishers Union", candidate.edited, "proposed")


def test_a_term_rendering_candidate_is_the_whole_rendering_as_edited() -> None:
    from translate.glossary import load_glossaries
    from translate.glossary.feedback import RENDERING, EditedParagraph, candidates_from_edits, proposed_row

    glossary = load_glossaries(None)
    term = {"entry": "term.satellite-images", "status": "satisfied", "target_surface": "amafoto ya satellite"}
    edits = [EditedParagraph(f"a{i}", i, f"Satellite images of the base, {i}.", f"Amafoto ya satellite y'ikigo, {i}.",
                             f"Amafoto ya icyogajuru y'ikigo, {i}.", "en", "rw", [term]) for i in (1, 2)]
    [candidate] = candidates_from_edits(edits, glossary)
    assert (candidate.kind, candidate.machine, candidate.edited) == (RENDERING, "Amafoto ya satellite",
                                                                     "Amafoto ya icyogajuru")
    assert proposed_row(candidate, glossary)["rw"].startswith("amafoto ya icyogajuru|")  # as the entry writes it


def test_a_rendering_of_another_noun_class_is_proposed_with_its_class_and_can_be_accepted(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(Path(__file__).resolve().parent.parent / "glossaries", tmp_path / "glossaries")
    workstation = Workstation(Settings(tmp_path / "ws", glossaries=(str(tmp_path / "glossaries"),),
                                       memory=tmp_path / "memory.sqlite"))
    article, _ = workstation.import_path(DRONES, "alice")
    for row in workstation.rows(article)[1]:
        if row.editable and "drones" in row.paragraph.target:  # the desk writes utudege (cl. 13) for drones
            workstation.save(article, row.paragraph.id, row.paragraph.target.replace("drones", "utudege"),
                             row.state.version, "alice")
    form = next(form for candidate, form in workstation.candidates() if form["id"] == "term.drone")
    assert form["rw"].startswith("utudege|") and form["rw_class"] == "13/10"  # was 9/10, indege's
    entry = workstation.accept_candidate(form, "rendering")
    assert entry.rw[0] == "utudege" and "utudege" in (tmp_path / "glossaries" / "defense.tsv").read_text(encoding="utf-8")


def test_unapproving_or_editing_an_approved_paragraph_takes_back_what_it_taught(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    article = _import(client, auth)
    memory = TranslationMemory(tmp_path / "memory.sqlite")
    source = load().paragraphs[1].source
    approve = client.post(f"/api/articles/{article}/paragraphs/2/approve", json={"version": 1}, headers=_headers(auth))
    assert approve.status_code == 200 and source in memory.approved([source], "en", "rw")
    undo = client.post(f"/api/articles/{article}/paragraphs/2/approve", json={"version": 2, "approved": False},
                       headers=_headers(auth))
    assert undo.json()["state"] == "machine" and memory.approved([source], "en", "rw") == {}
    client.post(f"/api/articles/{article}/paragraphs/2/approve", json={"version": 3}, headers=_headers(auth))
    assert _save(client, auth, article, 2, "Byanditswe na Claudine Uwase.", 4).json()["state"] == "edited"
    assert memory.approved([source], "en", "rw") == {}


def test_sentences_are_taught_only_where_the_edit_keeps_them_apart() -> None:
    from translate.result import ParagraphResult, Segment
    from translate.serve.workstation import sentence_pairs

    machine = ParagraphResult(1, "Drones hit Kyiv. Ten people died. Talks resume today.", "", "en", "translated",
                              segments=[Segment("Drones hit Kyiv.", "Drones zibasiye Kyiv."),
                                        Segment("Ten people died.", "Abantu icumi bapfuye."),
                                        Segment("Talks resume today.", "Ibiganiro birakomeza uyu munsi.")])
    kept = sentence_pairs(machine, "Drones zateye Kyiv. Abantu icumi bahasize ubuzima. Ibiganiro birasubukurwa.",
                          "en", "rw")
    assert len(kept) == 4 and kept[1] == ("Drones hit Kyiv.", "Drones zateye Kyiv.")
    # Two sentences merged and another split: as many sentences, but they do not pair by position.
    moved = sentence_pairs(machine, "Drones zibasiye Kyiv, abantu icumi bapfuye. Ibiganiro. Birakomeza uyu munsi.",
                           "en", "rw")
    assert moved == [(machine.source, "Drones zibasiye Kyiv, abantu icumi bapfuye. Ibiganiro. Birakomeza uyu munsi.")]


def test_hand_made_imports_and_requests_get_clear_errors_not_500s(tmp_path: Path) -> None:
    client, _, auth = _client(tmp_path)
    article = _import(client, auth)
    good = json.loads(DRONES.read_text(encoding="utf-8"))
    for field, value, message in (("terms", [1], "'terms' must be a list of objects"),
                                  ("confidence", "high", "'confidence' must be a number from 0 to 1"),
                                  ("id", 2**70, "'id' must be a unique whole number"),
                                  ("comment", 5, "'comment' must be text")):
        bad = json.loads(json.dumps(good))
        bad["paragraphs"][0][field] = value
        reply = client.post("/api/import", files={"file": ("bad.json", json.dumps(bad).encode())},
                            headers=_headers(auth))
        assert reply.status_code == 400 and message in reply.json()["error"], (field, reply.text)
    surrogate = client.put(f"/api/articles/{article}/paragraphs/1", content=b'{"text": "\\ud800", "version": 1}',
                           headers={**_headers(auth), "content-type": "application/json"})
    assert surrogate.status_code == 400 and "lone surrogate" in surrogate.json()["error"]
    assert client.get(f"/api/articles/{article}/paragraphs/{2**70}/history").status_code == 404
    kept = client.post(f"/api/articles/{article}/paragraphs/15/comment", json={"comment": "Hi", "version": 1},
                       headers=_headers(auth))  # the page offers no comment on a kept paragraph; nor does the API
    assert kept.status_code == 400 and "was not translated" in kept.json()["error"], kept.text
    assert client.get("/").status_code == 200 and client.get(f"/articles/{article}").status_code == 200


def test_a_store_of_another_shape_is_refused_clearly(tmp_path: Path) -> None:
    import sqlite3

    from translate.serve.store import Store, StoreError

    old = tmp_path / "inkuru.sqlite"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE paragraphs (article TEXT, pid INTEGER, target TEXT)")
    with pytest.raises(StoreError, match=r"inkuru\.sqlite: a store from a development version"):
        Store(old)
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--port", "0"])
    assert result.exit_code == 1 and "a store from a development version" in result.output


# -- what a second look by a newsroom found -------------------------------------------------------------------------


def _copy_of_drones(tmp_path: Path, name: str, approve: tuple[int, ...] = (), target: str | None = None) -> Path:
    """The drones result as another article (another document name), optionally with paragraphs already approved."""
    data = json.loads(DRONES.read_text(encoding="utf-8"))
    data["document"] = name
    for paragraph in data["paragraphs"]:
        if paragraph["id"] in approve:
            paragraph["approved"] = True
            if target is not None:
                paragraph["target"], paragraph["edited"] = target, True
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _approve(client: TestClient, auth: Auth, article: str, pid: int, approved: bool = True) -> dict:
    version = client.get(f"/api/articles/{article}/paragraphs/{pid}/history").json()[-1]["version"]
    reply = client.post(f"/api/articles/{article}/paragraphs/{pid}/approve",
                        json={"version": version, "approved": approved}, headers=_headers(auth))
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_the_memory_ends_as_the_store_when_editors_approve_and_unapprove_at_once(tmp_path: Path) -> None:
    import threading

    client, workstation, auth = _client(tmp_path)
    article = _import(client, auth)
    memory = TranslationMemory(tmp_path / "memory.sqlite")
    rows = [r for r in workstation.rows(article)[1] if r.editable]
    for row in rows:
        pid, version = row.paragraph.id, row.state.version
        # One editor approves at v while another withdraws at v+1 until it gets through: the store ends unapproved.
        def withdraw(pid: int = pid, version: int = version) -> None:
            while True:
                outcome = workstation.set_approved(article, pid, version + 1, "bob", approved=False)
                if not hasattr(outcome, "current"):
                    return
        other = threading.Thread(target=withdraw)
        other.start()
        workstation.set_approved(article, pid, version, "alice")
        other.join()
        assert workstation.store.paragraph(article, pid).state != "approved"
    sources = [r.paragraph.source for r in rows]
    assert memory.approved(sources, "en", "rw") == {}


def test_an_approval_elsewhere_of_the_same_sentence_outlives_an_unapproval(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    memory = TranslationMemory(tmp_path / "memory.sqlite")
    first = _import(client, auth)
    second = _import(client, auth, _copy_of_drones(tmp_path, "drones-again"))
    byline = load().paragraphs[1]
    _approve(client, auth, first, 2)
    _approve(client, auth, second, 2)
    _approve(client, auth, first, 2, approved=False)
    assert memory.approved([byline.source], "en", "rw") == {byline.source: byline.target}  # the second still holds it
    # Two translations of one sentence: withdrawing the later brings back the earlier, still approved.
    _approve(client, auth, first, 2)
    version = workstation.store.paragraph(second, 2).version
    _approve(client, auth, second, 2, approved=False)
    assert _save(client, auth, second, 2, "Inkuru yanditswe na Claudine Uwase.", version + 1).status_code == 200
    _approve(client, auth, second, 2)
    assert memory.approved([byline.source], "en", "rw") == {byline.source: "Inkuru yanditswe na Claudine Uwase."}
    _approve(client, auth, second, 2, approved=False)
    assert memory.approved([byline.source], "en", "rw") == {byline.source: byline.target}


def test_paragraphs_imported_approved_teach_the_memory(tmp_path: Path) -> None:
    client, _, auth = _client(tmp_path)
    memory = TranslationMemory(tmp_path / "memory.sqlite")
    byline = load().paragraphs[1]
    _import(client, auth, _copy_of_drones(tmp_path, "approved-in-a-cat-tool", approve=(2,),
                                          target="Byanditswe na Claudine Uwase."))
    assert memory.approved([byline.source], "en", "rw") == {byline.source: "Byanditswe na Claudine Uwase."}


def test_a_new_token_ends_the_sessions_of_the_old_one(tmp_path: Path) -> None:
    client, _, _ = _client(tmp_path, TOKENS)
    assert client.post("/login", data={"token": "tok-bob-0123456789abcdefgh"}, follow_redirects=False).status_code == 303
    cookie = {"inkuru_session": client.cookies["inkuru_session"]}
    same, _, _ = _client(tmp_path, TOKENS)
    same.cookies.update(cookie)
    assert "Signed in as <b>bob</b>" in same.get("/").text
    rotated, _, _ = _client(tmp_path, {**{t: n for t, n in TOKENS.items() if n != "bob"}, "tok-bob-new-0123456789ab": "bob"})
    rotated.cookies.update(cookie)
    assert rotated.get("/", follow_redirects=False).status_code == 303


def test_editor_names_any_script_reach_the_history_and_bad_edits_are_refused(tmp_path: Path) -> None:
    client, _, auth = _client(tmp_path)
    article = _import(client, auth)
    # The page percent-encodes the name: a header carries Latin-1 only, and O’Neil has a typographic apostrophe.
    saved = _save(client, auth, article, 1, "Ibyo.", 1, editor="O%E2%80%99Neil")
    assert saved.status_code == 200 and saved.json()["editor"] == "O’Neil"
    blank = _save(client, auth, article, 1, "A.\r\n\r\n\r\nB.", 2)
    assert blank.status_code == 400 and "blank line" in blank.json()["error"]
    assert _save(client, auth, article, 1, "A.\nB.", 2).status_code == 200  # a line break is fine
    odd = client.post(f"/api/articles/{article}/paragraphs/1/approve", json={"version": 3, "approved": "false"},
                      headers=_headers(auth))
    assert odd.status_code == 400 and "true or false" in odd.json()["error"]
    empty = CliRunner().invoke(cli, ["serve", "--new-token", ""])
    assert empty.exit_code == 2 and "--new-token" in empty.output


def test_the_host_given_on_loopback_is_a_host_the_server_answers_to() -> None:
    from translate.serve.cli import allowed_hosts

    assert "127.0.0.2" in allowed_hosts("127.0.0.2")  # type: ignore[operator]
    assert "[::1]" in allowed_hosts("::1") and allowed_hosts("0.0.0.0") is None  # type: ignore[operator]


def test_the_memory_keeps_other_desks_approvals_and_the_latest_one(tmp_path: Path) -> None:
    client, workstation, auth = _client(tmp_path)
    memory = TranslationMemory(tmp_path / "memory.sqlite")
    byline = load().paragraphs[1]
    # Another desk sharing the memory approved the machine's very words; unapproving a paragraph this store never
    # approved (a page's stale button) does not take them back.
    memory.add_approved("en", "rw", [(byline.source, byline.target)], "other-desk")
    first = _import(client, auth)
    _approve(client, auth, first, 2, approved=False)
    assert memory.approved([byline.source], "en", "rw") == {byline.source: byline.target}
    # Approved here and in a second article, then edited and approved again here: the latest approval is what the
    # memory holds, however late the sync of the edit runs.
    second = _import(client, auth, _copy_of_drones(tmp_path, "drones-again"))
    _approve(client, auth, first, 2)
    _approve(client, auth, second, 2)
    version = workstation.store.paragraph(first, 2).version
    assert _save(client, auth, first, 2, "Inkuru ya Claudine Uwase.", version).status_code == 200
    _approve(client, auth, first, 2)
    workstation._sync_memory(first, 2)  # a sync that ran late
    assert memory.approved([byline.source], "en", "rw") == {byline.source: "Inkuru ya Claudine Uwase."}
