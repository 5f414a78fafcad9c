"""Model sources: Hub failures told apart with the right advice each, and corrupt model files named."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx2
import pytest
from huggingface_hub import errors

from translate.errors import ModelError
from translate.models import hub_error, offline_message


def _response(status: int) -> httpx2.Response:
    return httpx2.Response(status, request=httpx2.Request("GET", "https://huggingface.co/api/models/org/m"))


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        (errors.LocalEntryNotFoundError("not in the cache"), "hf download org/m"),
        (errors.RepositoryNotFoundError("404", response=_response(404)), "was not found on the Hugging Face Hub"),
        (errors.GatedRepoError("gated", response=_response(403)), "accept its terms"),
        (errors.HfHubHTTPError("401 Unauthorized", response=_response(401)), "refused access (HTTP 401)"),
        (errors.HfHubHTTPError("429 Too Many Requests", response=_response(429)), "rate-limiting"),
        (errors.HfHubHTTPError("503 Service Unavailable", response=_response(503)), "error (HTTP 503)"),
        (OSError(28, "No space left on device"), "no space left on the disk"),
        (OSError("We couldn't connect to 'https://huggingface.co'"), "hf download org/m"),
    ],
)
def test_each_hub_failure_gets_its_own_advice(error: Exception, advice: str) -> None:
    message = str(hub_error("org/m", error))
    assert advice in message
    # Only a failure to reach the Hub (or a model missing from the offline cache) is called "offline".
    assert ("unreachable" in message) == (advice == "hf download org/m")


def test_the_cause_behind_a_wrapping_error_decides() -> None:
    try:
        try:
            raise errors.GatedRepoError("gated", response=_response(403))
        except errors.GatedRepoError as inner:
            raise OSError("You are trying to access a gated repo.") from inner
    except OSError as outer:
        assert "accept its terms" in str(hub_error("org/m", outer))
    assert "unreachable" in offline_message("org/m")


@pytest.mark.slow
@pytest.mark.parametrize("damaged", ["config.json", "tokenizer_config.json"])
def test_converting_a_model_with_a_corrupt_file_names_it(marian_en_rw: Path, tmp_path: Path, damaged: str) -> None:
    from translate.convert import convert_model

    model = tmp_path / "model"
    shutil.copytree(marian_en_rw, model)
    (model / damaged).write_text('{"model_type": "marian", ', encoding="utf-8")
    with pytest.raises(ModelError, match=damaged.replace(".", r"\.")):
        convert_model(str(model), tmp_path / "out", quantization="int8")
    assert not (tmp_path / "out").exists()
