"""Build the offline demo models: tiny Marian / NLLB models trained on the team's own small corpus.

They exist so that the whole pipeline can be tried and tested without downloading weights. They memorise a few
hundred news sentences and are NOT useful for real translation; use opus-mt or NLLB-200 for that.
"""

from __future__ import annotations

import dataclasses
import json
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate.errors import InkuruError, InputError
from translate.fileio import read_text

CORPUS_PATH = Path(__file__).parent / "data" / "demo_corpus.tsv"
DEMO_NOTICE = "demo model: a toy trained on the Inkuru demo corpus to try the pipeline, not for real translation"


@dataclass(frozen=True)
class DemoSettings:
    """Training settings; the defaults reproduce the shipped demo exactly (seeded, fixed thread count)."""

    seed: int = 1234
    steps: int = 700
    batch_size: int = 32
    learning_rate: float = 3e-3
    d_model: int = 128
    layers: int = 1  # one encoder and one decoder layer learn the corpus as well as two, in half the time
    heads: int = 4
    ffn_dim: int = 256
    vocab_size: int = 900
    max_tokens: int = 128  # model input limit recorded in the tokenizer; longer sentences get split
    threads: int = 2
    # Initialise near d_model**-0.5 (Xavier-like), not transformers' 0.02: with 0.02 the scaled token embeddings
    # are swamped by the sinusoidal positions, and the decoder learns to ignore the source for hundreds of steps.
    init_std: float = 0.088


@dataclass(frozen=True)
class DemoReport:
    output_dir: Path
    family: str
    direction: str
    pairs: int
    parameters: int
    seconds: float
    final_loss: float


def read_corpus(path: Path = CORPUS_PATH) -> list[tuple[str, str]]:
    """Read the `en<TAB>rw` corpus (header row first)."""
    lines = read_text(path).splitlines()
    if not lines or lines[0].strip().split("\t") != ["en", "rw"]:
        raise InputError(f"{path}:1: expected the header 'en<TAB>rw'")
    pairs = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 2 or not all(c.strip() for c in cells):
            raise InputError(f"{path}:{number}: expected two non-empty tab-separated columns")
        pairs.append((cells[0].strip(), cells[1].strip()))
    return pairs


def _train_spm(texts: Sequence[str], prefix: Path, vocab_size: int, **ids: int) -> None:
    import sentencepiece as spm

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(texts) + "\n")
    try:
        spm.SentencePieceTrainer.train(
            input=handle.name, model_prefix=str(prefix), vocab_size=vocab_size, character_coverage=1.0,
            hard_vocab_limit=False, num_threads=1, minloglevel=2, **ids,
        )
    finally:
        Path(handle.name).unlink()


def _check_output_dir(output_dir: Path, force: bool) -> None:
    if output_dir.exists() and any(output_dir.iterdir()) and not force:
        raise InkuruError(f"{output_dir}: folder exists and is not empty; use --force to overwrite it")
    output_dir.mkdir(parents=True, exist_ok=True)


