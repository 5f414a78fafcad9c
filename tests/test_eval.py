"""inkuru eval: BLEU/chrF++ via sacrebleu, terminology accuracy and consistency, TSV inputs, clear input errors,
the three WMT terminology conditions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate.cli import cli
from translate.errors import InputError
from translate.evaluation import (
    RANDOM_SEED, parse_terms_cell, random_glossary, read_pair, read_tsv, term_scores,
)
from translate.glossary import load_glossaries

# Our own small test sentences (English source, Kinyarwanda reference).
SOURCES = [
    "Kenya sent drones to Russia.",
    "The drones landed in Russia on Monday.",
    "Russia thanked Kenya.",
]
REFERENCES = [
    "Kenya yohereje drones mu Burusiya.",
    "Izo drones zageze mu Burusiya ku wa Mbere.",
    "Uburusiya bwashimiye Kenya.",
]


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries(None)


def write(folder: Path, name: str, lines: list[str] | bytes) -> str:
    path = folder / name
    if isinstance(lines, bytes):
        path.write_bytes(lines)
    else:
        path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["eval", *args])
    return result.exit_code, result.output


# --- scores from hypothesis files ----------------------------------------------------------------------------------


def test_hypothesis_file_text_report(tmp_path: Path) -> None:
    src, ref = write(tmp_path, "src.txt", SOURCES), write(tmp_path, "ref.txt", REFERENCES)
    code, out = run("--src", src, "--ref", ref, "--hyp", ref)
    assert code == 0, out
    row = next(line for line in out.splitlines() if line.startswith(ref))
    assert row.split()[1:3] == ["100.0", "100.0"]  # BLEU and chrF++ of the reference against itself
    assert "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:" in out
    assert "nc:6|nw:2" in out  # chrF++ (word n-grams of order 2)
    assert "100.0% (" in row  # every glossary term of the source is in the reference


def test_json_fields(tmp_path: Path) -> None:
    src, ref = write(tmp_path, "src.txt", SOURCES), write(tmp_path, "ref.txt", REFERENCES)
    hyp = write(tmp_path, "hyp.txt",
                ["Kenya yohereje drones.", "Drones zageze ku wa Mbere.", "Uburusiya bwashimiye Kenya."])
    code, out = run("--src", src, "--ref", ref, "--hyp", hyp, "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert report["format"] == "inkuru-eval" and report["direction"] == "en-rw" and report["segments"] == 3
    assert report["inputs"] == {"src": src, "ref": ref}
    assert report["glossary"].startswith("glossary:") and report["glossary_origin"] == "shipped"
    assert report["signatures"]["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    assert report["signatures"]["chrf"].startswith("nrefs:1|") and "nw:2" in report["signatures"]["chrf"]
    (condition,) = report["conditions"]
    assert condition["name"] == hyp and condition["translation_signature"] is None
    assert 0 < condition["bleu"] < 100 and 0 < condition["chrf"] < 100
    terms = condition["terms"]
    # Kenya x2, drones x2, Russia x3: Russia is missing twice (lines 1 and 2).
    assert (terms["total"], terms["correct"], terms["by_status"]["missing"]) == (7, 5, 2)
    worst = terms["per_term"][0]
    assert worst["entry"] == "place.russia" and worst["missing"] == 2
    assert worst["accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert condition["hypotheses"][0] == "Kenya yohereje drones."


def test_bleu_matches_sacrebleu(tmp_path: Path) -> None:
    from sacrebleu.metrics import BLEU, CHRF

    hyps = ["Kenya yohereje drones.", "Drones zageze ku wa Mbere.", "Uburusiya bwashimiye Kenya cyane."]
    src, ref = write(tmp_path, "src.txt", SOURCES), write(tmp_path, "ref.txt", REFERENCES)
    code, out = run("--src", src, "--ref", ref, "--hyp", write(tmp_path, "hyp.txt", hyps), "--format", "json")
    (condition,) = json.loads(out)["conditions"]
    assert condition["bleu"] == pytest.approx(BLEU().corpus_score(hyps, [REFERENCES]).score, abs=1e-4)
    assert condition["chrf"] == pytest.approx(CHRF(word_order=2).corpus_score(hyps, [REFERENCES]).score, abs=1e-4)


# --- terminology accuracy and consistency --------------------------------------------------------------------------


def test_term_accuracy_counts_inflected_kinyarwanda_forms(glossary) -> None:
    sources = ["Iran sent drones to Russia.", "Iran sent drones to Russia.", "Iran sent drones to Russia."]
    hyps = ["Irani yohereje drones mu Burusiya.",  # locative, augmentless: counts
            "Irani yohereje drones n'Uburusiya.",  # elided connective: counts
            "Irani yohereje drones mu Burundi."]  # another country: missing
    scores = term_scores(sources, hyps, "en", "rw", glossary)
    russia = next(s for s in scores.per_term if s.entry == "place.russia")
    assert (russia.occurrences, russia.satisfied, russia.missing) == (3, 2, 1)
    assert scores.accuracy == pytest.approx(8 / 9, abs=1e-3)
    assert scores.per_term[0].entry == "place.russia"  # the entry that fails most comes first


def test_term_accuracy_rw_to_en(glossary) -> None:
    scores = term_scores(["Uburusiya bwohereje ingabo i Goma."], ["Russia sent troops to Goma."], "rw", "en",
                         glossary)
    assert scores.accuracy == 1.0 and scores.total == 3
    missing = term_scores(["Uburusiya bwohereje ingabo i Goma."], ["They sent troops to Goma."], "rw", "en",
                          glossary)
    assert [s.entry for s in missing.per_term if s.missing] == ["place.russia"]


def test_consistency(glossary) -> None:
    sources = ["A drone hit Kyiv.", "Two drones hit Kyiv.", "The drones came from Russia."]
    same = ["Drone yakubise Kyiv.", "Drones ebyiri zakubise Kyiv.", "Izo drones zaturutse mu Burusiya."]
    scores = term_scores(sources, same, "en", "rw", glossary)
    assert (scores.consistent, scores.repeated, scores.consistency) == (2, 2, 1.0)  # drone and Kyiv
    mixed = ["Indege itagira abapilote yakubise Kyiv.", "Drones ebyiri zakubise Kyiv.",
             "Indege zitagira abapilote zaturutse mu Burusiya."]
    scores = term_scores(sources, mixed, "en", "rw", glossary)
    assert scores.accuracy == 1.0 and scores.consistency == 0.5
    drone = next(s for s in scores.per_term if s.entry == "term.drone")
    # singular and plural of one rendering are one rendering; 'drones' is another
    assert drone.renderings == {"indege itagira abapilote": 2, "drone": 1} and not drone.consistent


def test_consistency_inflections_and_source_forms(glossary) -> None:
    sources = ["Russia and Russia.", "John Kirby spoke.", "Kirby said no.", "Kirby left."]
    hyps = ["Uburusiya na mu Burusiya.", "John Kirby yavuze.", "Kirby yavuze oya.", "Kirby yagiye."]
    scores = term_scores(sources, hyps, "en", "rw", glossary)
    # 'mu Burusiya' is the same rendering as 'Uburusiya'; 'John Kirby' then 'Kirby' follow the source.
    assert scores.consistency == 1.0 and scores.repeated == 2


# --- TSV inputs ----------------------------------------------------------------------------------------------------


def test_tsv_two_columns(tmp_path: Path) -> None:
    tsv = write(tmp_path, "set.tsv", ["src\tref", *(f"{s}\t{r}" for s, r in zip(SOURCES, REFERENCES))])
    hyp = write(tmp_path, "hyp.txt", REFERENCES)
    code, out = run(tsv, "--hyp", hyp, "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert report["segments"] == 3 and report["inputs"] == {"tsv": tsv}
    assert report["conditions"][0]["bleu"] == 100.0


def test_wmt_terms_tsv_with_mt_column(tmp_path: Path) -> None:
    rows = [
        ("Kenya sent drones to Russia.", "Kenya yohereje drones mu Burusiya.", "{'Russia': 'Uburusiya'}",
         "Kenya yohereje drones mu Burusiya."),
        ("The blue helmets reached the town.", "Ingofero z'ubururu zageze mu mujyi.",
         "{'blue helmets': \"ingofero z'ubururu\"}", "Abasirikare bageze mu mujyi."),
        ("Russia thanked Kenya.", "Uburusiya bwashimiye Kenya.", "", "Uburusiya bwashimiye Kenya."),
    ]
    tsv = write(tmp_path, "wmt.tsv", ["\t".join(row) for row in rows])
    code, out = run(tsv, "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert report["glossary_origin"] == "terms column"
    (condition,) = report["conditions"]
    assert condition["name"] == "mt"
    terms = condition["terms"]
    # Only the listed terms count: Russia on line 1 ('mu Burusiya', the shipped entry's morphology) and the
    # blue helmets on line 2 (missing); Kenya and the Russia of line 3 are not listed.
    assert (terms["total"], terms["correct"]) == (2, 1)
    by_entry = {t["entry"]: t for t in terms["per_term"]}
    assert by_entry["place.russia"]["satisfied"] == 1
    assert by_entry["tsv.1"]["missing"] == 1


def test_terms_cell_formats() -> None:
    assert parse_terms_cell("{'Russia': 'Uburusiya'}", "f:1") == [("Russia", ("Uburusiya",))]
    assert parse_terms_cell("[['air force', 'ingabo zirwanira mu kirere']]", "f:1") == [
        ("air force", ("ingabo zirwanira mu kirere",))]
    assert parse_terms_cell("drone = drone|indege itagira abapilote; UN = Loni", "f:1") == [
        ("drone", ("drone", "indege itagira abapilote")), ("UN", ("Loni",))]
    with pytest.raises(InputError, match=r"f:7: column 'terms'"):
        parse_terms_cell("{'Russia': ", "f:7")


# --- input errors --------------------------------------------------------------------------------------------------


def test_line_count_mismatch_names_both_files(tmp_path: Path) -> None:
    src, ref = write(tmp_path, "src.txt", SOURCES), write(tmp_path, "ref.txt", REFERENCES[:2])
    code, out = run("--src", src, "--ref", ref, "--hyp", ref)
    assert code == 1
    assert f"{src} has 3 lines but {ref} has 2 lines" in out
    hyp = write(tmp_path, "hyp.txt", [*REFERENCES, "Indi nteruro."])
    code, out = run("--src", src, "--ref", write(tmp_path, "ref3.txt", REFERENCES), "--hyp", hyp)
    assert code == 1 and f"{src} has 3 lines but {hyp} has 4 lines" in out


def test_empty_line_names_file_and_line(tmp_path: Path) -> None:
    src = write(tmp_path, "src.txt", [SOURCES[0], "  ", SOURCES[2]])
    code, out = run("--src", src, "--ref", write(tmp_path, "ref.txt", REFERENCES), "--hyp", src)
    assert code == 1 and f"{src}:2: empty line" in out
    code, out = run("--src", write(tmp_path, "empty.txt", b""), "--ref", src, "--hyp", src)
    assert code == 1 and "empty.txt: the file is empty" in out


def test_non_utf8_names_file_and_line(tmp_path: Path) -> None:
    ref = write(tmp_path, "ref.txt",
                "Kenya yohereje drones.\nUburusiya bwashimiye Kenya \xe0 Goma.\n".encode("latin-1"))
    code, out = run("--src", write(tmp_path, "src.txt", SOURCES[:2]), "--ref", ref, "--hyp", ref)
    assert code == 1 and f"{ref}:2: not valid UTF-8" in out


def test_tsv_errors_name_file_and_line(tmp_path: Path) -> None:
    tsv = write(tmp_path, "bad.tsv", [f"{SOURCES[0]}\t{REFERENCES[0]}", SOURCES[1]])
    code, out = run(tsv, "--hyp", tsv)
    assert code == 1 and f"{tsv}:2: expected 2 to 4 tab-separated columns" in out
    tsv = write(tmp_path, "bad2.tsv", [f"{SOURCES[0]}\t{REFERENCES[0]}", f"{SOURCES[1]}\t "])
    with pytest.raises(InputError, match=r"bad2.tsv:2: column 'ref' is empty"):
        read_tsv(tsv, "en", "rw")


def test_usage_errors(tmp_path: Path) -> None:
    src, ref = write(tmp_path, "src.txt", SOURCES), write(tmp_path, "ref.txt", REFERENCES)
    assert "--conditions needs --model" in run("--src", src, "--ref", ref, "--hyp", ref, "--conditions", "base")[1]
    assert "give --hyp FILE" in run("--src", src, "--ref", ref)[1]
    assert "not both" in run("--src", src, "--ref", ref, "--hyp", ref, "--model", "x")[1]
    assert "give --src and --ref" in run("--src", src)[1]


def test_read_pair_keeps_crlf_lines_clean(tmp_path: Path) -> None:
    src = write(tmp_path, "src.txt", b"One.\r\nTwo.\r\n")
    data = read_pair(src, src)
    assert data.sources == ["One.", "Two."]


# --- the random wrong glossary -------------------------------------------------------------------------------------


def test_random_glossary_is_wrong_and_reproducible(glossary) -> None:
    wrong = random_glossary(glossary, "rw", RANDOM_SEED)
    assert [e.id for e in wrong] == [e.id for e in glossary]
    assert random_glossary(glossary, "rw", RANDOM_SEED) == wrong
    assert random_glossary(glossary, "rw", RANDOM_SEED + 1) != wrong
    for entry in wrong:
        real = glossary.get(entry.id)
        assert entry.en == real.en and entry.rw != real.rw and not entry.verbatim
    # The real renderings no longer satisfy the wrong glossary; its own (wrong) renderings do.
    source = "Iran sent drones to Russia."
    real = term_scores([source], ["Irani yohereje drones mu Burusiya."], "en", "rw", wrong)
    assert real.total == 3 and real.correct == 0
    # one per clause: side by side, capitalised renderings would read as one longer name (Glasgow Pte Irumu)
    forced = ", ".join(wrong.get(i).rw[0] for i in ("place.iran", "term.drone", "place.russia"))
    assert term_scores([source], [forced], "en", "rw", wrong).correct == 3
    to_en = random_glossary(glossary, "en", RANDOM_SEED)
    assert all(e.rw == glossary.get(e.id).rw and e.en != glossary.get(e.id).en for e in to_en)


# --- start-up and translation --------------------------------------------------------------------------------------


def test_eval_help_does_not_import_torch() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom translate.cli import cli\n"
        "result = CliRunner().invoke(cli, ['eval', '--help'])\nassert result.exit_code == 0, result.output\n"
        "assert '--conditions' in result.output\n"
        "print('HEAVY:' + ','.join(m for m in ('torch', 'transformers', 'sentencepiece', 'ctranslate2') "
        "if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "HEAVY:"


@pytest.mark.slow
def test_model_conditions_on_demo_model(tmp_path: Path, marian_en_rw: Path) -> None:
    src, ref = write(tmp_path, "src.txt", SOURCES), write(tmp_path, "ref.txt", REFERENCES)
    code, out = run("--src", src, "--ref", ref, "--model", str(marian_en_rw), "--beam", "2",
                    "--conditions", "base,term,random", "--format", "json", "-q")
    assert code == 0, out
    report = json.loads(out)
    assert [c["name"] for c in report["conditions"]] == ["base", "term", "random"]
    assert report["random_seed"] == RANDOM_SEED
    base, term, rand = report["conditions"]
    assert base["glossary"] == "none" and term["glossary"].startswith(report["glossary"] + "+prefer")
    assert rand["glossary"].startswith("glossary:") and rand["glossary"] != term["glossary"]
    for condition in report["conditions"]:
        signature = condition["translation_signature"]
        assert signature.startswith("model:") and "|dir:en-rw|beam:2|" in signature
        assert len(condition["hypotheses"]) == 3 and all(condition["hypotheses"])
        assert condition["wrong_terms"] is not None and condition["terms"]["total"] == 7
    assert "|glossary:none|" in base["translation_signature"]
