"""Translation engines. Each wraps one model and translates batches of sentences; heavy imports stay inside."""

from translate.engines.base import Engine, EngineInfo, Hypothesis, IdentityEngine, TermConstraint

__all__ = ["Engine", "EngineInfo", "Hypothesis", "IdentityEngine", "TermConstraint", "load_engine", "BACKENDS",
           "choose_backend"]

# Backend name -> "module:factory", imported only when that backend is used (torch is never imported by --help,
# and the ct2 backend never imports it at all).
BACKENDS = {"hf": "translate.engines.hf:HFEngine", "ct2": "translate.engines.ct2:CT2Engine"}
BACKEND_CHOICES = ("auto", *BACKENDS)


def choose_backend(backend: str, model: str) -> tuple[str, str]:
    """(backend, model location) for a run. "auto" takes a converted CTranslate2 model when `model` is one or
    `inkuru models convert MODEL` has put one in the cache, else the Hugging Face engine."""
    from translate.convert import converted_dir
    from translate.engines.ct2 import is_ct2_model
    from translate.errors import ModelError

    if backend not in BACKEND_CHOICES:
        raise ModelError(f"unknown backend {backend!r} (choices: {', '.join(BACKEND_CHOICES)})")
    if backend == "hf":
        if is_ct2_model(model):
            raise ModelError(f"{model}: is a CTranslate2 model; use --backend ct2 (or auto)")
        return backend, model
    if is_ct2_model(model):
        return "ct2", model
    cached = converted_dir(model)
    if is_ct2_model(cached):
        return "ct2", str(cached)
    if backend == "ct2":
        raise ModelError(f"{model}: not a CTranslate2 model and not converted yet; run "
                         f"`inkuru models convert {model}` once (or use --backend hf)")
    return "hf", model


def load_engine(backend: str, model: str, **options: object) -> Engine:
    """Create the engine for `backend` ("auto" or a key of BACKENDS) loading `model` (a hub id or a folder)."""
    import importlib

    backend, location = choose_backend(backend, model)
    if backend == "ct2":
        options.pop("allow_pickle", None)  # converted models hold no pickle
    module_name, _, attr = BACKENDS[backend].partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory(location, **options)
