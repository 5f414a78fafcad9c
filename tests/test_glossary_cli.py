"""`inkuru glossary …` through Click's CliRunner: output formats, exit codes, editing files safely."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate.glossary import load_glossaries, read_tsv, shipped_glossary_dir
from translate.glossary.cli import glossary

DATA = Path(__file__).parent / "glossary_data"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(glossary, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def gdir(tmp_path: Path) -> Path:
    """A writable copy of the shipped glossaries."""
    target = tmp_path / "glossaries"
    target.mkdir()
    for path in shipped_glossary_dir().glob("*.tsv"):
        shutil.copy(path, target / path.name)
    return target


def test_check_json_from_stdin():
    result = invoke("check", "--lang", "rw", "--format", "json", input="muri Uburusiya n'Abanya-Ukraine")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [sorted(d) for d in data] == [["end", "entry", "kind", "start", "surface", "warnings"]] * 2
    assert data[0]["entry"] == "place.russia" and data[0]["warnings"]
    assert data[1] == {"entry": "place.ukraine", "surface": "n'Abanya-Ukraine", "start": 15, "end": 31,
                       "kind": "related", "warnings": []}
    assert "2 match(es), 1 with warnings (glossary:" in result.stderr


def test_check_text_from_file(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("The White House said Iran's drones were built in Tatarstan.\n", encoding="utf-8")
    result = invoke("check", str(article), "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "4-15\torg.white-house\tterm\tWhite House"
    assert [line.split("\t")[1] for line in lines] == ["org.white-house", "place.iran", "term.drone",
                                                       "place.tatarstan"]


def test_check_dialect_flag():
    text = "ibihugu vy'Uburusiya"
    plain = json.loads(invoke("check", "--lang", "rw", "--format", "json", input=text).stdout)
    dialect = json.loads(invoke("check", "--lang", "rw", "--dialects", "--format", "json", input=text).stdout)
    assert plain[0]["surface"] == "Uburusiya" and dialect[0]["surface"] == "vy'Uburusiya"


def test_check_with_a_custom_glossary_and_clean_errors(tmp_path: Path):
    result = invoke("check", "--lang", "rw", "--glossary", str(DATA / "mini.tsv"), input="mu nganda za Ukraine")
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["term.factory", "place.ukraine"]
    missing = invoke("check", str(tmp_path / "nope.txt"), "--lang", "en")
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: ") and "Traceback" not in missing.output
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttype\n", encoding="utf-8")
    failed = invoke("check", "--lang", "en", "--glossary", str(bad), input="x")
    assert failed.exit_code == 1 and "bad.tsv:1: the header lacks required column(s)" in failed.stderr
    assert invoke("check", "--lang", "fr", input="x").exit_code == 2


def test_list_show_search():
    listed = invoke("list", "--type", "person").stdout.splitlines()
    assert "person.john-kirby\tperson\tapproved\tJohn Kirby\tJohn Kirby" in listed
    assert all(line.split("\t")[1] == "person" for line in listed) and listed == sorted(listed)
    as_json = json.loads(invoke("list", "--status", "proposed", "--format", "json").stdout)
    assert as_json and all(e["status"] == "proposed" for e in as_json)
    shown = invoke("show", "place.russia").stdout
    assert "rw_class      14" in shown and "forms (rw)    Uburusiya | u Burusiya | Burusiya" in shown
    assert json.loads(invoke("show", "place.russia", "--format", "json").stdout)["forms"]["rw"][0] == "Uburusiya"
    unknown = invoke("show", "place.rusia")
    assert unknown.exit_code == 1 and "did you mean" in unknown.stderr and "place.russia" in unknown.stderr
    assert invoke("search", "Kirby").stdout.split("\t")[1] == "person.john-kirby"
    assert invoke("search", "Burusiya").stdout.split("\t")[1] == "place.russia"


def test_add_keeps_file_sorted_and_touches_one_line(gdir: Path):
    before = (gdir / "defense.tsv").read_text(encoding="utf-8").splitlines()
    result = invoke("add", "term.bayonet", "--type", "term", "--en", "bayonet", "--rw", "bayoneti",
                    "--rw-class", "9a", "--source", "test newsroom", "--glossary", str(gdir))
    assert result.exit_code == 0, result.output
    after = (gdir / "defense.tsv").read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before) + 1
    assert [line for line in after if line not in before][0].startswith("term.bayonet\tterm\tproposed\tbayonet")
    ids = [line.split("\t")[0] for line in after[1:]]
    assert ids == sorted(ids)
    assert "added term.bayonet to" in result.stderr
    assert load_glossaries([gdir]).get("term.bayonet").rw == ("bayoneti",)


def test_add_routes_names_and_rejects_bad_entries(gdir: Path):
    ok = invoke("add", "place.maseru", "--type", "place", "--en", "Maseru", "--rw", "Maseru", "--rw-class", "9a",
                "--source", "test", "--glossary", str(gdir))
    assert ok.exit_code == 0 and "place.maseru" in [e.id for e in read_tsv(gdir / "names.tsv")]
    again = invoke("add", "place.maseru", "--type", "place", "--en", "Maseru", "--rw", "Maseru",
                   "--glossary", str(gdir))
    assert again.exit_code == 1 and "'place.maseru' already exists" in again.stderr
    bad_class = invoke("add", "term.x", "--type", "term", "--en", "x", "--rw", "x", "--rw-class", "17",
                       "--glossary", str(gdir))
    assert bad_class.exit_code == 1 and "column 'rw_class': unknown noun class '17'" in bad_class.stderr
    clash = invoke("add", "term.drone2", "--type", "term", "--en", "drone", "--rw", "ndege", "--rw-class", "9a",
                   "--glossary", str(gdir))
    assert clash.exit_code == 1 and "English term 'drone' has two preferred renderings" in clash.stderr


def _add_many(args: tuple[str, int]) -> int:
    folder, worker = args
    codes = []
    for n in range(6):
        result = CliRunner().invoke(glossary, [
            "add", f"term.w{worker}-n{n}", "--type", "term", "--en", f"word{worker}x{n}", "--rw", f"ijambo{worker}x{n}",
            "--rw-class", "5", "--source", "test", "--file", str(Path(folder) / "defense.tsv"), "--glossary", folder])
        codes.append(result.exit_code)
    return max(codes)


def test_concurrent_adds_all_land(tmp_path: Path):
    # a small glossary: each add lints the glossary it joins (seconds on the shipped one), and the lock is what
    # this test is about
    gdir = tmp_path / "glossaries"
    gdir.mkdir()
    shutil.copy(DATA / "mini.tsv", gdir / "defense.tsv")
    before = len(read_tsv(gdir / "defense.tsv"))
    with multiprocessing.get_context("fork").Pool(3) as pool:
        assert pool.map(_add_many, [(str(gdir), w) for w in range(3)]) == [0, 0, 0]
    entries = read_tsv(gdir / "defense.tsv")
    assert len(entries) == before + 18
    assert (gdir / "defense.tsv.lock").exists()


def test_edit_and_remove(gdir: Path):
    result = invoke("edit", "term.radar", "--set", "status=proposed", "--set", "rw=radar|radari",
                    "--glossary", str(gdir))
    assert result.exit_code == 0, result.output
    entry = load_glossaries([gdir]).get("term.radar")
    assert (entry.status, entry.rw) == ("proposed", ("radar", "radari"))
    assert invoke("edit", "term.radar", "--set", "colour=red", "--glossary", str(gdir)).exit_code == 1
    assert invoke("edit", "term.radar", "--set", "id=term.x", "--glossary", str(gdir)).exit_code == 1
    assert invoke("edit", "term.radar", "--set", "novalue", "--glossary", str(gdir)).exit_code == 2
    bad = invoke("edit", "term.radar", "--set", "rw_class=99", "--glossary", str(gdir))
    assert bad.exit_code == 1 and "unknown noun class '99'" in bad.stderr
    removed = invoke("remove", "term.radar", "--glossary", str(gdir))
    assert removed.exit_code == 0 and load_glossaries([gdir]).get("term.radar") is None
    assert invoke("remove", "term.radar", "--glossary", str(gdir)).exit_code == 1


def test_lint_exit_codes(tmp_path: Path):
    ok = invoke("lint")
    assert ok.exit_code == 0 and "0 error(s)" in ok.stderr
    bad = tmp_path / "bad.tsv"
    shutil.copy(DATA / "mini.tsv", bad)
    with bad.open("a", encoding="utf-8") as handle:
        handle.write("term.radar2\tterm\tapproved\tradar\tradari\t\tno\t9a\t\t\t\tx\n")
    failed = invoke("lint", "--glossary", str(bad), "--format", "json")
    assert failed.exit_code == 1
    assert any("two preferred renderings" in i["message"] for i in json.loads(failed.stdout))
    warn_only = tmp_path / "warn.tsv"
    warn_only.write_text((DATA / "mini.tsv").read_text(encoding="utf-8").replace(
        "loan word\tubuzimacenter.com", "\t"), encoding="utf-8")
    warned = invoke("lint", "--glossary", str(warn_only))
    assert warned.exit_code == 0 and "warning: term.radar: proposed entry without a source" in warned.stdout


def test_export_and_import_round_trip(gdir: Path, tmp_path: Path):
    tbx = tmp_path / "all.tbx"
    assert invoke("export", "--format", "tbx", "-o", str(tbx), "--glossary", str(gdir)).exit_code == 0
    same = invoke("import", str(tbx), "--glossary", str(gdir))
    assert same.exit_code == 0 and f"0 new, {len(load_glossaries([gdir]))} unchanged, 0 conflict(s)" in same.stderr
    csv_text = invoke("export", "--format", "csv", "--glossary", str(DATA / "mini.tsv")).stdout
    assert csv_text.splitlines()[0].startswith("id,type,status,en,rw")


def test_import_reports_conflicts_and_dry_run_writes_nothing(tmp_path: Path):
    mini = tmp_path / "mini.tsv"
    shutil.copy(DATA / "mini.tsv", mini)
    before = mini.read_text(encoding="utf-8")
    dry = invoke("import", str(DATA / "external.tbx"), "--dry-run", "--into", str(mini), "--glossary", str(mini))
    assert dry.exit_code == 1  # place.russia conflicts
    assert "conflict: " in dry.stderr and "place.russia: differs from" in dry.stderr
    assert dry.stdout.startswith("would add 1 to") and mini.read_text(encoding="utf-8") == before
    real = invoke("import", str(DATA / "external.tbx"), "--into", str(mini), "--glossary", str(mini))
    assert real.exit_code == 1 and "1 new, 0 unchanged, 1 conflict(s)" in real.stderr
    assert load_glossaries([mini]).get("term.tank").rw[0] == "igifaru"
    assert load_glossaries([mini]).get("place.russia").rw[0] == "Uburusiya"  # not overwritten
    bomb = invoke("import", str(DATA / "bomb.tbx"), "--glossary", str(mini))
    assert bomb.exit_code == 1 and "refusing TBX with a DOCTYPE" in bomb.stderr


def test_suggest_and_stats_commands(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Officials in Kramatorsk said the OSCE visited Kramatorsk. Russia denied it.\n",
                       encoding="utf-8")
    suggested = invoke("suggest", str(article))
    assert suggested.stdout.splitlines()[0].split("\t")[:3] == ["2", "name", "Kramatorsk"]
    as_json = json.loads(invoke("suggest", str(article), "--format", "json").stdout)
    assert {c["text"] for c in as_json} == {"Kramatorsk", "OSCE"}
    shown = invoke("stats", str(article)).stdout
    assert "coverage of 1 article(s): 25.0% (1 glossary term occurrence(s), 3 uncovered)" in shown
    data = json.loads(invoke("stats", "--format", "json").stdout)
    assert data["total"] == len(load_glossaries(None)) and data["signature"].startswith("glossary:")


def test_suggest_tells_the_articles_language(tmp_path: Path):
    article = tmp_path / "inkuru.txt"
    article.write_text("Perezida wa Kenya yakiriye i Podgorica intumwa za Transnistria, baganira ku ngabo za SADC.\n"
                       "Intumwa za Transnistria zavuze ko zizagaruka i Podgorica.\n", encoding="utf-8")
    told = invoke("suggest", str(article), "--format", "json").stdout
    assert told == invoke("suggest", str(article), "--lang", "rw", "--format", "json").stdout
    assert {c["text"] for c in json.loads(told)} == {"Transnistria", "Podgorica"}
    name_only = tmp_path / "name.txt"
    name_only.write_text("Podgorica\n", encoding="utf-8")
    short = invoke("suggest", str(name_only))  # too short to tell: read as English, and said so
    assert short.exit_code == 0 and "cannot tell which language" in short.stderr and "--lang rw" in short.stderr


def test_cli_import_does_not_load_torch():
    code = "import sys, translate.glossary.cli; assert 'torch' not in sys.modules and 'transformers' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)
