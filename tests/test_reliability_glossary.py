"""Corrupted glossary files (TSV, CSV, TBX) load faithfully or fail with a clean file:line error.

Property-based (hypothesis, derandomized) over the corruptions of bench/glossary_fuzz.py, whose checker
defines "clean error" and "faithful load" (no silent partial load); plus one regression test per bug the
fuzzing found, proof that the checker itself catches bad loaders, and the same through the CLI.
"""

from __future__ import annotations

import codecs
import random
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import glossary_fuzz as fuzz  # noqa: E402

from translate.cli import cli  # noqa: E402
from translate.errors import GlossaryError  # noqa: E402
from translate.glossary.entries import Entry, format_tsv, parse_tsv  # noqa: E402
from translate.glossary.interchange import export_csv, export_tbx, import_csv, import_tbx, parse_entries  # noqa: E402

HEADER = "id\ttype\tstatus\ten\trw\tnote\tsource\n"
RUSSIA = "place.russia\tplace\tapproved\tRussia\tUburusiya\tLocative mu Burusiya\tigihe.com\n"
IRAN = "place.iran\tplace\tapproved\tIran\tIrani\t\tigihe.com\n"
GOMA = "place.goma\tplace\tproposed\tGoma\tGoma\t\tigihe.com\n"
CSV_HEADER = "id,type,status,en,rw,note,source\n"
CSV_RUSSIA = 'place.russia,place,approved,Russia,Uburusiya,"Say ""mu Burusiya"", not ""muri""",igihe.com\n'
CSV_IRAN = "place.iran,place,approved,Iran,Irani,,igihe.com\n"
CSV_GOMA = "place.goma,place,proposed,Goma,Goma,,igihe.com\n"


# --- property: every corruption loads faithfully or fails cleanly ----------------------------------------------


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fmt=st.sampled_from(fuzz.FORMATS), category=st.sampled_from(sorted(fuzz.CORRUPTIONS)),
       rng=st.randoms(use_true_random=False))
def test_corrupted_glossary_loads_faithfully_or_fails_with_file_and_line(fmt, category, rng):
    original, data = fuzz.corrupt(rng, category, fmt)
    outcome, detail = fuzz.check(data, fmt, f"corrupt.{fmt}", original)
    assert outcome != "failure", f"{category}: {detail}\n{data[:300]!r}"


_TERM = st.text(st.characters(codec="utf-8", categories=["L", "M", "N", "Zs", "Pd", "Po"],
                              exclude_characters="|\"\u2028\u2029\x85\xa0-"), min_size=1, max_size=12)


@st.composite
def glossaries(draw):
    """Valid entries with any letters, marks, digits, inner spaces and punctuation (commas, apostrophes …)."""
    ids = draw(st.lists(st.from_regex(r"[a-z]{1,5}\.[a-z0-9]{1,5}(-[a-z0-9]{1,3})?", fullmatch=True),
                        min_size=1, max_size=5, unique=True))
    entries = []
    for entry_id in ids:
        def terms() -> tuple[str, ...]:
            values = draw(st.lists(_TERM.map(lambda t: " ".join(t.split())).filter(
                lambda t: t and t[0] not in "=+-@"), min_size=1, max_size=3, unique=True))
            return tuple(values)
        note = " ".join(draw(st.text(st.sampled_from(list("abc ,;'\"é’")), max_size=15)).split())
        entries.append(Entry(entry_id, draw(st.sampled_from(["person", "place", "organisation", "term"])),
                             draw(st.sampled_from(["approved", "proposed"])), terms(), terms(),
                             verbatim=draw(st.booleans()), rw_class="9a", note=note, source="igihe.com"))
    return entries


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(entries=glossaries(), fmt=st.sampled_from(fuzz.FORMATS),
       variant=st.sampled_from(["as is", "crlf", "cr", "bom", "blank lines"]))
