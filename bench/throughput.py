"""Throughput, memory and load time of the engines on an opus-mt-size Marian, each in its own process.

    python bench/throughput.py [--sentences 64] [--tokens 40] [--repeats 3]

The model has opus-mt's shape (6+6 layers, d_model 512, FFN 2048, 8 heads, vocabulary 32 000) with random
weights: its output means nothing, so every output is forced to exactly --tokens tokens and all engines do the
same work. Built once under .cache/bench/. For beam 4 and greedy it measures:

  hf-naive     transformers fp32, one sentence per generate() call (what a user would write first): the baseline
  hf-batched   transformers fp32, batches of 16
  inkuru-hf    `inkuru translate --backend hf` on the same sentences (one paragraph each), default options
  inkuru-ct2   `inkuru translate --backend ct2` on the model converted to CTranslate2 int8, default options
               (batches of 8 sentences: CT2's decoding memory grows with sentences x beam)

and prints tokens/s, peak RSS and load time, and the ratios the project's goals are stated in: inkuru ct2
throughput >= 4x and peak RSS <= 0.35x the naive baseline; inkuru's own overhead (splitting, glossary matching,
report, writing) <= 10 % over the raw engine calls of the same run. Times are the median of --repeats passes
after one warm-up pass; peak RSS is the worker process's own high-water mark (VmHWM, see bench/peak.py). The
input sentences are the held-out set's English sentences (text the demo model never saw; here their lengths
matter, not their words, as the weights are random).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peak import peak_rss_mb  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
MODEL = CACHE / "opus-mt-size-random"
CT2_MODEL = CACHE / "opus-mt-size-random-ct2-int8"
WORKERS = ("hf-naive", "hf-batched", "inkuru-hf", "inkuru-ct2")
BATCH = 16
THREADS = 2


# Transformer sizes: opus-mt (61 M parameters) and NLLB-200-distilled-600M's dimensions and vocabulary (615 M as a
# Marian: the same matrices, so the same work per token; bench/batch.py's per-node figures).
OPUS_MT_SIZE = {"d_model": 512, "layers": 6, "heads": 8, "ffn": 2048, "vocab": 32_000}
NLLB_600M_SIZE = {"d_model": 1024, "layers": 12, "heads": 16, "ffn": 4096, "vocab": 256_206}


def build_model(folder: Path = MODEL, size: dict[str, int] = OPUS_MT_SIZE) -> None:
    """Random Marian of `size` with a sentencepiece tokenizer trained on the demo corpus (vocab padded to size)."""
    if (folder / "model.safetensors").is_file():
        return
    import sentencepiece
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    from translate.demo import read_corpus

    torch.manual_seed(0)
    pairs = read_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        vocab = {"</s>": 0, "<unk>": 1}
        for name, column in (("source", 0), ("target", 1)):
            corpus = Path(tmp) / f"{name}.txt"
            corpus.write_text("\n".join(p[column] for p in pairs), encoding="utf-8")
            sentencepiece.SentencePieceTrainer.train(
                input=str(corpus), model_prefix=str(Path(tmp) / name), vocab_size=500, model_type="unigram",
                unk_id=0, bos_id=-1, eos_id=1, pad_id=-1, minloglevel=2)
            for line in (Path(tmp) / f"{name}.vocab").read_text(encoding="utf-8").splitlines():
                piece = line.split("\t")[0]
                if piece not in ("<unk>", "</s>"):
                    vocab.setdefault(piece, len(vocab))
        while len(vocab) < size["vocab"] - 1:  # the model's vocabulary size; <pad> last, as in opus-mt
            vocab[f"<filler{len(vocab)}>"] = len(vocab)
        vocab["<pad>"] = len(vocab)
        (Path(tmp) / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(str(Path(tmp) / "source.model"), str(Path(tmp) / "target.model"),
                                    str(Path(tmp) / "vocab.json"), source_lang="en", target_lang="rw")
        tokenizer.save_pretrained(folder)
    pad = len(vocab) - 1
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=size["d_model"],
        encoder_layers=size["layers"], decoder_layers=size["layers"], encoder_attention_heads=size["heads"],
        decoder_attention_heads=size["heads"], encoder_ffn_dim=size["ffn"], decoder_ffn_dim=size["ffn"],
        max_position_embeddings=512, pad_token_id=pad, eos_token_id=0, decoder_start_token_id=pad,
        forced_eos_token_id=0, scale_embedding=True, share_encoder_decoder_embeddings=True,
        static_position_embeddings=True, tie_word_embeddings=True)
    model = MarianMTModel(config)
    with torch.no_grad():
        model.get_input_embeddings().weight[pad].zero_()  # as real opus-mt checkpoints (and CT2) expect
        # The fillers only pad the vocabulary to opus-mt's size: outputs made of real pieces read back as the same
        # pieces, as a real model's do (a filler re-reads as a dozen characters, which skews glossary figures).
        fillers = [i for token, i in vocab.items() if token.startswith("<filler")]
        model.final_logits_bias[0, fillers] = -1e4
        # Word starts favoured, so that an output reads as words of a piece or two (random weights would string
        # pieces into one endless word, which no real model writes and which skews where terms can go).
        word_starts = [i for token, i in vocab.items() if token.startswith("\u2581")]
        model.final_logits_bias[0, word_starts] = 3.0
    model.save_pretrained(folder)


def convert_model(folder: Path = MODEL, ct2_folder: Path = CT2_MODEL) -> None:
    if not (ct2_folder / "inkuru-ct2.json").is_file():
        from translate.convert import convert_model as convert

        convert(str(folder), ct2_folder, quantization="int8", force=True)


def make_sentences(count: int) -> list[str]:
    """`count` English sentences of the held-out set (examples/held-out/: the English originals, then the English
    references of the Kinyarwanda ones), taken in turn."""
    from translate.document import has_words, split_paragraphs, split_sentences

    held_out = ROOT / "examples" / "held-out"
    rows = [line.split("\t") for line in (held_out / "articles.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    slugs = [slug for slug, lang in rows if lang == "en"] + [slug for slug, lang in rows if lang != "en"]
    sentences = [s for slug in slugs for p in split_paragraphs((held_out / f"{slug}.en.txt").read_text(encoding="utf-8"))
                 if p.has_words for u in p.units for s in split_sentences(u.text, "en") if has_words(s)]
    return [sentences[i % len(sentences)] for i in range(count)]


# --- workers (each runs in its own process) -------------------------------------------------------------------------


def _timed_passes(run: object, repeats: int) -> float:
    run()  # type: ignore[operator]  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def worker_hf(sentences: list[str], beam: int, tokens: int, repeats: int, batch: int) -> dict[str, float]:
    started = time.perf_counter()
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    torch.set_num_threads(THREADS)
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    model = AutoModelForSeq2SeqLM.from_pretrained(MODEL).eval()
    load = time.perf_counter() - started
    produced = []

    def run() -> None:
        produced.clear()
        for start in range(0, len(sentences), batch):
            encoded = tokenizer(sentences[start:start + batch], return_tensors="pt", padding=True)
            with torch.inference_mode():
                output = model.generate(**encoded, num_beams=beam, min_new_tokens=tokens, max_new_tokens=tokens,
                                        forced_eos_token_id=None, do_sample=False)
            produced.extend(tokenizer.batch_decode(output, skip_special_tokens=True))

    seconds = _timed_passes(run, repeats)
    assert len(produced) == len(sentences)
    return {"seconds": seconds, "load": load, "engine_seconds": seconds}


def worker_inkuru(sentences: list[str], beam: int, tokens: int, repeats: int, backend: str) -> dict[str, float]:
    """The real `inkuru translate` command, with the engine's calls timed to split off inkuru's own work."""
    started = time.perf_counter()
    import translate.engines as engines
    import translate.pipeline as pipeline
    from translate.cli import cli

    # Random weights loop on every sentence, where a trained model rarely does: the retry with repetition controls
    # would double the decoding and hide the engines' throughput, so this benchmark leaves it out.
    pipeline.is_degenerate = lambda source, hypothesis: False  # type: ignore[assignment]

    if backend == "hf":
        import torch

        torch.set_num_threads(THREADS)
    engine_time = [0.0]
    load_time = [0.0]
    original = engines.load_engine
    loaded: list[object] = []

    def load_timed(*args: object, **kwargs: object) -> object:
        if loaded:  # one engine for every pass, as one process translating several articles
            return loaded[0]
        loading = time.perf_counter()
        threads = {"threads": THREADS} if backend == "ct2" else {}
        engine = original(*args, output_tokens=tokens, **threads, **kwargs)  # type: ignore[arg-type]
        load_time[0] += time.perf_counter() - loading
        call = engine.translate_batch

        def timed(*a: object, **k: object) -> object:
            begun = time.perf_counter()
            try:
                return call(*a, **k)
            finally:
                engine_time[0] += time.perf_counter() - begun

        engine.translate_batch = timed  # type: ignore[method-assign]
        loaded.append(engine)
        return engine

    engines.load_engine = load_timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        model = CT2_MODEL if backend == "ct2" else MODEL
        args = ["translate", str(article), "--to", "rw", "--from", "en", "--model", str(model), "--backend", backend,
                "--beam", str(beam), "--glossary-mode", "check", "--no-cache", "-q",
                "--format", "json", "-o", str(Path(tmp) / "out.json")]
        first_load = time.perf_counter() - started
        totals = []
        engine_totals = []
        for attempt in range(repeats + 1):
            engine_time[0], load_time[0] = 0.0, 0.0
            begun = time.perf_counter()
            cli.main(args, prog_name="inkuru", standalone_mode=False)
            if attempt:  # the first pass is the warm-up
                totals.append(time.perf_counter() - begun - load_time[0])
                engine_totals.append(engine_time[0])
            else:
                first_load += load_time[0]
        result = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
        assert [p["action"] for p in result["paragraphs"]] == ["translated"] * len(sentences)
    return {"seconds": statistics.median(totals), "load": first_load, "engine_seconds": statistics.median(engine_totals)}


def worker_ct2_raw(sentences: list[str], beam: int, tokens: int, repeats: int, batch: int) -> dict[str, float]:
    """The CT2 engine alone (no CLI), for the batch-size sweep."""
    from translate.engines.ct2 import CT2Engine

    started = time.perf_counter()
    engine = CT2Engine(str(CT2_MODEL), beam=beam, output_tokens=tokens, threads=THREADS)
    load = time.perf_counter() - started
    ordered = sorted(sentences, key=len)

    def run() -> None:
        for start in range(0, len(ordered), batch):
            engine.translate_batch(ordered[start:start + batch], "en", "rw")

    seconds = _timed_passes(run, repeats)
    return {"seconds": seconds, "load": load, "engine_seconds": seconds}


def run_worker(name: str, beam: int, tokens: int, repeats: int, count: int, batch: int = BATCH) -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    sentences = make_sentences(count)
    if name == "hf-naive":
        figures = worker_hf(sentences, beam, tokens, repeats, batch=1)
    elif name == "hf-batched":
        figures = worker_hf(sentences, beam, tokens, repeats, batch=BATCH)
    elif name == "ct2-raw":
        figures = worker_ct2_raw(sentences, beam, tokens, repeats, batch)
    else:
        figures = worker_inkuru(sentences, beam, tokens, repeats, backend=name.removeprefix("inkuru-"))
    figures["rss_mb"] = peak_rss_mb()
    figures["tokens"] = count * tokens
    print("RESULT " + json.dumps(figures))


# --- driver --------------------------------------------------------------------------------------------------------


def measure(name: str, beam: int, args: argparse.Namespace, batch: int = BATCH) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", name, "--beam", str(beam), "--tokens", str(args.tokens),
               "--repeats", str(args.repeats), "--sentences", str(args.sentences), "--batch", str(batch)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "INKURU_CACHE_DIR": str(CACHE / "inkuru-cache")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{name} failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1].removeprefix("RESULT "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", choices=(*WORKERS, "ct2-raw"))
    parser.add_argument("--batch", type=int, default=BATCH, help=argparse.SUPPRESS)
    parser.add_argument("--ct2-batch-sweep", action="store_true",
                        help="only the CT2 engine at beam 4 in batches of 4, 8 and 16: speed against memory")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--tokens", type=int, default=40)
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.worker, args.beam, args.tokens, args.repeats, args.sentences, args.batch)
        return
    started = time.perf_counter()
    build_model()
    convert_model()
    if args.ct2_batch_sweep:
        for batch in (4, 8, 16):
            f = measure("ct2-raw", 4, args, batch)
            print(f"ct2 int8, beam 4, batches of {batch:>2}: {f['tokens'] / f['seconds']:5.0f} tokens/s, "
                  f"peak RSS {f['rss_mb']:.0f} MB")
        return
    print(f"model: {MODEL} (opus-mt shape, random weights); {args.sentences} sentences, outputs forced to "
          f"{args.tokens} tokens, batches of {BATCH} for hf-batched (inkuru: its defaults), {THREADS} threads, "
          f"median of {args.repeats} passes (setup {time.perf_counter() - started:.0f} s)")
    for beam in (4, 1):
        print(f"\nbeam {beam}:" if beam > 1 else "\ngreedy:")
        print(f"  {'engine':<12} {'tokens/s':>9} {'x naive':>8} {'peak RSS':>9} {'x naive':>8} {'load s':>7} "
              f"{'overhead':>9}")
        figures = {name: measure(name, beam, args) for name in WORKERS}
        base = figures["hf-naive"]
        for name, f in figures.items():
            speed = f["tokens"] / f["seconds"]
            overhead = f["seconds"] / f["engine_seconds"] - 1 if name.startswith("inkuru") else 0.0
            print(f"  {name:<12} {speed:9.0f} {speed / (base['tokens'] / base['seconds']):7.2f}x "
                  f"{f['rss_mb']:7.0f} MB {f['rss_mb'] / base['rss_mb']:7.2f}x {f['load']:7.2f} "
                  + (f"{overhead:8.1%}" if name.startswith("inkuru") else f"{'':>9}"))
        ct2 = figures["inkuru-ct2"]
        throughput = (ct2["tokens"] / ct2["seconds"]) / (base["tokens"] / base["seconds"])
        print(f"  goals: inkuru ct2 throughput {throughput:.2f}x naive (goal >= 4x): "
              f"{'met' if throughput >= 4 else 'NOT met'}; peak RSS {ct2['rss_mb'] / base['rss_mb']:.2f}x "
              f"(goal <= 0.35x): {'met' if ct2['rss_mb'] / base['rss_mb'] <= 0.35 else 'NOT met'}; overhead "
              + ", ".join(f"{n} {figures[n]['seconds'] / figures[n]['engine_seconds'] - 1:.1%}"
                          for n in ("inkuru-hf", "inkuru-ct2")) + " (goal <= 10 %)")


if __name__ == "__main__":
    main()
