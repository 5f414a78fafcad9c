"""Which model translates which direction, and where it comes from (the Hub or a local folder)."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from translate.errors import ModelError

DEFAULT_MODELS: dict[tuple[str, str], str] = {
    ("en", "rw"): "Helsinki-NLP/opus-mt-en-rw",
    ("rw", "en"): "Helsinki-NLP/opus-mt-rw-en",
}
NLLB_MODEL = "facebook/nllb-200-distilled-600M"
SUPPORTED_TYPES = {"marian": "marian", "m2m_100": "m2m100"}  # config.model_type -> family (NLLB is m2m_100)


@dataclass(frozen=True)
class ModelSource:
    ref: str  # as the user gave it
    local_dir: Path | None  # a folder on disk, or None for a Hub id

    @property
    def is_local(self) -> bool:
        return self.local_dir is not None


def default_model(source: str, target: str) -> str:
    return DEFAULT_MODELS[(source, target)]


def _looks_like_path(ref: str) -> bool:
    # Hub ids are "name" or "org/name"; anything else can only be meant as a folder.
    return ref.startswith((".", "/", "~")) or ref.count("/") > 1 or "\\" in ref


def resolve_model(ref: str) -> ModelSource:
    """Tell a local model folder from a Hub id, with a clear error for a folder that is not a model."""
    path = Path(ref).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"{ref}: not a model folder (no config.json); pass a folder saved by save_pretrained")
        return ModelSource(ref, path.resolve())
    if path.exists():
        raise ModelError(f"{ref}: is a file; --model takes a Hugging Face model id or a model folder")
    if _looks_like_path(ref):
        raise ModelError(f"{ref}: no such model folder")
    return ModelSource(ref, None)


def read_model_type(folder: Path) -> str:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{folder / 'config.json'}: cannot read the model config ({exc})") from None
    return str(config.get("model_type", ""))


def model_family(model_type: str, ref: str) -> str:
    try:
        return SUPPORTED_TYPES[model_type]
    except KeyError:
        raise ModelError(
            f"{ref}: unsupported model type {model_type!r} (supported: Marian/opus-mt and M2M100/NLLB-200)"
        ) from None


def folder_fingerprint(folder: Path) -> str:
    """A short content hash of a local model folder, for the run signature.

    Small files are hashed whole; large weight files by size plus their first and last MiB, which changes
    whenever the weights do without reading gigabytes at every start.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        size = path.stat().st_size
        digest.update(str(size).encode())
        with path.open("rb") as handle:
            if size <= 4 << 20:
                digest.update(handle.read())
            else:
                digest.update(handle.read(1 << 20))
                handle.seek(-(1 << 20), os.SEEK_END)
                digest.update(handle.read())
    return digest.hexdigest()[:12]


def hub_error(ref: str, exc: BaseException) -> ModelError:
    """What went wrong fetching model `ref` from the Hugging Face Hub, told by the error's type (and its causes),
    each with its own advice: not cached while offline, no such model, gated or private, rate limited, a Hub
    error, a full disk."""
    import errno

    from huggingface_hub import errors

    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for error in chain:
        if isinstance(error, errors.GatedRepoError):
            return ModelError(f"model {ref!r} is gated on the Hugging Face Hub: accept its terms on huggingface.co, "
                              "then log in with `hf auth login`")
        if isinstance(error, errors.RepositoryNotFoundError):
            return ModelError(f"model {ref!r} was not found on the Hugging Face Hub (check the id; a private model "
                              "needs `hf auth login`), or pass --model PATH")
        if isinstance(error, (errors.RevisionNotFoundError, errors.RemoteEntryNotFoundError)):
            return ModelError(f"model {ref!r}: {_first_line(error)}")
        if isinstance(error, errors.LocalEntryNotFoundError):
            return ModelError(offline_message(ref))
        if isinstance(error, errors.HfHubHTTPError):
            status = getattr(getattr(error, "response", None), "status_code", None)
            if status in (401, 403):
                return ModelError(f"model {ref!r}: the Hugging Face Hub refused access (HTTP {status}); "
                                  "log in with `hf auth login`, or check your token's permissions")
            if status == 429:
                return ModelError(f"model {ref!r}: the Hugging Face Hub is rate-limiting this machine (HTTP 429); "
                                  "try again in a few minutes, or log in with `hf auth login`")
            return ModelError(f"model {ref!r}: the Hugging Face Hub answered with an error (HTTP {status}): "
                              f"{_first_line(error)}; try again later")
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            return ModelError(f"model {ref!r}: no space left on the disk to download it (the cache is "
                              "~/.cache/huggingface, or $HF_HOME); free some space or pass --model PATH")
    text = str(exc).lower()
    if any(word in text for word in ("connect", "offline", "resolve", "timed out", "network")):
        return ModelError(offline_message(ref))
    return ModelError(f"model {ref!r}: cannot load it ({_first_line(exc)})")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def offline_message(ref: str) -> str:
    return (
        f"model {ref!r} is not in the local cache and the Hugging Face Hub is unreachable; "
        f"download it on a connected machine with `hf download {ref}` (the cache is ~/.cache/huggingface), "
        f"or pass --model PATH to a local model folder (there is no folder named {ref!r} here)"
    )


def is_demo_model(ref: str) -> bool:
    """True for a folder built by `inkuru models build-demo`, or converted from one (both carry a marker: in the
    HF config, or in the CTranslate2 manifest)."""
    folder = Path(ref).expanduser()
    for name in ("config.json", "inkuru-ct2.json"):
        try:
            if json.loads((folder / name).read_text(encoding="utf-8")).get("inkuru_demo"):
                return True
        except (OSError, ValueError, AttributeError):
            continue
    return False


def cache_dir() -> Path:
    """Inkuru's own cache (converted models, translation memory): $INKURU_CACHE_DIR or ~/.cache/inkuru."""
    configured = os.environ.get("INKURU_CACHE_DIR")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "inkuru"


PICKLE_RISK = (
    "pickle weights can run arbitrary code when loaded; pass --allow-pickle only for a model you trust "
    "(or convert it once to safetensors on a trusted machine)"
)


def check_weights(folder: Path, ref: str, allow_pickle: bool) -> None:
    """Refuse a model folder whose only weights are pickle files unless the user allows them."""
    if any(folder.glob("*.safetensors")) or allow_pickle:
        return
    pickles = sorted(p.name for p in folder.iterdir() if p.suffix in (".bin", ".pt", ".pth", ".ckpt", ".pkl"))
    if pickles:
        raise ModelError(f"{ref}: the model has only pickle weights ({', '.join(pickles)}), no .safetensors; "
                         + PICKLE_RISK)


def local_snapshot(ref: str) -> Path:
    """The folder holding model `ref`: the folder itself, or the Hub snapshot (downloaded unless offline)."""
    source = resolve_model(ref)
    if source.local_dir is not None:
        return source.local_dir
    from huggingface_hub import snapshot_download

    offline = os.environ.get("HF_HUB_OFFLINE") == "1"
    try:
        return Path(snapshot_download(ref, local_files_only=offline))
    except Exception as exc:  # the hub client raises many types (offline, not found, HTTP): name the case
        raise hub_error(ref, exc) from None