def test_valid_glossary_in_every_format_and_line_end_loads_every_entry(entries, fmt, variant):
    text = {"tsv": format_tsv, "csv": export_csv, "tbx": export_tbx}[fmt](entries)
    data = text.encode("utf-8")
    data = {"as is": data, "crlf": data.replace(b"\n", b"\r\n"), "cr": data.replace(b"\n", b"\r"),
            "bom": codecs.BOM_UTF8 + data, "blank lines": data + b"\n\n"}[variant]
    loaded = parse_entries(data, f"g.{fmt}", fmt)
    expected = sorted(entries, key=lambda e: e.id)
    rows = [e.to_row() for e in loaded]
    if fmt == "tbx":  # TBX has no category for an empty source; the importer names the file instead
        rows = [{**r, "source": "igihe.com"} for r in rows]
    assert rows == [e.to_row() for e in expected]
    assert fuzz.check(data, fmt, f"g.{fmt}")[0] == "loaded"


# --- the checker can fail: loaders with the classic bugs are caught ----------------------------------------------


def _with_loader(monkeypatch, loader) -> None:
    monkeypatch.setattr(fuzz, "parse_entries", loader)


def test_checker_catches_a_dropped_row(monkeypatch):
    data = (HEADER + RUSSIA + IRAN).encode()
    _with_loader(monkeypatch, lambda d, name, fmt: parse_tsv(d.decode(), name)[:1])
    assert fuzz.check(data, "tsv", "g.tsv")[0] == "failure"


def test_checker_catches_rows_swallowed_by_a_stray_quote(monkeypatch):
    import csv
    import io

    def lenient(d, name, fmt):  # what import_csv did before: a lenient reader, rows counted not lines
        rows = list(csv.reader(io.StringIO(d.decode())))
        header = rows[0]
        return [Entry(r[0], r[1], r[2], (r[3],), (r[4],), note=r[5], source=r[6], file=name, line=n)
                for n, r in enumerate(rows[1:], start=2) if len(r) == len(header)]

    _with_loader(monkeypatch, lenient)
    data = (CSV_HEADER + CSV_IRAN.replace("igihe.com", '"igihe.com') + CSV_GOMA).encode()
    outcome, detail = fuzz.check(data, "csv", "g.csv")
    assert outcome == "failure" and "silent partial load" in detail


def test_checker_catches_control_characters_and_formulas(monkeypatch):
    _with_loader(monkeypatch, lambda d, name, fmt: [Entry("place.x", "place", "approved", ("X",), ("X",),
                                                          note="=HYPERLINK(1)", file=name, line=2)])
    assert fuzz.check((HEADER + "place.x\tplace\tapproved\tX\tX\t=HYPERLINK(1)\t\n").encode(), "tsv",
                      "g.tsv")[0] == "failure"


@pytest.mark.parametrize("error", [GlossaryError("g.tsv: something"), GlossaryError("other.tsv:2: x"),
                                   GlossaryError("g.tsv:99: line out of range"),
                                   GlossaryError("g.tsv:2: two\nlines"), ValueError("g.tsv:2: traceback")])
def test_checker_catches_unclean_errors_and_tracebacks(monkeypatch, error):
    def raising(d, name, fmt):
        raise error

    _with_loader(monkeypatch, raising)
    assert fuzz.check((HEADER + RUSSIA).encode(), "tsv", "g.tsv")[0] == "failure"


def test_checker_catches_a_benign_change_that_changes_entries(monkeypatch):
    original = (HEADER + RUSSIA + IRAN).encode()
    crlf = original.replace(b"\n", b"\r\n")
    real = parse_entries
    _with_loader(monkeypatch, lambda d, name, fmt: [
        Entry(e.id, e.type, e.status, e.en, e.rw, note=e.note + ("!" if b"\r" in d else ""), source=e.source,
              file=e.file, line=e.line) for e in real(d, name, fmt)])
    assert fuzz.check(crlf, "tsv", "g.tsv", original)[0] == "failure"


# --- regression tests: one per bug the fuzzing found --------------------------------------------------------------


