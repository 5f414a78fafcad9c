"""`inkuru batch`: the manifest, the worker pool's fault handling, and whole jobs with the CT2 demo model, on this
machine and on a local Ray instance (interrupted, resumed, with a worker killed, a bad file and a full disk)."""

from __future__ import annotations

import csv
import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from batch_helpers import Echo, FailsToLoad, write_archive
from document_files import WORDPRESS_PAGE, make_docx
from translate.batch.job import JobSettings
from translate.batch.manifest import BatchError, Manifest
from translate.batch.pool import MAX_DEATHS, WorkerPool
from translate.batch.report import INDEX_HTML, SUMMARY_CSV, SUMMARY_JSON
from translate.batch.runner import Execution, default_split, manifest_path, run_job
from translate.cli import cli

INKURU = [sys.executable, "-m", "translate.cli"]


def _states(output: Path) -> dict[str, tuple[str, int]]:
    # closed after each read (a poll 20 times a second must not pile up connections), patient with a busy writer
    with closing(sqlite3.connect(manifest_path(output), timeout=30)) as db:
        return {path: (status, attempts) for path, status, attempts in
                db.execute("SELECT path, status, attempts FROM files")}


# Runs the command with SIGINT's default disposition, which exec keeps (unlike preexec_fn, safe with threads).
_WITH_DEFAULT_SIGINT = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                        "os.execv(sys.argv[1], sys.argv[1:])"]


def _states_so_far(output: Path) -> dict[str, tuple[str, int]]:
    """The manifest of a job still running, or nothing when it has not been created yet."""
    try:
        return _states(output) if manifest_path(output).is_file() else {}
    except sqlite3.OperationalError:  # the file is there, its tables not yet
        return {}


