# reviewkit's one task runner. `make demo` and `make test` set everything up on a fresh
# Debian machine: system packages (via apt-get when root), a virtual environment, the package.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_TODAY := 2026-12-01

# What WeasyPrint needs on Debian, the fonts of Chinese (Noto CJK) and English packs (Noto Sans),
# pdftoppm for looking at pages, Cairo for the Word pack's figures.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-noto-core \
	fonts-dejavu-core poppler-utils libcairo2
# What only the tests need: LibreOffice opens the Word packs as a user's office suite would.
TEST_PACKAGES := libreoffice-writer-nogui

.PHONY: setup system demo test lint pytest golden readme bench fuzz pictures clean

setup: system $(STAMP)

system:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "Not a Debian system: install Pango, Cairo and a CJK font yourself (see README)."; exit 0; \
	fi; \
	missing=""; \
	for p in $(SYSTEM_PACKAGES) $(EXTRA_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if ! $(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1; then missing="$$missing python3-venv"; fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ]; then \
		echo "Installing system packages:$$missing"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	else \
		echo "reviewkit needs these system packages:$$missing"; \
		echo "Run:  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
		exit 1; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q reviewkit
	touch $(STAMP)

# The samples hold open work on purpose: check's exit code 1 is part of what the demo shows,
# so it is reported in words, and the demo ends with a summary of what it made (exit 0).
DEMO_DIR ?= demo

demo: setup
	@mkdir -p $(DEMO_DIR)
	@echo "== reviewkit check samples/ --today $(DEMO_TODAY) --statistics"
	@$(BIN)/reviewkit check samples/ --today $(DEMO_TODAY) --exit-zero --statistics
	@for format in md html pdf docx xlsx; do \
		echo "== reviewkit render samples/ --format $$format -o $(DEMO_DIR)/"; \
		$(BIN)/reviewkit render samples/ --today $(DEMO_TODAY) --format $$format -o $(DEMO_DIR)/ || exit 1; \
	done
	@echo "== reviewkit pipeline samples/ -o $(DEMO_DIR)/pipeline.pdf"
	@$(BIN)/reviewkit pipeline samples/ --today $(DEMO_TODAY) -o $(DEMO_DIR)/pipeline.pdf
	@echo "== reviewkit lessons portfolio/ -o $(DEMO_DIR)/lessons.pdf"
	@$(BIN)/reviewkit lessons portfolio/ -o $(DEMO_DIR)/lessons.pdf
	@$(BIN)/reviewkit check samples/ --today $(DEMO_TODAY) --output-file $(DEMO_DIR)/check.txt; \
		code=$$?; if [ $$code -gt 1 ]; then echo "check failed on the samples (exit $$code)"; exit $$code; fi; \
		echo; echo "Demo done, in $(DEMO_DIR)/:"; \
		echo "  check     $$(tail -n 1 $(DEMO_DIR)/check.txt) — exit code $$code, as expected:" \
			"the samples hold open work on purpose (every finding: $(DEMO_DIR)/check.txt)"; \
		echo "  render    $$(ls $(DEMO_DIR)/*.review.* | wc -l) review-meeting packs (Markdown, HTML, PDF, Word, Excel)"; \
		echo "  pipeline  $(DEMO_DIR)/pipeline.pdf, the director's view over every sample deal"; \
		echo "  lessons   $(DEMO_DIR)/lessons.pdf, what the lost deals of portfolio/ teach"

test pytest: EXTRA_PACKAGES = $(TEST_PACKAGES)

lint: setup
	$(BIN)/ruff check reviewkit tests bench docs
	$(BIN)/ruff format --check reviewkit tests bench docs
	$(BIN)/mypy

pytest: setup
	$(BIN)/python -m pytest

test: lint pytest

golden: setup
	$(BIN)/python -m pytest tests/present/test_render_text.py --update-golden

readme: setup
	$(BIN)/python -m pytest tests/present/test_ruledocs.py tests/present/test_formdocs.py --update-golden

bench: setup
	$(BIN)/python bench/check_vs_yamllint.py
	$(BIN)/python bench/pdf_vs_weasyprint.py
	$(BIN)/python bench/team_scale.py
	$(BIN)/python bench/batch_and_pipeline.py
	$(BIN)/python bench/limits.py

# The long fuzz: FUZZ_INPUTS mutated deal files (default 2000) through every command;
# prints inputs, runs, exits by code and time. `make test` runs 60 of them.
fuzz: setup
	FUZZ_INPUTS=$${FUZZ_INPUTS:-2000} FUZZ_SEED=$${FUZZ_SEED:-1} \
		$(BIN)/python -m pytest tests/test_fuzz.py -q -s -p no:cacheprovider

pictures: setup
	$(BIN)/python docs/make_pictures.py

clean:
	rm -rf $(VENV) demo build dist .pytest_cache .mypy_cache .ruff_cache