def _error(data: str | bytes, fmt: str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(GlossaryError) as info:
        parse_entries(raw, f"g.{fmt}", fmt)
    return str(info.value)


@pytest.mark.parametrize(("fmt", "data", "message"), [
    # CSV: a stray quote opened a cell that swallowed every following row into the last cell (loaded 1 of 3)
    ("csv", CSV_HEADER + CSV_IRAN.replace(",igihe.com", ',"igihe.com') + CSV_GOMA
     + CSV_IRAN.replace("place.iran", "place.x").replace("igihe.com\n", 'igihe.com"\n'),
     "g.csv:2: a quoted cell runs on to line 4"),
    ("csv", CSV_HEADER + CSV_IRAN.replace("igihe.com", 'igihe"com') + CSV_GOMA, "g.csv:2: a stray '\"'"),
    ("csv", CSV_HEADER + CSV_IRAN.replace(",,", ',"no"te,'), "g.csv:2: not valid CSV"),
    # CSV: a cell over csv's field limit was a traceback (_csv.Error)
    ("csv", CSV_HEADER + CSV_IRAN.replace(",,", ',"' + "n" * 200_000 + '",'), "g.csv:2: not valid CSV"),
    ("csv", "id,id,type,status,en,rw\n", "g.csv:1: column 'id' appears twice"),
    ("csv", CSV_HEADER + CSV_IRAN + CSV_IRAN.replace("Irani", "Iran"), "g.csv:3: column 'id': duplicate id"),
    ("csv", "id;type;status;en;rw\n", "g.csv:1: unknown column 'id;type;status;en;rw' in the header; the file "
                                     "seems to separate columns with semicolons"),
    # TSV: NULs (UTF-16 read as UTF-8), control characters, line separators, a stray CR and an inner BOM loaded
    ("tsv", HEADER + RUSSIA.replace("Russia", "Rus\x00sia"), "g.tsv:2: column 'en': a NUL byte (U+0000): is the "
                                                             "file UTF-16?"),
    ("tsv", HEADER + RUSSIA.replace("igihe", "igi\x1b[2Jhe"), "g.tsv:2: column 'source': a control character "
                                                              "(U+001B)"),
    ("tsv", HEADER + RUSSIA.replace("Locative", "Loc\u2028ative"), "g.tsv:2: column 'note': a line break (U+2028)"),
    ("tsv", HEADER + RUSSIA.replace("Locative", "Loc\rative"), "g.tsv:2: column 'note': a carriage return"),
    ("tsv", HEADER + RUSSIA + "\ufeff" + IRAN, "g.tsv:3: column 'id': a byte-order mark (U+FEFF)"),
    ("tsv", HEADER + RUSSIA + HEADER + IRAN, "g.tsv:3: this line repeats the header"),
    ("tsv", "\n" + HEADER + RUSSIA, "g.tsv:1: the first line is empty"),
    ("tsv", HEADER + RUSSIA.replace("Russia", '"Russia"'), "g.tsv:2: column 'en': a double quote"),
    ("tsv", "id,type,status,en,rw\n", "the file seems to separate columns with commas, not with tabs"),
    # every format: a cell a spreadsheet would run as a formula
    ("tsv", HEADER + RUSSIA.replace("Locative", '=HYPERLINK("http://x.example","y")'),
     "g.tsv:2: column 'note': '=HYPERLINK(\"http://x.example\",\"y\") mu Burusiya' starts with '='"),
    ("csv", CSV_HEADER + CSV_IRAN.replace("Irani", "@SUM(1)"), "g.csv:2: column 'rw': '@SUM(1)' starts with '@'"),
    ("tsv", HEADER + IRAN.replace("Irani", "-2+3"), "g.tsv:2: column 'rw': '-2+3' starts with '-'"),
    ("tsv", HEADER + IRAN.replace("Irani", "+cmd|' /C calc'!A0"), "starts with '+'"),
])
def test_corruption_is_a_file_line_error(fmt, data, message):
    error = _error(data, fmt)
    assert message in error
    assert fuzz.error_problem(error, f"g.{fmt}", data.encode()) is None


@pytest.mark.parametrize(("encoding", "name", "message"), [
    ("utf-16", "Rüssia", "g.tsv:1: the file is UTF-16, not UTF-8"),
    ("utf-32", "Rüssia", "g.tsv:1: the file is UTF-32, not UTF-8"),
    ("utf-16-le", "Russia", "g.tsv:1: a NUL byte (U+0000): is the file UTF-16?"),
    ("utf-16-le", "Rüssia", "g.tsv:1: the file looks like UTF-16 or UTF-32"),
    ("latin-1", "Rüssia", "g.tsv:2: not valid UTF-8 (byte offset"),
])
def test_wrong_encodings_are_named(encoding, name, message):
    assert message in _error((HEADER + RUSSIA.replace("Russia", name)).encode(encoding), "tsv")


def test_classic_mac_line_ends_load():
    assert [e.id for e in parse_tsv((HEADER + RUSSIA + IRAN).replace("\n", "\r"), "g.tsv")] == \
        ["place.russia", "place.iran"]
    assert [e.line for e in import_csv((CSV_HEADER + CSV_IRAN + CSV_GOMA).replace("\n", "\r"), "g.csv")] == [2, 3]


def test_csv_errors_name_physical_lines_not_record_numbers():
    text = CSV_HEADER + "\n\n" + CSV_IRAN + CSV_GOMA.replace("Goma,Goma", "Goma,")
    with pytest.raises(GlossaryError, match=r"^g\.csv:5: column 'rw': required field is empty"):
        import_csv(text, "g.csv")


def _tbx(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic">\n'
            f"<text><body>\n{body}\n</body></text></tbx>\n")


_CONCEPT = """<conceptEntry id="place.iran">
<descrip type="subjectField">place</descrip>
<langSec xml:lang="en"><termSec><term>Iran</term></termSec></langSec>
<langSec xml:lang="rw"><termSec><term>Irani</term></termSec></langSec>
</conceptEntry>"""


@pytest.mark.parametrize(("body", "message"), [
    (_CONCEPT.replace("<term>Iran</term>", "<term>Iran</term><term>Persia</term>"),
     "g.tbx:6: a <termSec> with 2 <term>s"),
    (_CONCEPT.replace("<termSec><term>Iran</term></termSec>",
                      "<termSec><term>Iran</term></termSec><termSec><term> </term></termSec>"),
     "g.tbx:6: a <termSec> without a term"),
    (_CONCEPT + "\n" + _CONCEPT, "g.tbx:9: duplicate concept id 'place.iran' (first defined on line 4)"),
    (_CONCEPT.replace("<descrip", "<note>=HYPERLINK(1)</note><descrip"), "column 'note': '=HYPERLINK(1)'"),
])
def test_tbx_problems_name_the_line(body, message):
    error = _error(_tbx(body), "tbx")
    assert message in error


def test_tbx_langsecs_of_one_language_are_merged_not_overwritten():
    body = _CONCEPT.replace('<langSec xml:lang="en"><termSec><term>Iran</term></termSec></langSec>',
                            '<langSec xml:lang="en-GB"><termSec><term>Iran</term></termSec></langSec>\n'
                            '<langSec xml:lang="en-US"><termSec><term>Persia</term></termSec>'
                            '<termSec><term>Iran</term></termSec></langSec>')
    (entry,) = import_tbx(_tbx(body), "g.tbx")
    assert entry.en == ("Iran", "Persia")


def test_tbx_wrapped_note_is_one_line_of_text():
    body = _CONCEPT.replace("<descrip", "<note>Persia before\n      1935.</note><descrip")
    assert import_tbx(_tbx(body), "g.tbx")[0].note == "Persia before 1935."


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE tbx [<!ENTITY % p SYSTEM "http://example.com/x.dtd"> %p;]>',
    '<!DOCTYPE tbx SYSTEM "file:///etc/passwd">',
])
def test_tbx_doctype_is_refused_with_file_and_line(doctype):
    text = _tbx(_CONCEPT).replace("<tbx ", doctype + "\n<tbx ", 1)
    error = _error(text, "tbx")
    assert error.startswith("g.tbx:2: refusing TBX with a DOCTYPE") and "root:" not in error


