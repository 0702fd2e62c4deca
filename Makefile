# griffiepost: `make demo` and `make test` work on a fresh Debian machine with only Python installed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages: Dovecot (IMAP tests), Tesseract + Dutch (OCR), Chromium (browser tests),
# PostgreSQL (registry tests), poppler-utils (pdftoppm renders list PDFs in tests).
APT_TEST := dovecot-imapd tesseract-ocr tesseract-ocr-nld chromium postgresql poppler-utils
APT_DEMO := tesseract-ocr tesseract-ocr-nld poppler-utils

.PHONY: demo test fuzz bench install apt-test apt-demo apt-npm clean

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Debian-pakketten installeren:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing >/dev/null; \
	fi
endef

apt-test:
	$(call apt_install,$(APT_TEST))

apt-demo:
	$(call apt_install,$(APT_DEMO))

# axe-core (test-only, MPL-2.0) for the accessibility checks of the browser tests, from the npm registry.
# npm comes with the machine's Node.js; where it is missing, Debian's npm is installed.
tests/browser/node_modules/axe-core/axe.min.js: tests/browser/package.json
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory apt-npm
	npm install --prefix tests/browser --no-audit --no-fund --silent

apt-npm:
	$(call apt_install,npm)

test: install apt-test tests/browser/node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -q

# The fuzz tests of `make test` with a much larger budget (2,000 inputs per property; about half an hour).
fuzz: install apt-test
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_fuzz.py

demo: install apt-demo
	$(BIN)/griffiepost demo

bench: install apt-test
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) demo-data .pytest_cache .hypothesis
