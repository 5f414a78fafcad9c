"""Nothing lost when writing: concurrent `inkuru glossary add`, and write faults (disk full, read-only folder).

A failed write must leave the previous file byte-identical, leave no temporary file behind, and end with a
one-line error naming the path and the reason (exit status 1, no traceback). Faults are injected in-process
(os.replace / os.fsync / the file's write raising ENOSPC, through click's CliRunner) and for real (a read-only
folder, in a subprocess; as root the subprocess drops CAP_DAC_OVERRIDE so the folder's mode applies to it).
`inkuru translate` is driven by the identity engine (monkeypatched `load_engine`) so these tests take
milliseconds; one slow test repeats the disk-full case with the demo Marian model.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import translate.engines
from translate.cli import cli
from translate.engines.base import IdentityEngine
from translate.glossary.entries import format_tsv, parse_tsv

ROOT = Path(__file__).resolve().parent.parent
HEADER = "\t".join(("id", "type", "status", "en", "rw", "rw_forbidden", "verbatim", "rw_class", "rw_partner",
                    "rw_related", "note", "source"))
START = (HEADER + "\nplace.russia\tplace\tapproved\tRussia\tUburusiya\t\tno\t14\t\t\t\tkigalitoday.com\n"
         "term.radar\tterm\tproposed\tradar\tradar\t\tno\t9a\t\t\tloan word\tigihe.com\n")
ARTICLE = "Iran sent 1,700 drones to Russia, the White House said.\n\nKyiv asked for more air defence.\n"


def _inkuru() -> list[str]:
    script = Path(sys.executable).with_name("inkuru")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from translate.cli import main; main()"]


def _add_args(entry_id: str, path: Path) -> list[str]:
    word = entry_id.replace(".", " ")
    return ["glossary", "add", entry_id, "--type", "term", "--en", f"{word} system", "--rw", f"sisitemu {word}",
            "--rw-class", "9a", "--source", "test", "--file", str(path), "--glossary", str(path)]


def _leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted atomic write would leave (`.<name>.<random>.tmp`)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _assert_clean_failure(result, path: Path, reason: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))
    message = result.output.strip().splitlines()[-1]
    assert message.startswith(f"Error: {path}") and reason in message, message


# --- two writers at once ------------------------------------------------------------------------------------------


def test_two_processes_adding_ten_entries_each_lose_nothing(tmp_path):
    glossary = tmp_path / "g.tsv"
    glossary.write_text(START, encoding="utf-8")
    workers = []
    for worker in ("a", "b"):
        commands = "\n".join(" ".join(f"'{arg}'" for arg in [*_inkuru(), *_add_args(f"term.{worker}{i}", glossary)])
                             for i in range(10))
        workers.append(subprocess.Popen(["sh", "-ec", commands], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, cwd=tmp_path))
    outputs = [(w.wait(), w.stdout.read()) for w in workers]
    assert all(code == 0 for code, _ in outputs), outputs
    text = glossary.read_text(encoding="utf-8")
    entries = parse_tsv(text, str(glossary))
    assert {e.id for e in entries} == {"place.russia", "term.radar"} | {f"term.{w}{i}" for w in "ab" for i in range(10)}
    assert format_tsv(entries) == text  # still canonical: sorted, one line per entry
    assert _leftovers(tmp_path) == []


def test_twenty_simultaneous_adds_all_land(tmp_path):
    glossary = tmp_path / "g.tsv"
    glossary.write_text(START, encoding="utf-8")
    processes = [subprocess.Popen([*_inkuru(), *_add_args(f"term.c{i:02d}", glossary)], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True) for i in range(20)]
    results = [(p.wait(), p.stdout.read()) for p in processes]
    assert all(code == 0 for code, _ in results), results
    entries = parse_tsv(glossary.read_text(encoding="utf-8"), str(glossary))
    assert len(entries) == 22 and {f"term.c{i:02d}" for i in range(20)} <= {e.id for e in entries}


# --- write faults in `inkuru glossary add` -------------------------------------------------------------------------


def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullDisk:
    """A file object whose write fails like a full disk."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.handle, name)