def test_messages_quote_file_content_escaped_and_short():
    error = _error(HEADER.replace("note", "n" * 500) + RUSSIA, "tsv")
    assert len(error) < 300 and "…" in error
    error = _error("id\ttype\tstatus\ten\trw\t\x1b]0;pwned\x07\n", "tsv")
    assert "\x1b" not in error and "\x07" not in error and "g.tsv:1:" in error


# --- through the CLI ----------------------------------------------------------------------------------------------


def _corrupted_files(tmp_path: Path) -> list[Path]:
    """A deterministic sample of corrupted glossary files, one per format and failing category."""
    rng, files = random.Random(9), []
    for category in ("truncated", "wrong_columns", "stray_quote", "mixed_encoding", "utf16_32", "nul_bytes",
                     "duplicate_header", "empty", "control_chars", "formula", "xml_attack"):
        for fmt in fuzz.FORMATS:
            for _attempt in range(50):
                _original, data = fuzz.corrupt(rng, category, fmt)
                if fuzz.check(data, fmt, "x")[0] == "error":
                    path = tmp_path / f"{category}.{fmt}"
                    path.write_bytes(data)
                    files.append(path)
                    break
    return files


def _assert_clean_cli_error(result, path: Path) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith(f"Error: {path}:") and line[len(f"Error: {path}:"):].split(":")[0].isdigit(), line