def _batches(examples: list[tuple[list[int], list[int]]], settings: DemoSettings, rng: random.Random) -> list[Any]:
    """Length-bucketed batches (less padding, faster steps), in shuffled order."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i][0]), rng.random()))
    chunks = [order[i:i + settings.batch_size] for i in range(0, len(order), settings.batch_size)]
    rng.shuffle(chunks)
    return chunks


def _train(model: Any, examples: list[tuple[list[int], list[int]]], pad_id: int, settings: DemoSettings,
           zero_row: int | None) -> float:
    """Teacher-forced training; returns the mean loss of the last 50 steps."""
    import torch

    rng = random.Random(settings.seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=settings.learning_rate, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / 50) * max(0.05, 1 - step / settings.steps)
    )
    model.train()
    losses: list[float] = []
    chunks: list[list[int]] = []
    for _ in range(settings.steps):
        if not chunks:
            chunks = _batches(examples, settings, rng)
        chunk = chunks.pop()
        sources = [examples[i][0] for i in chunk]
        targets = [examples[i][1] for i in chunk]
        width_s, width_t = max(map(len, sources)), max(map(len, targets))
        input_ids = torch.tensor([s + [pad_id] * (width_s - len(s)) for s in sources])
        labels = torch.tensor([t + [-100] * (width_t - len(t)) for t in targets])
        loss = model(input_ids=input_ids, attention_mask=(input_ids != pad_id).long(), labels=labels).loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        if zero_row is not None:
            # Real opus-mt checkpoints have a zero <pad> row (it is also the decoder start); keeping it zero
            # makes HF and CTranslate2 (start_from_zero_embedding) decode identically.
            with torch.no_grad():
                model.get_input_embeddings().weight[zero_row].zero_()
        losses.append(loss.item())
    model.eval()
    return sum(losses[-50:]) / len(losses[-50:])


def _marian(pairs: list[tuple[str, str]], source: str, target: str, out: Path, settings: DemoSettings) -> Any:
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    side = {"en": 0, "rw": 1}
    with tempfile.TemporaryDirectory() as tmp:
        spm_ids = {"unk_id": 0, "bos_id": -1, "eos_id": 1, "pad_id": -1}
        for name, lang in (("source", source), ("target", target)):
            _train_spm([p[side[lang]] for p in pairs], Path(tmp) / name, settings.vocab_size, **spm_ids)
        pieces: list[str] = []
        for name in ("source", "target"):
            vocab_lines = (Path(tmp) / f"{name}.vocab").read_text(encoding="utf-8").splitlines()
            pieces += [line.split("\t")[0] for line in vocab_lines]
        vocab = {"</s>": 0, "<unk>": 1}
        for piece in pieces:
            if piece not in ("<unk>", "</s>", "<s>"):
                vocab.setdefault(piece, len(vocab))
        vocab["<pad>"] = len(vocab)  # last, as in opus-mt (the CTranslate2 converter expects it there)
        (Path(tmp) / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(
            str(Path(tmp) / "source.model"), str(Path(tmp) / "target.model"), str(Path(tmp) / "vocab.json"),
            source_lang=source, target_lang=target, model_max_length=settings.max_tokens,
        )
        tokenizer.save_pretrained(out)
    size, pad = len(vocab), len(vocab) - 1
    config = MarianConfig(
        vocab_size=size, decoder_vocab_size=size, d_model=settings.d_model, encoder_layers=settings.layers,
        decoder_layers=settings.layers, encoder_attention_heads=settings.heads,
        decoder_attention_heads=settings.heads, encoder_ffn_dim=settings.ffn_dim, decoder_ffn_dim=settings.ffn_dim,
        max_position_embeddings=settings.max_tokens * 4, pad_token_id=pad, eos_token_id=0,
        decoder_start_token_id=pad, forced_eos_token_id=0, scale_embedding=True,
        share_encoder_decoder_embeddings=True, activation_function="swish", static_position_embeddings=True,
        tie_word_embeddings=True, dropout=0.0, attention_dropout=0.0, activation_dropout=0.0,
        init_std=settings.init_std,
    )
    model = MarianMTModel(config)
    src_col, tgt_col = side[source], side[target]
    examples = [
        (tokenizer(p[src_col])["input_ids"], tokenizer(text_target=p[tgt_col])["input_ids"]) for p in pairs
    ]
    return model, tokenizer, examples, pad, pad


def _nllb(pairs: list[tuple[str, str]], out: Path, settings: DemoSettings) -> Any:
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

    codes = {"en": "eng_Latn", "rw": "kin_Latn"}
    with tempfile.TemporaryDirectory() as tmp:
        _train_spm([t for p in pairs for t in p], Path(tmp) / "sentencepiece.bpe", settings.vocab_size * 2,
                   model_type="bpe", bos_id=0, pad_id=1, eos_id=2, unk_id=3)
        tokenizer = NllbTokenizer.from_pretrained(
            tmp, src_lang="eng_Latn", tgt_lang="kin_Latn", additional_special_tokens=list(codes.values()),
            model_max_length=settings.max_tokens,
        )
        tokenizer.save_pretrained(out)
    config = M2M100Config(
        vocab_size=len(tokenizer), d_model=settings.d_model, encoder_layers=settings.layers,
        decoder_layers=settings.layers, encoder_attention_heads=settings.heads,
        decoder_attention_heads=settings.heads, encoder_ffn_dim=settings.ffn_dim, decoder_ffn_dim=settings.ffn_dim,
        max_position_embeddings=settings.max_tokens * 4, pad_token_id=1, bos_token_id=0, eos_token_id=2,
        decoder_start_token_id=2, scale_embedding=True, dropout=0.0, attention_dropout=0.0,
        activation_dropout=0.0, tie_word_embeddings=True, init_std=settings.init_std,
    )
    model = M2M100ForConditionalGeneration(config)
    examples = []
    for en, rw in pairs:  # one model, both directions, selected by the language tags
        for (src_lang, src), (tgt_lang, tgt) in (((("en", en)), ("rw", rw)), (("rw", rw), ("en", en))):
            tokenizer.src_lang, tokenizer.tgt_lang = codes[src_lang], codes[tgt_lang]
            examples.append((tokenizer(src)["input_ids"], tokenizer(text_target=tgt)["input_ids"]))
    return model, tokenizer, examples, 1, None


def build_demo_model(
    output_dir: str | Path,
    *,
    direction: str = "en-rw",
    family: str = "marian",
    corpus: Sequence[tuple[str, str]] | None = None,
    settings: DemoSettings = DemoSettings(),
    force: bool = False,
) -> DemoReport:
    """Train and save a demo model folder that `--model output_dir` loads like any Hugging Face model."""
    if direction not in ("en-rw", "rw-en"):
        raise InkuruError(f"unknown direction {direction!r} (choices: en-rw, rw-en)")
    if family not in ("marian", "nllb"):
        raise InkuruError(f"unknown model family {family!r} (choices: marian, nllb)")
    out = Path(output_dir)
    _check_output_dir(out, force)
    pairs = list(corpus) if corpus is not None else read_corpus()
    started = time.perf_counter()

    import torch

    from translate.engines.hf import _import_transformers

    _import_transformers()
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(settings.threads)
    torch.manual_seed(settings.seed)
    try:
        source, target = direction.split("-")
        if family == "marian":
            model, tokenizer, examples, pad, zero_row = _marian(pairs, source, target, out, settings)
        else:
            model, tokenizer, examples, pad, zero_row = _nllb(pairs, out, settings)
        if family == "nllb":
            # One model learns both directions: as many steps per direction as a Marian demo, so that it learns
            # its corpus instead of stopping half way, where its output hangs on the CPU's rounding.
            settings = dataclasses.replace(settings, steps=settings.steps * 2)
        loss = _train(model, examples, pad, settings, zero_row)
    finally:
        torch.set_num_threads(previous_threads)
    model.config.inkuru_demo = True  # lets the CLI remind users that this is a toy
    model.generation_config.num_beams = 4
    model.generation_config.max_length = None
    if family == "marian":
        model.generation_config.bad_words_ids = [[pad]]
    model.save_pretrained(out)
    readme = f"# Inkuru {DEMO_NOTICE}\n\nfamily: {family}, direction: {direction if family == 'marian' else 'en-rw and rw-en'}\n"
    (out / "README.md").write_text(readme, encoding="utf-8")
    parameters = sum(p.numel() for p in model.parameters())
    return DemoReport(out, family, direction, len(pairs), parameters, time.perf_counter() - started, loss)
