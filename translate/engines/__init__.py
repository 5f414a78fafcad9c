"""Translation engines. Each wraps one model and translates batches of sentences; heavy imports stay inside."""

from translate.engines.base import Engine, EngineInfo, Hypothesis, IdentityEngine, TermConstraint

__all__ = ["Engine", "EngineInfo", "Hypothesis", "IdentityEngine", "TermConstraint", "load_engine", "BACKENDS"]

# Backend name -> "module:factory", imported only when that backend is used (torch is never imported by --help).
BACKENDS = {"hf": "translate.engines.hf:HFEngine"}


def load_engine(backend: str, model: str, **options: object) -> Engine:
    """Create the engine for `backend` (see BACKENDS) loading `model` (a hub id or a local folder)."""
    import importlib

    from translate.errors import ModelError

    if backend not in BACKENDS:
        raise ModelError(f"unknown backend {backend!r} (choices: {', '.join(BACKENDS)})")
    module_name, _, attr = BACKENDS[backend].partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory(model, **options)