def test_cli_reports_corrupted_glossaries_with_file_and_line(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Iran sent drones to Russia.\n", encoding="utf-8")
    files = _corrupted_files(tmp_path)
    assert len(files) >= 30
    runner = CliRunner()
    for path in files:
        if path.suffix == ".tsv":
            for args in (["glossary", "check", str(article), "--lang", "en", "--glossary", str(path)],
                         ["glossary", "list", "--glossary", str(path)]):
                _assert_clean_cli_error(runner.invoke(cli, args), path)
            lint = runner.invoke(cli, ["glossary", "lint", "--glossary", str(path)])
            assert lint.exit_code == 1 and f"{path}:" in lint.output and "Traceback" not in lint.output
        else:
            good = tmp_path / "good.tsv"
            good.write_text(HEADER + RUSSIA, encoding="utf-8")
            result = runner.invoke(cli, ["glossary", "import", str(path), "--dry-run", "--glossary", str(good)])
            _assert_clean_cli_error(result, path)


def test_cli_import_writes_nothing_from_a_corrupted_file(tmp_path):
    good = tmp_path / "good.tsv"
    good.write_text(HEADER + RUSSIA, encoding="utf-8")
    before = good.read_bytes()
    bad = tmp_path / "new.csv"
    bad.write_text(CSV_HEADER + CSV_IRAN.replace(",igihe.com", ',"igihe.com') + CSV_GOMA, encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", str(bad), "--into", str(good), "--glossary", str(good)])
    _assert_clean_cli_error(result, bad)
    assert good.read_bytes() == before


def test_the_checker_fuzzes_the_layout_the_shipped_glossaries_use():
    # The checker builds its files from COLUMNS; the shipped glossaries (and their README) are what users edit.
    # Should either change without the other, the fuzzing would test a layout nobody writes.
    root = Path(__file__).resolve().parent.parent
    for shipped in sorted((root / "glossaries").glob("*.tsv")):
        header = shipped.read_text(encoding="utf-8").splitlines()[0].split("\t")
        assert header == list(fuzz.COLUMNS), shipped.name
    documented = (root / "glossaries" / "README.md").read_text(encoding="utf-8")
    assert all(f"`{column}`" in documented for column in fuzz.COLUMNS)


def test_translate_with_a_corrupted_glossary_names_file_and_line(tmp_path, monkeypatch):
    import translate.engines
    from translate.engines.base import IdentityEngine

    monkeypatch.setattr(translate.engines, "load_engine", lambda *args, **kwargs: IdentityEngine())
    article = tmp_path / "article.txt"
    article.write_text("Iran sent drones to Russia.\n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_bytes((HEADER + RUSSIA + IRAN.replace("Iran", "Ir\x00an")).encode())
    result = CliRunner().invoke(cli, ["translate", str(article), "--to", "rw", "--from", "en", "--model", "identity",
                                      "--glossary", str(bad), "--no-cache", "-q"])
    _assert_clean_cli_error(result, bad)
    assert f"Error: {bad}:3: column 'en': a NUL byte" in result.output
