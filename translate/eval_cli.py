"""`inkuru eval`: score translations (BLEU, chrF++, terminology accuracy and consistency) against references.

A thin layer over `translate.evaluation`; the model, and so torch, is loaded only with --model.
"""

from __future__ import annotations

from typing import Any

import click

from translate import engines
from translate.errors import InkuruError
from translate.evaluation import RANDOM_SEED
# The backends `inkuru translate` offers: the engine registry's names, and "auto" where the registry has it.
BACKEND_CHOICES = list(dict.fromkeys(getattr(engines, "BACKEND_CHOICES", engines.BACKENDS)))
DEFAULT_BACKEND = "auto" if "auto" in BACKEND_CHOICES else "hf"


def _fail(error: InkuruError) -> click.ClickException:
    return click.ClickException(str(error))


@click.command("eval")
@click.argument("tsv", required=False, metavar="[TSV]")
@click.option("--src", "src_path", metavar="FILE", help="Source segments, one per line.")
@click.option("--ref", "ref_path", metavar="FILE", help="Reference translations, one per line.")
@click.option("--hyp", "hyp_paths", metavar="FILE", multiple=True,
              help="Translations to score, one per line (repeatable: one row per file).")
@click.option("--model", metavar="ID_OR_PATH", help="Translate the source with this model instead of --hyp.")
@click.option("--backend", type=click.Choice(BACKEND_CHOICES), default=DEFAULT_BACKEND, show_default=True)
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True)
@click.option("--beam", type=click.IntRange(1, 16), default=4, show_default=True, help="Beam size.")
@click.option("--batch-size", type=click.IntRange(1, 512), default=16, show_default=True,
              help="Sentences per model call.")
@click.option("--from", "source", type=click.Choice(["en", "rw"]), help="Source language [default: en, or the "
              "other language than --to].")
@click.option("--to", "target", type=click.Choice(["rw", "en"]), help="Target language [default: the other one].")
@click.option("--glossary", "glossaries", multiple=True, metavar="PATH",
              help="Glossary TSV file or folder (repeatable) [default: the shipped glossaries].")
@click.option("--glossary-mode", type=click.Choice(["prefer", "strict", "check"]), default="prefer",
              show_default=True, help="How --model translations use the glossary (see inkuru translate).")
@click.option("--conditions", metavar="LIST",
              help="With --model: comma-separated base (no glossary), term (the glossary), random (a glossary of "
                   "random wrong renderings) [default: term].")
@click.option("--seed", type=int, default=RANDOM_SEED, show_default=True,
              help="Seed of the random condition's glossary.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--allow-pickle", is_flag=True,
              help="Load a --model that ships only pickle weights (.bin); pickle can run code: trusted models only.")
@click.option("-q", "--quiet", is_flag=True, help="No progress notes on stderr.")
def eval_command(tsv: str | None, src_path: str | None, ref_path: str | None, hyp_paths: tuple[str, ...],
                 model: str | None, backend: str, device: str, beam: int, batch_size: int, source: str | None,
                 target: str | None, glossaries: tuple[str, ...], glossary_mode: str, conditions: str | None,
                 seed: int, fmt: str, output: str | None, allow_pickle: bool, quiet: bool) -> None:
    """Score translations against references: BLEU and chrF++ (sacrebleu), glossary term accuracy and
    consistency, and the terms that fail most.

    Give --src and --ref (one segment per line), or one TSV: src<TAB>ref, or the WMT terminology layout
    src<TAB>ref<TAB>terms[<TAB>mt] (terms: {'source term': 'target term', ...}). Score --hyp files (or the mt
    column), or translate with --model, optionally under several --conditions (base,term,random).
    """
    from translate.languages import other_language

    if tsv and (src_path or ref_path):
        raise click.UsageError("give either a TSV file or --src and --ref, not both")
    if not tsv and not (src_path and ref_path):
        raise click.UsageError("give --src and --ref (or one TSV file)")
    if hyp_paths and model:
        raise click.UsageError("give --hyp or --model, not both")
    if conditions and not model:
        raise click.UsageError("--conditions needs --model (a hypothesis file is one condition)")
    source = source or (other_language(target) if target else "en")
    target = target or other_language(source)
    if source == target:
        raise click.UsageError(f"--from and --to are both {target}")
    try:
        report = _evaluate(tsv, src_path, ref_path, hyp_paths, model, backend, device, beam, batch_size, source,
                           target, glossaries, glossary_mode, conditions, seed, allow_pickle, quiet)
        from translate.evaluation import format_text

        text = report.to_json() if fmt == "json" else format_text(report)
        if output:
            from translate.fileio import atomic_write_text

            atomic_write_text(output, text)
        else:
            click.echo(text, nl=False)
    except InkuruError as error:
        raise _fail(error) from None


def _evaluate(tsv: str | None, src_path: str | None, ref_path: str | None, hyp_paths: tuple[str, ...],
              model: str | None, backend: str, device: str, beam: int, batch_size: int, source: str, target: str,
              glossaries: tuple[str, ...], glossary_mode: str, conditions: str | None, seed: int,
              allow_pickle: bool, quiet: bool) -> Any:
    from translate import evaluation
    from translate.glossary import load_glossaries

    names = evaluation.parse_conditions(conditions or "term") if model else []
    glossary, origin = load_glossaries(list(glossaries) or None), "files" if glossaries else "shipped"
    if tsv:
        # A terms column defines the terms; pairs that `glossary` knows use its entries (and their morphology).
        data = evaluation.read_tsv(tsv, source, target, known=glossary)
    else:
        assert src_path and ref_path
        data = evaluation.read_pair(src_path, ref_path)
    if data.terms_glossary is not None:
        glossary, origin = data.terms_glossary, "terms column"
        if not len(glossary):
            raise InkuruError(f"{tsv}: the terms column names no terms")
    if model:
        from translate.engines import load_engine
        from translate.models import is_demo_model

        engine = load_engine(backend, model, device=device, beam=beam, allow_pickle=allow_pickle)
        if is_demo_model(model) and not quiet:
            click.echo("note: this is the Inkuru demo model, a toy for trying the pipeline, not for real "
                       "translation", err=True)
        on_start = None if quiet else (lambda name: click.echo(f"translating: {name} condition", err=True))
        return evaluation.run_conditions(data, engine, names, source, target, glossary, origin,
                                         glossary_mode=glossary_mode, batch_size=batch_size, seed=seed,
                                         on_start=on_start)
    if hyp_paths:
        systems = [(path, evaluation.read_hypotheses(path, data)) for path in hyp_paths]
    elif data.hypotheses is not None:
        systems = [("mt", data.hypotheses)]
    else:
        raise click.UsageError("give --hyp FILE (translations to score) or --model to translate the source")
    return evaluation.evaluate_hypotheses(data, systems, source, target, glossary, origin)
