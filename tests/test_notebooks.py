"""The notebooks in notebooks/: stored without outputs (readable diffs), and they run from a clean kernel on the
demo model."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NOTEBOOK_METADATA = {"kernelspec", "language_info"}


def test_the_notebooks_are_there() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"glossary_curation.ipynb", "translation_review.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_stripped(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert set(notebook.metadata) <= NOTEBOOK_METADATA, f"{path.name}: metadata {sorted(notebook.metadata)}"
    for index, cell in enumerate(notebook.cells):
        where = f"{path.name} cell {index}"
        assert cell.metadata == {}, f"{where}: cell metadata {dict(cell.metadata)}"
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{where}: has outputs (run nbstripout {path.relative_to(ROOT)})"
            assert cell.execution_count is None, f"{where}: has an execution count"


@pytest.mark.skipif(importlib.util.find_spec("nbstripout") is None, reason="nbstripout is not installed")
def test_nbstripout_would_change_nothing() -> None:
    done = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", *map(str, NOTEBOOKS)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_from_a_clean_kernel(path: Path, marian_en_rw: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    monkeypatch.setenv("INKURU_DEMO_MODEL", str(marian_en_rw))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    # One torch thread in the kernel: on a busy 2-core machine two spinning threads made the run 5x slower.
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    notebook = nbformat.read(path, as_version=4)
    # The kernel must be this environment's Python (ipykernel's "python3" runs sys.executable).
    check = nbformat.v4.new_code_cell(f"import sys\nassert sys.prefix == {sys.prefix!r}, sys.executable")
    notebook.cells.insert(0, check)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), f"{path.name}: no plot"
    assert any("text/markdown" in o.get("data", {}) for o in outputs), f"{path.name}: no table"