def _fail_writes_to_temp_files(monkeypatch) -> None:
    real = os.fdopen

    def fdopen(fd, *args, **kwargs):
        handle = real(fd, *args, **kwargs)
        return _FullDisk(handle) if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp") else handle

    monkeypatch.setattr(os, "fdopen", fdopen)


@pytest.mark.parametrize("fault", ["replace", "fsync", "write"])
def test_glossary_add_on_a_full_disk_leaves_the_file_untouched(tmp_path, monkeypatch, fault):
    glossary = tmp_path / "g.tsv"
    glossary.write_text(START, encoding="utf-8")
    before = glossary.read_bytes()
    if fault == "write":
        _fail_writes_to_temp_files(monkeypatch)
    else:
        monkeypatch.setattr(os, fault, _enospc)
    result = CliRunner().invoke(cli, _add_args("term.sonar", glossary))
    _assert_clean_failure(result, glossary, "cannot write (No space left on device)")
    assert glossary.read_bytes() == before and _leftovers(tmp_path) == []
    monkeypatch.undo()
    assert CliRunner().invoke(cli, _add_args("term.sonar", glossary)).exit_code == 0  # the same add works
    assert glossary.read_bytes() != before


def test_a_bare_oserror_still_gives_a_reason(tmp_path, monkeypatch):
    glossary = tmp_path / "g.tsv"
    glossary.write_text(START, encoding="utf-8")

    def broken(*_args):
        raise OSError("device went away")

    monkeypatch.setattr(os, "replace", broken)
    result = CliRunner().invoke(cli, _add_args("term.sonar", glossary))
    _assert_clean_failure(result, glossary, "cannot write (device went away)")


# --- a real read-only folder (subprocess) --------------------------------------------------------------------------


