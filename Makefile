# Two commands on a fresh clone: `make publish` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install publish validate test evaluate bench screenshot clean

# constraints.txt pins every library, so a fresh publish writes the same bytes as the committed dist/.
$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED)

publish: install
	$(BIN)/sahel-data publish --raw raw --dist dist
	$(BIN)/sahel-data validate dist

validate: install
	$(BIN)/sahel-data validate dist

test: install
	$(BIN)/python -m pytest

# The tuning set (held to the bars by the tests), then texts written apart from it:
# heldout/ and blind2/ to blind14/ were each scored blind once (scores in their READMEs), then tuned on.
evaluate: install
	$(BIN)/python -m sahel_data.evaluate
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/heldout
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind2
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind3
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind4
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind5
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind6
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind7
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind8
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind9
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind10
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind11
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind12
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind13
	$(BIN)/python -m sahel_data.evaluate --gold-dir tests/gold/blind14

bench: install
	$(BIN)/python bench/run.py

screenshot: install
	$(BIN)/python scripts/screenshot.py dist

clean:
	rm -rf $(VENV) .pytest_cache
