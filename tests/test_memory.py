"""Translation memory, token-budget batching and interrupted runs."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from translate.cli import cli
from translate.constraints import TermConstraint
from translate.engines.base import Hypothesis, IdentityEngine
from translate.errors import CacheError
from translate.memory import CachedEngine, TranslationMemory
from translate.pipeline import TranslateOptions, _Translator, translate_document


class CountingEngine(IdentityEngine):
    """Upper-cases its input (so outputs differ from inputs) and records every sentence it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def translate_batch(self, sentences: list[str], source: str, target: str, **options: object) -> list[Hypothesis]:
        self.seen += sentences
        return [Hypothesis(s.upper(), len(s.split())) for s in sentences]


ARTICLE = "Drones hit the port.\n\nThe army said it shot down ten of them. Talks resume today.\n\nNo one was hurt."


def _translate(text: str, engine: object) -> str:
    return translate_document(text, engine, TranslateOptions("rw", "en")).target_text  # type: ignore[arg-type]


def test_a_rerun_comes_from_memory_and_an_edit_translates_only_what_changed(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    first = CountingEngine()
    expected = _translate(ARTICLE, CachedEngine(first, memory))
    assert len(first.seen) == 4
    again = CountingEngine()
    cached = CachedEngine(again, memory)
    assert _translate(ARTICLE, cached) == expected
    assert again.seen == [] and cached.hits == 4
    edited = ARTICLE.replace("Talks resume today.", "Talks resume on Friday.")
    after_edit = CountingEngine()
    assert "FRIDAY" in _translate(edited, CachedEngine(after_edit, memory))
    assert after_edit.seen == ["Talks resume on Friday."]


def test_the_key_covers_engine_options_direction_and_terms(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    engine = CountingEngine()
    cached = CachedEngine(engine, memory)
    term = TermConstraint("russia", ("Uburusiya",), source="Russia")
    cached.translate_batch(["Russia said so."], "en", "rw")
    cached.translate_batch(["Russia said so."], "en", "rw", constraints=[[term]])
    cached.translate_batch(["Russia said so."], "en", "rw", constraints=[[term]], strict=False)
    cached.translate_batch(["Russia said so."], "en", "rw", avoid_repetition=True)
    changed = TermConstraint("russia", ("Burusiya",), source="Russia")
    cached.translate_batch(["Russia said so."], "en", "rw", constraints=[[changed]])
    assert len(engine.seen) == 5
    cached.translate_batch(["Russia  said so."], "en", "rw")  # whitespace-only difference: same sentence
    assert len(engine.seen) == 5
    other = CountingEngine()
    other.info = type(other.info)("identity", "identity", "1", "identity")  # another model revision
    CachedEngine(other, memory).translate_batch(["Russia said so."], "en", "rw")
    assert other.seen == ["Russia said so."]


def test_hypothesis_fields_survive_the_round_trip(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    stored = Hypothesis("Inkuru «nshya» — 6 000", 4, False, -1.5, ("a",), steered=True)
    memory.put_many("engine", [("k", "source", stored)])
    assert TranslationMemory(tmp_path / "tm.sqlite").get_many(["k", "missing"]) == {"k": stored}


def _write_many(path: str, worker: int) -> None:
    engine = CachedEngine(CountingEngine(), TranslationMemory(path))
    for batch in range(20):
        engine.translate_batch([f"worker {worker} sentence {batch} {i}" for i in range(10)], "en", "rw")


def test_two_processes_share_the_memory_safely(tmp_path: Path) -> None:
    path = str(tmp_path / "tm.sqlite")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(path, n)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert TranslationMemory(path).stats().entries == 2 * 20 * 10
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _open_at_once(path: str, barrier: object, results: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        TranslationMemory(path).stats()
        results.put("ok")  # type: ignore[attr-defined]
    except CacheError as error:
        results.put(str(error))  # type: ignore[attr-defined]


def test_workers_opening_a_new_memory_at_the_same_moment_all_get_it(tmp_path: Path) -> None:
    """A batch job's workers open the shared memory together; a new file's switch to WAL must not fail them."""
    context = multiprocessing.get_context("spawn")
    for attempt in range(3):
        path = str(tmp_path / f"tm-{attempt}.sqlite")
        barrier, results = context.Barrier(8), context.Queue()
        workers = [context.Process(target=_open_at_once, args=(path, barrier, results)) for _ in range(8)]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(60)
        assert outcomes == ["ok"] * 8


def test_a_corrupt_memory_gives_a_clear_error_and_cache_clear_removes_it(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKURU_CACHE_DIR", str(tmp_path))
    path = tmp_path / "memory.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match=r"memory\.sqlite: .*run `inkuru cache clear` to remove it"):
        TranslationMemory(path).get_many(["k"])
    result = CliRunner().invoke(cli, ["cache", "clear"])  # the advice works: clearing does not fail the same way
    assert result.exit_code == 0 and "removed the damaged translation memory" in result.output
    assert not path.exists() and TranslationMemory(path).stats().entries == 0


def test_a_memory_in_a_folder_it_cannot_write_to_gives_other_advice(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match=r"INKURU_CACHE_DIR to a writable folder") as raised:
        TranslationMemory(blocker / "memory.sqlite")
    assert "cache clear" not in str(raised.value)


def test_cache_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKURU_CACHE_DIR", str(tmp_path))
    CachedEngine(CountingEngine(), TranslationMemory()).translate_batch(["One.", "Two."], "en", "rw")
    stats = CliRunner().invoke(cli, ["cache", "stats"])
    assert stats.exit_code == 0 and "2 translations from 1 model setups" in stats.output
    cleared = CliRunner().invoke(cli, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 2 translations" in cleared.output
    assert "0 translations" in CliRunner().invoke(cli, ["cache", "stats"]).output


# --- batching --------------------------------------------------------------------------------------------------------


def test_batches_respect_the_token_budget_and_keep_every_sentence() -> None:
    texts = sorted([" ".join(["word"] * n) for n in (1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 3, 4)], key=len)
    translator = _Translator(IdentityEngine(), "en", "rw", TranslateOptions("rw", "en", 4, max_batch_tokens=40),
                             None)
    batches = translator.batches(texts)
    assert [t for batch in batches for t in batch] == texts
    for batch in batches:
        widest = max(len(t.split()) for t in batch)
        assert len(batch) <= 4
        assert len(batch) == 1 or widest * len(batch) <= 40  # a sentence over the budget goes alone
    assert [len(b) for b in translator.batches(texts)] != [len(b) for b in _Translator(
        IdentityEngine(), "en", "rw", TranslateOptions("rw", "en", 4), None).batches(texts)]


def test_token_budget_does_not_change_the_output() -> None:
    text = "\n\n".join(f"Paragraph {i} says {'very ' * (i % 9)}much. It ends here." for i in range(30))
    plain = translate_document(text, IdentityEngine(), TranslateOptions("rw", "en", 8)).target_text
    budget = translate_document(text, IdentityEngine(), TranslateOptions("rw", "en", 8, max_batch_tokens=20))
    assert budget.target_text == plain


# --- interruption --------------------------------------------------------------------------------------------------


class InterruptedEngine(CountingEngine):
    """Simulates Ctrl-C after a number of batches."""

    def __init__(self, batches_before_interrupt: int) -> None:
        super().__init__()
        self.left = batches_before_interrupt

    def translate_batch(self, sentences: list[str], source: str, target: str, **options: object) -> list[Hypothesis]:
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return super().translate_batch(sentences, source, target, **options)


def test_an_interrupted_run_leaves_no_output_and_resumes_from_memory(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKURU_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "article.txt"
    article.write_text("\n\n".join(f"Sentence number {i} is about drones." for i in range(40)), encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("previous translation\n", encoding="utf-8")
    engines = [InterruptedEngine(2), CountingEngine()]
    monkeypatch.setattr("translate.engines.load_engine", lambda *args, **kwargs: engines.pop(0))
    args = ["translate", str(article), "--to", "rw", "--from", "en", "--batch-size", "8", "--no-glossary",
            "-o", str(out)]
    interrupted = CliRunner().invoke(cli, args)
    assert interrupted.exit_code != 0
    assert out.read_text(encoding="utf-8") == "previous translation\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "cache", "out.txt"]  # no temp file
    resumed = CliRunner().invoke(cli, args)
    assert resumed.exit_code == 0, resumed.output
    assert "16 of 40 sentences from the translation memory" in resumed.output
    assert out.read_text(encoding="utf-8").count("DRONES") == 40
    assert sqlite3.connect(tmp_path / "cache" / "memory.sqlite").execute(
        "PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_demo_article_twice_through_the_cli(marian_en_rw: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INKURU_CACHE_DIR", str(tmp_path / "cache"))
    args = ["translate", str(EXAMPLES / "iran-drones-en.txt"), "--to", "rw", "--model", str(marian_en_rw),
            "--backend", "hf", "-o"]
    first = CliRunner().invoke(cli, [*args, str(tmp_path / "first.txt")])
    second = CliRunner().invoke(cli, [*args, str(tmp_path / "second.txt")])
    assert first.exit_code == second.exit_code == 0
    assert "from the translation memory" not in first.output and "from the translation memory" in second.output
    assert (tmp_path / "first.txt").read_bytes() == (tmp_path / "second.txt").read_bytes()
    uncached = CliRunner().invoke(cli, [*args, str(tmp_path / "third.txt"), "--no-cache"])
    assert "from the translation memory" not in uncached.output
    assert (tmp_path / "third.txt").read_bytes() == (tmp_path / "first.txt").read_bytes()


_SLOW_RUN = """
import signal, sys, time
import translate.engines as engines

# A shell that starts jobs in the background (as CI runners may) makes them ignore SIGINT, and Python then keeps
# ignoring it; a user pressing Ctrl-C at a terminal gets Python's default handler, which this restores.
signal.signal(signal.SIGINT, signal.default_int_handler)
from translate.cli import main
from translate.engines.base import Hypothesis, IdentityEngine

class Slow(IdentityEngine):
    def translate_batch(self, sentences, source, target, **options):
        time.sleep(0.2)
        return [Hypothesis(s.upper(), len(s.split())) for s in sentences]

engines.load_engine = lambda *a, **k: Slow()
sys.argv = ["inkuru"] + sys.argv[1:]
main()
"""


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_a_signal_mid_run_leaves_the_output_and_memory_intact(signal_name: str, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    article = tmp_path / "big.txt"
    article.write_text("\n\n".join(f"Report {i} says drones fell near the port." for i in range(30_000)) + "\n",
                       encoding="utf-8")
    assert article.stat().st_size > 1 << 20  # streamed: the temporary output file exists while translating
    out = tmp_path / "out.txt"
    out.write_text("previous\n", encoding="utf-8")
    env = {**os.environ, "INKURU_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-c", _SLOW_RUN, "translate", str(article), "--to", "rw", "--from",
                                "en", "--no-glossary", "--batch-size", "64", "-o", str(out)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = tmp_path / "cache" / "memory.sqlite"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some batches are in the memory and the temp file exists
        if memory.exists() and any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            try:
                if sqlite3.connect(memory).execute("SELECT COUNT(*) FROM translations").fetchone()[0] >= 128:
                    break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    process.send_signal(getattr(signal, signal_name))
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "cache", "out.txt"]
    db = sqlite3.connect(memory)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT COUNT(*) FROM translations").fetchone()[0] >= 128


def test_approved_human_translations_come_before_the_engine(tmp_path: Path) -> None:
    from translate.pipeline import FLAG_HUMAN

    memory = TranslationMemory(tmp_path / "memory.sqlite")
    memory.add_approved("en", "rw", [("The army said it shot down ten of them.",
                                      "Igisirikare cyavuze ko cyahanuye icumi muri zo."),
                                     ("No one was hurt.", "Nta muntu wakomeretse.")], "alice")
    memory.add_approved("rw", "en", [("Drones hit the port.", "never used: the other direction")], "bob")
    inner = CountingEngine()
    result = translate_document(ARTICLE, CachedEngine(inner, memory), TranslateOptions("rw", "en"))
    second, third = result.paragraphs[1], result.paragraphs[2]
    assert second.target == "Igisirikare cyavuze ko cyahanuye icumi muri zo. TALKS RESUME TODAY."
    assert [FLAG_HUMAN in s.flags for s in second.segments] == [True, False]
    assert third.target == "Nta muntu wakomeretse." and third.confidence is None
    assert sorted(inner.seen) == ["Drones hit the port.", "Talks resume today."]  # the engine never saw the rest
    # Spacing does not matter; a whole paragraph approved as one (its sentences could not be paired) is used too.
    memory.add_approved("en", "rw", [("The army said it  shot down ten of them.  Talks resume today.",
                                      "Igisirikare cyahanuye icumi, ibiganiro birakomeza.")], "carol")
    again = translate_document(ARTICLE, CachedEngine(CountingEngine(), memory), TranslateOptions("rw", "en"))
    assert again.paragraphs[1].target == "Igisirikare cyahanuye icumi, ibiganiro birakomeza."
    # Clearing the cache removes machine output only: the editors' work stays.
    assert memory.clear() == 2 and memory.stats().approved == 4 and memory.stats().entries == 0


def test_translate_says_how_many_sentences_came_from_editors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            ct2_en_rw: Path) -> None:
    monkeypatch.setenv("INKURU_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "story.txt"
    article.write_text("Kigali is the capital of Rwanda.\n\nThe summit ended on Saturday.\n", encoding="utf-8")
    TranslationMemory().add_approved("en", "rw", [("The summit ended on Saturday.", "Inama yarangiye ku wa Gatandatu.")],
                                     "alice")
    result = CliRunner().invoke(cli, ["translate", str(article), "--to", "rw", "--model", str(ct2_en_rw), "--backend",
                                      "ct2", "-o", f"{tmp_path / 'out'}/"])
    assert result.exit_code == 0, result.output
    assert ", 1 from editors' approved translations" in result.output
    assert (tmp_path / "out" / "story.rw.txt").read_text(encoding="utf-8").endswith(
        "\n\nInama yarangiye ku wa Gatandatu.\n")


def test_translate_reads_the_memory_file_it_is_given(tmp_path: Path, marian_en_rw: Path) -> None:
    """A workstation with its own `--memory FILE` shares its approved translations with `inkuru translate`."""
    import json

    shared = tmp_path / "newsroom" / "memory.sqlite"
    source = "Kirby answered questions from journalists."
    TranslationMemory(shared).add_approved("en", "rw", [(source, "Kirby yashubije abanyamakuru.")], "desk")
    args = ["translate", "-", "--to", "rw", "--model", str(marian_en_rw), "--format", "json", "-q"]
    result = CliRunner().invoke(cli, [*args, "--memory", str(shared)], input=source + "\n")
    assert result.exit_code == 0, result.output
    paragraph = json.loads(result.output)["paragraphs"][0]
    assert paragraph["target"] == "Kirby yashubije abanyamakuru." and "human_translation" in paragraph["flags"]
    both = CliRunner().invoke(cli, [*args, "--memory", str(shared), "--no-cache"], input=source + "\n")
    assert both.exit_code == 2 and "--no-cache" in both.output