def _unprivileged() -> list[str]:
    """A command prefix under which a folder's mode is enforced (root ignores it unless it drops capabilities)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: a read-only folder cannot be enforced")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def _read_only(folder: Path) -> None:
    folder.chmod(0o555)
    probe = subprocess.run([*_unprivileged(), "touch", str(folder / "probe")], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("this file system lets the test write to a read-only folder")


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)


@pytest.mark.parametrize("lock_exists", [False, True])
def test_glossary_add_in_a_read_only_folder(read_only_folder, lock_exists):
    glossary = read_only_folder / "g.tsv"
    glossary.write_text(START, encoding="utf-8")
    if lock_exists:
        (read_only_folder / "g.tsv.lock").touch(mode=0o666)
        (read_only_folder / "g.tsv.lock").chmod(0o666)
    before = glossary.read_bytes()
    _read_only(read_only_folder)
    done = subprocess.run([*_unprivileged(), *_inkuru(), *_add_args("term.sonar", glossary)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    expected = (f"Error: {glossary}: cannot write to {read_only_folder} (Permission denied)" if lock_exists
                else f"Error: {glossary}.lock: cannot create the lock file (Permission denied)")
    assert done.stderr.strip().startswith(expected), done.stderr
    assert glossary.read_bytes() == before and _leftovers(read_only_folder) == []


# --- output faults in `inkuru translate` ---------------------------------------------------------------------------


@pytest.fixture
def fast_engine(monkeypatch):
    """`inkuru translate` with the identity engine instead of a model (the CLI imports load_engine when run)."""
    monkeypatch.setattr(translate.engines, "load_engine", lambda *args, **kwargs: IdentityEngine())


def _translate_args(article: Path, output: Path, *more: str) -> list[str]:
    return ["translate", str(article), "-o", str(output), "--to", "rw", "--from", "en", "--model", "identity",
            "--no-glossary", "--no-cache", "-q", *more]


def _article(folder: Path) -> Path:
    article = folder / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


@pytest.mark.parametrize("fault", ["write", "fsync", "replace"])
def test_translate_on_a_full_disk_keeps_the_previous_output(tmp_path, monkeypatch, fast_engine, fault):
    article, out = _article(tmp_path), tmp_path / "out"
    out.mkdir()
    output = out / "article.rw.txt"
    output.write_bytes(b"the previous translation\r\n")
    if fault == "write":
        _fail_writes_to_temp_files(monkeypatch)
    else:
        monkeypatch.setattr(os, fault, _enospc)
    result = CliRunner().invoke(cli, _translate_args(article, output))
    _assert_clean_failure(result, output, "cannot write (No space left on device)")
    assert output.read_bytes() == b"the previous translation\r\n" and _leftovers(out) == []


def test_translate_fast_engine_writes_when_nothing_fails(tmp_path, fast_engine):
    """The control for the tests above: the same run without a fault replaces the output."""
    article, output = _article(tmp_path), tmp_path / "article.rw.txt"
    output.write_text("the previous translation\n", encoding="utf-8")
    result = CliRunner().invoke(cli, _translate_args(article, output))
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8") == ARTICLE and _leftovers(tmp_path) == []


def test_translate_into_a_folder_keeps_each_file_whole(tmp_path, monkeypatch, fast_engine):
    """Several formats: the write that fails leaves its previous file; the others are complete new files."""
    article, out = _article(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "article.rw.json").write_text('{"previous": true}\n', encoding="utf-8")
    real = os.replace

    def replace(source, target):
        if str(target).endswith(".json"):
            _enospc()
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    result = CliRunner().invoke(cli, _translate_args(article, out, "--format", "text", "--format", "json"))
    _assert_clean_failure(result, out / "article.rw.json", "No space left on device")
    assert (out / "article.rw.json").read_text(encoding="utf-8") == '{"previous": true}\n'
    assert (out / "article.rw.txt").read_text(encoding="utf-8") == ARTICLE and _leftovers(out) == []


_FAST_CLI = ("import sys, translate.engines as e; from translate.engines.base import IdentityEngine; "
             "e.load_engine = lambda *a, **k: IdentityEngine(); from translate.cli import main; "
             "sys.argv[0] = 'inkuru'; main()")


def test_translate_into_a_read_only_folder(read_only_folder):
    article = _article(read_only_folder.parent)
    output = read_only_folder / "article.rw.txt"
    output.write_bytes(b"the previous translation\n")
    _read_only(read_only_folder)
    done = subprocess.run([*_unprivileged(), sys.executable, "-c", _FAST_CLI, *_translate_args(article, output)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip() == f"Error: {output}: cannot write to {read_only_folder} (Permission denied)"
    assert output.read_bytes() == b"the previous translation\n" and _leftovers(read_only_folder) == []


def test_review_output_on_a_full_disk(tmp_path, monkeypatch):
    result_file = ROOT / "tests" / "review_data" / "drones.result.json"
    output = tmp_path / "drones.review.html"
    output.write_text("previous page", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", _enospc)
    result = CliRunner().invoke(cli, ["review", str(result_file), "-o", str(output)])
    _assert_clean_failure(result, output, "cannot write (No space left on device)")
    assert output.read_text(encoding="utf-8") == "previous page" and _leftovers(tmp_path) == []


@pytest.mark.slow
def test_translate_with_the_demo_model_on_a_full_disk(tmp_path, monkeypatch, marian_en_rw):
    article, output = _article(tmp_path), tmp_path / "article.rw.txt"
    output.write_bytes(b"the previous translation\n")
    args = ["translate", str(article), "-o", str(output), "--to", "rw", "--from", "en", "--model", str(marian_en_rw),
            "--no-cache", "-q"]
    monkeypatch.setattr(os, "fsync", _enospc)
    result = CliRunner().invoke(cli, args)
    _assert_clean_failure(result, output, "cannot write (No space left on device)")
    assert output.read_bytes() == b"the previous translation\n" and _leftovers(tmp_path) == []
    monkeypatch.undo()
    assert CliRunner().invoke(cli, args).exit_code == 0 and output.read_bytes() != b"the previous translation\n"