def _running_file(output: Path) -> tuple[str, str] | None:
    try:
        with sqlite3.connect(manifest_path(output), timeout=30) as db:
            return db.execute("SELECT path, worker FROM files WHERE status = 'running' LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return None


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# --- the manifest ---------------------------------------------------------------------------------------------------


def test_manifest_plans_resumes_and_notices_changed_files(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path / "m.sqlite")
    plan = manifest.plan([("a.txt", 10, 1), ("b.txt", 20, 1), ("c.txt", 30, 1)])
    assert (plan.added, plan.changed, plan.missing) == (3, 0, [])
    manifest.start("a.txt", "pid 1")
    manifest.finish("a.txt", {"text": "a.rw.txt"}, {"counts": {"paragraphs": 2}})
    manifest.start("b.txt", "pid 2")
    manifest.fail("b.txt", "b.txt: not valid\nUTF-8")
    manifest.start("c.txt", "pid 3")  # the run dies here: c stays "running"
    manifest.close()

    manifest = Manifest(tmp_path / "m.sqlite")
    plan = manifest.plan([("a.txt", 10, 1), ("b.txt", 20, 1), ("c.txt", 30, 1)])
    assert (plan.added, plan.changed) == (0, 0)
    assert [r.path for r in manifest.pending()] == ["c.txt"]  # the dead run's file; done and failed stay
    assert next(manifest.records("failed")).reason == "b.txt: not valid UTF-8"  # one line
    plan = manifest.plan([("a.txt", 11, 2), ("b.txt", 20, 1), ("c.txt", 30, 1)], retry_failed=True)
    assert plan.changed == 1 and plan.missing == []
    assert [r.path for r in manifest.pending()] == ["a.txt", "b.txt", "c.txt"]
    assert manifest.plan([("a.txt", 11, 2)]).missing == ["b.txt", "c.txt"]
    manifest.close()


def test_a_second_run_of_the_same_job_is_refused(tmp_path: Path) -> None:
    first, second = Manifest(tmp_path / "m.sqlite"), Manifest(tmp_path / "m.sqlite")
    first.lock()
    with pytest.raises(BatchError, match="another `inkuru batch` is running this job"):
        second.lock()
    first.close()
    second.lock()  # released with the first
    second.close()


# --- the worker pool ------------------------------------------------------------------------------------------------


def _run_pool(tasks: list[str], workers: int, factory: object) -> tuple[dict[str, str], list[object], list[str]]:
    outcomes: dict[str, str] = {}
    deaths: list[object] = []
    started: list[str] = []
    pool = WorkerPool(factory, workers)  # type: ignore[arg-type]
    pool.run(tasks, key=str, on_start=lambda task, pid: started.append(task),
             on_outcome=lambda task, outcome: outcomes.__setitem__(task, outcome) or True,
             on_died=deaths.append)
    return outcomes, deaths, started


def test_pool_retries_a_file_whose_worker_died_and_fails_one_that_kills_every_worker() -> None:
    tasks = ["a", "b", "die", "c", "d"]
    outcomes, deaths, started = _run_pool(tasks, 2, Echo)
    assert sorted(outcomes) == ["a", "b", "c", "d"]  # every other file once, by a live worker
    assert all(outcomes[t].startswith(t.upper() + ":") for t in outcomes)
    assert [(d.task, d.final) for d in deaths] == [("die", False), ("die", True)][:MAX_DEATHS]
    assert "killed by signal 9" in deaths[-1].reason
    assert started.count("die") == MAX_DEATHS and all(started.count(t) == 1 for t in "abcd")


def test_pool_reports_a_worker_that_cannot_load() -> None:
    with pytest.raises(BatchError, match="cannot start the job's workers: no such model"):
        _run_pool(["a"], 1, FailsToLoad)


def test_default_split_is_one_single_threaded_worker_per_core() -> None:
    assert default_split(cores=2) == (2, 1)
    assert default_split(1, cores=2) == (1, 2)
    assert default_split(4, cores=2) == (4, 1)


# --- whole jobs with the demo model ---------------------------------------------------------------------------------


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """A small archive of every format: held-out text and Markdown, a web page, a Word file, and a bad file."""
    folder = tmp_path / "archive"
    write_archive(folder, 4, 3)
    (folder / "2025" / "notes.md").write_text("# Kivu talks\n\nThe talks resume in Nairobi on Monday.\n",
                                              encoding="utf-8")
    (folder / "web").mkdir()
    (folder / "web" / "page.html").write_text(WORDPRESS_PAGE, encoding="utf-8")
    make_docx(folder / "web" / "story.docx")
    (folder / "bad.txt").write_bytes(b"Kigali \xff\xfe\n")
    (folder / ".hidden.txt").write_text("not an article\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_batch_translates_a_folder_once_and_resumes(ct2_en_rw: Path, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["batch", str(archive), "-o", str(out), "--to", "rw", "--model", str(ct2_en_rw), "--workers", "2",
            "--extract"]
    run = CliRunner().invoke(cli, args)
    assert run.exit_code == 1 and "1 file failed" in run.output, run.output
    states = _states(out)
    assert sorted(states) == ["2025/notes.md", "2025/story-0000.txt", "2025/story-0002.txt", "2026/story-0001.txt",
                              "2026/story-0003.txt", "bad.txt", "web/page.html", "web/story.docx"]
    assert states["bad.txt"] == ("failed", 1)
    assert all(state == ("done", 1) for path, state in states.items() if path != "bad.txt")
    # The input's folders mirrored, each file in its own format plus its Result and review page.
    for name in ("2025/story-0000.rw.txt", "2025/notes.rw.md", "web/page.rw.html", "web/story.rw.docx",
                 "web/story.rw.json", "web/story.rw.review.html"):
        assert (out / name).is_file(), name
    result = json.loads((out / "2026/story-0001.rw.json").read_text(encoding="utf-8"))
    source = (archive / "2026/story-0001.txt").read_text(encoding="utf-8")
    assert len(result["paragraphs"]) == len(source.strip().split("\n\n"))  # nothing lost
    # Summary, CSV and index agree with the manifest.
    summary = json.loads((out / SUMMARY_JSON).read_text(encoding="utf-8"))
    assert summary["files"] == {"pending": 0, "running": 0, "done": 7, "failed": 1, "total": 8}
    assert summary["paragraphs"] == sum(r["paragraphs"] or 0 for r in summary["rows"]) > 0
    rows = {row["path"]: row for row in csv.DictReader((out / SUMMARY_CSV).open(encoding="utf-8"))}
    assert "not valid UTF-8" in rows["bad.txt"]["reason"] and rows["web/story.docx"]["review"]
    index = (out / INDEX_HTML).read_text(encoding="utf-8")
    assert 'href="web/story.rw.review.html"' in index and "not valid UTF-8" in index

    # The same command again: nothing translated again; a changed file is.
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.rw.*")}
    time.sleep(0.01)
    (archive / "2025" / "notes.md").write_text("# Kivu talks\n\nThe talks resume on Tuesday.\n", encoding="utf-8")
    again = CliRunner().invoke(cli, args)
    assert "1 changed; 1 files to translate" in again.output, again.output
    changed = {p for p in out.rglob("*.rw.*") if p.stat().st_mtime_ns != stamps.get(p)}
    assert changed == {out / "2025/notes.rw.md", out / "2025/notes.rw.json", out / "2025/notes.rw.review.html"}
    assert _states(out)["2025/notes.md"] == ("done", 1)

    other = CliRunner().invoke(cli, [*args, "--beam", "2"])
    assert other.exit_code == 1 and "holds a job with other settings (beam: 4 then, 2 now)" in other.output
    status = CliRunner().invoke(cli, ["batch", "status", str(out), "--failed"])
    assert status.exit_code == 0 and "8 files: 7 done, 1 failed, 0 pending" in status.output
    assert "failed: bad.txt: " in status.output
    assert not _leftovers(out)


@pytest.mark.slow
def test_batch_survives_a_killed_worker(ct2_en_rw: Path, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 6, 250)
    job = subprocess.Popen([*INKURU, "batch", str(archive), "-o", str(out), "--to", "rw", "--model", str(ct2_en_rw),
                            "--workers", "2", "--no-cache", "-q"], stderr=subprocess.PIPE, text=True)
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and job.poll() is None:
        time.sleep(0.05)
        if manifest_path(out).is_file():
            victim = _running_file(out)
    assert victim is not None, "no file was ever running"
    os.kill(int(victim[1].split()[1]), signal.SIGKILL)
    _, errors = job.communicate(timeout=300)
    assert job.returncode == 0, errors
    states = _states(out)
    assert all(status == "done" for status, _ in states.values()) and len(states) == 6
    # The killed worker's file was translated again by a new worker; every other file once.
    assert states[victim[0]][1] == 2 and sum(attempts for _, attempts in states.values()) == 7
    assert not _leftovers(out)
    for path in archive.rglob("*.txt"):
        relative = path.relative_to(archive)
        translated = out / relative.parent / f"{path.stem}.rw.txt"
        assert len(translated.read_text(encoding="utf-8").strip().split("\n\n")) == 250


@pytest.mark.slow
def test_batch_interrupted_with_ctrl_c_resumes_without_translating_twice(ct2_en_rw: Path, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 6, 200)
    command = [*INKURU, "batch", str(archive), "-o", str(out), "--to", "rw", "--model", str(ct2_en_rw),
               "--workers", "1", "--no-cache"]
    # Ctrl-C as a terminal delivers it: a job started from a background shell (make in CI, `cmd &`) inherits SIGINT
    # ignored, and Python then leaves it ignored, so the job is given the default disposition, as a terminal's is.
    job = subprocess.Popen([*_WITH_DEFAULT_SIGINT, *command], stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and job.poll() is None:
        time.sleep(0.05)
        if "done" in {s for s, _ in _states_so_far(out).values()}:
            break
    assert job.poll() is None, "the job ended before a finished file could be seen in its manifest"
    os.killpg(job.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole process group
    _, errors = job.communicate(timeout=120)
    assert job.returncode == 130 and "interrupted" in errors, errors
    first = _states(out)
    done = {path for path, (status, _) in first.items() if status == "done"}
    assert done and set(first) - done and {s for s, _ in first.values()} <= {"done", "pending"}
    assert not _leftovers(out)
    stamps = {path: (out / Path(path).parent / f"{Path(path).stem}.rw.txt").stat().st_mtime_ns for path in done}

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(first) - len(done)} files to translate" in resumed.stderr
    assert all(status == "done" for status, _ in _states(out).values())
    assert all((out / Path(p).parent / f"{Path(p).stem}.rw.txt").stat().st_mtime_ns == stamp
               for p, stamp in stamps.items())


@pytest.mark.slow
def test_a_killed_job_process_resumes_and_redoes_only_what_was_not_recorded(ct2_en_rw: Path, tmp_path: Path) -> None:
    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 6, 200)
    command = [*INKURU, "batch", str(archive), "-o", str(out), "--to", "rw", "--model", str(ct2_en_rw),
               "--workers", "2", "--no-cache", "-q"]
    job = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and job.poll() is None:
        time.sleep(0.05)
        if "done" in {s for s, _ in _states_so_far(out).values()}:
            break
    job.kill()  # the job's own process, not its workers: the manifest keeps files marked running
    job.communicate(timeout=60)
    first = _states(out)
    assert "running" in {s for s, _ in first.values()}
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    states = _states(out)
    assert all(status == "done" for status, _ in states.values())
    assert all(states[path][1] == 1 for path, (status, _) in first.items() if status == "done")
    assert not _leftovers(out)


@pytest.mark.slow
def test_a_full_disk_stops_the_job_and_the_same_command_resumes(ct2_en_rw: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import translate.fileio

    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 4, 3)
    settings = JobSettings(target="rw", model=str(ct2_en_rw))
    real_fsync, calls = os.fsync, []

    def fsync_until_full(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 6:  # two per output (the file, its folder), three outputs: the second file's first
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(translate.fileio.os, "fsync", fsync_until_full)
    report = run_job(archive, out, settings, Execution(workers=0, memory=""))
    assert "No space left on device" in report.stopped and "run the same command again" in report.stopped
    assert report.finished_now == 1 and report.counts["pending"] == 3 and report.counts["failed"] == 0
    assert not _leftovers(out) and len(list(out.rglob("*.rw.txt"))) == 1

    monkeypatch.setattr(translate.fileio.os, "fsync", real_fsync)
    report = run_job(archive, out, settings, Execution(workers=0, memory=""))
    assert not report.stopped and report.finished_now == 3 and report.counts["done"] == 4


@pytest.mark.slow
def test_a_file_that_crashes_the_parser_is_failed_and_the_job_goes_on(ct2_en_rw: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import translate.articles

    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 3, 2)
    real_read = translate.articles.read_source

    def parser_crashes_on_one(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("story-0001.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_read(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(translate.articles, "read_source", parser_crashes_on_one)
    report = run_job(archive, out, JobSettings(target="rw", model=str(ct2_en_rw)), Execution(workers=0, memory=""))
    assert (report.finished_now, report.failed_now, report.stopped) == (2, 1, "")
    reason = next(Manifest(manifest_path(out)).records("failed")).reason
    assert reason == "2026/story-0001.txt: internal error (RecursionError: maximum recursion depth exceeded)"


@pytest.mark.slow
def test_batch_on_a_local_ray_instance_matches_local_workers(ct2_en_rw: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray.data")
    archive = tmp_path / "archive"
    write_archive(archive, 5, 4)
    (archive / "bad.txt").write_bytes(b"\xff\n")
    base = ["batch", str(archive), "--to", "rw", "--model", str(ct2_en_rw), "--workers", "2", "-q"]
    local = CliRunner().invoke(cli, [*base, "-o", str(tmp_path / "local")])
    on_ray = subprocess.run([*INKURU, *base, "-o", str(tmp_path / "ray"), "--ray"], capture_output=True, text=True,
                            timeout=600)
    assert local.exit_code == on_ray.returncode == 1, on_ray.stderr
    assert _states(tmp_path / "ray") == _states(tmp_path / "local")
    for path in (tmp_path / "local").rglob("*.rw.txt"):
        twin = tmp_path / "ray" / path.relative_to(tmp_path / "local")
        assert twin.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_index_and_csv_escape_what_they_show(tmp_path: Path) -> None:
    from translate.batch.report import write_reports

    manifest = Manifest(manifest_path(tmp_path))
    manifest.set_settings(JobSettings(target="rw").to_dict())
    manifest.plan([("<script>alert(1)</script>.txt", 1, 1), ("=HYPERLINK(1).txt", 1, 1), ("plain.txt", 1, 1)])
    manifest.finish("plain.txt", {"text": "plain.rw.txt", "json": "plain.rw.json"}, {"counts": {}})
    manifest.fail("<script>alert(1)</script>.txt", "<img src=x onerror=alert(1)>")
    manifest.finish("=HYPERLINK(1).txt", {"text": "=HYPERLINK(1).rw.txt", "html": "a b#?.review.html"},
                    {"counts": {"paragraphs": 1, "translated": 1, "flagged": 0}, "terms": {"missing": 2}})
    write_reports(manifest, tmp_path)
    manifest.close()
    index = (tmp_path / INDEX_HTML).read_text(encoding="utf-8")
    assert "<script>alert" not in index and "<img" not in index and "&lt;script&gt;" in index
    assert 'href="a%20b%23%3F.review.html"' in index and "default-src 'none'" in index
    assert 'href="plain.rw.txt"' in index  # no review page asked for: the translation itself
    rows = list(csv.DictReader((tmp_path / SUMMARY_CSV).open(encoding="utf-8")))
    assert [row["path"] for row in rows] == ["<script>alert(1)</script>.txt", "'=HYPERLINK(1).txt", "plain.txt"]
    assert json.loads((tmp_path / SUMMARY_JSON).read_text(encoding="utf-8"))["terms"] == {"missing": 2}


def test_a_job_that_never_started_takes_the_corrected_options(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_archive(archive, 2, 1)
    args = ["batch", str(archive), "-o", str(tmp_path / "out"), "--to", "rw", "--workers", "1"]
    typo = CliRunner().invoke(cli, [*args, "--model", str(tmp_path / "no-such-model")])
    assert typo.exit_code == 1 and "cannot start the job's workers" in typo.output and "no such model" in typo.output
    glossary = CliRunner().invoke(cli, [*args, "--glossary", str(tmp_path / "nope.tsv")])
    assert glossary.exit_code == 1 and "other settings" not in glossary.output
    assert "nope.tsv: no such glossary" in glossary.output


def test_batch_refuses_bad_folders_with_a_clear_error(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "out"), "--to", "rw"])
    assert missing.exit_code == 1 and "no such folder" in missing.output
    (tmp_path / "in").mkdir()
    same = runner.invoke(cli, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "in"), "--to", "rw"])
    assert same.exit_code == 1 and "must not be the input folder" in same.output
    status = runner.invoke(cli, ["batch", "status", str(tmp_path)])
    assert status.exit_code == 1 and "no batch job here" in status.output


@pytest.mark.slow
def test_batch_on_ray_survives_a_killed_actor(ct2_en_rw: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray.data")
    import psutil

    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 6, 250)
    job = subprocess.Popen([*INKURU, "batch", str(archive), "-o", str(out), "--to", "rw", "--model", str(ct2_en_rw),
                            "--workers", "2", "--no-cache", "-q", "--ray"], stderr=subprocess.PIPE, text=True)
    deadline, killed = time.monotonic() + 180, None
    while killed is None and time.monotonic() < deadline and job.poll() is None:
        time.sleep(0.1)
        if "done" not in {s for s, _ in _states_so_far(out).values()}:
            continue
        actors = [p for p in psutil.process_iter(["cmdline"])
                  if "RayFileTranslator" in " ".join(p.info["cmdline"] or [])]
        if actors:
            killed = actors[0].pid
            actors[0].kill()
    assert killed is not None, "no actor was found translating"
    _, errors = job.communicate(timeout=600)
    assert job.returncode == 0, errors[-3000:]
    states = _states(out)
    assert len(states) == 6 and all(status == "done" for status, _ in states.values())
    assert not _leftovers(out)
    for path in archive.rglob("*.txt"):
        translated = out / path.relative_to(archive).parent / f"{path.stem}.rw.txt"
        assert len(translated.read_text(encoding="utf-8").strip().split("\n\n")) == 250
