# Quick start: `make demo` and `make test`. Each sets up its own virtual environment in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
DEMO_MODEL := .cache/demo-en-rw
DEMO_INPUT := examples/iran-drones-en.txt
# The review page's browser test drives Debian's Chromium (Playwright cannot download its own browser here).
BROWSER := /usr/bin/chromium

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch is pinned to 2.13.0 in pyproject.toml: the CPU build; anything looser pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-cache-dir -e '.[test,documents,cluster,serve]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

$(DEMO_MODEL)/config.json: $(STAMP) translate/demo.py translate/data/demo_corpus.tsv
	$(BIN)/inkuru models build-demo $(DEMO_MODEL) --direction en-rw --force

demo: $(DEMO_MODEL)/config.json
	$(BIN)/inkuru translate $(DEMO_INPUT) --to rw --model $(DEMO_MODEL) -o out/ \
		--format text --format json --format html --format markdown --format tsv --format xliff
	$(BIN)/inkuru translate examples/eac-summit-page-en.html --extract --to rw --model $(DEMO_MODEL) -o out/ \
		--format text --format json --format html
	@echo
	@echo "Demo output (EN->RW with the shipped glossaries; the demo model is a toy, not real translation):"
	@ls -1 out/*.* | sed 's|^|  |'
	@echo "Open out/iran-drones-en.rw.review.html in a browser to review, edit and approve the translation."
	@echo "out/eac-summit-page-en.rw.html is a whole saved web page with its article translated (--extract)."
	@echo
	@echo "Review both on the workstation (edits saved as you type and re-checked; approvals teach the memory):"
	@echo "  $(BIN)/inkuru serve out/workstation --model $(DEMO_MODEL) --import out/iran-drones-en.rw.json --import out/eac-summit-page-en.rw.json"
	@echo "then open the address it prints."

$(BROWSER):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "note: $(BROWSER) missing and not root; the browser test will be skipped"; fi

test: $(STAMP) $(BROWSER)
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

clean:
	rm -rf out .cache .pytest_cache
