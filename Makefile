# tertial: the two set-up commands are `make site` and `make test`; both work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)

.PHONY: site test fuzz install serve bench extract chromium poppler rscript clean zensical

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

## install: the virtual environment with the pinned dependencies (what `site` and `test` do first)
install: $(STAMP)

## site: build everything from sources/ and curation/ into datapackages/ and build/site/
site: $(STAMP)
	$(BIN)/tertial build

## test: the whole suite (unit, end-to-end, real browser)
test: $(STAMP) chromium poppler rscript
	$(BIN)/python -m pytest -n 2

## fuzz: the property-based (fuzz) tests with many more examples than in `make test`
fuzz: $(STAMP)
	$(BIN)/python -m pytest -m fuzz -n 2 --hypothesis-profile=fuzz

## zensical: build the same site with Zensical and compare it page by page (build/zensical-compare.json)
zensical: site
	$(BIN)/python -m tertial.site.zensical

## serve: preview the site on http://127.0.0.1:8000
serve: site
	$(BIN)/python -m http.server --directory build/site --bind 127.0.0.1 8000

## bench: the city-scale benchmark (13 districts, 4 years)
bench: $(STAMP)
	$(BIN)/tertial bench --districts 13 --years 4 --json build/bench.json

# Debian packages the tests need, installed when their command is missing: $(call debian,COMMAND,PACKAGE).
debian = @command -v $(1) >/dev/null 2>&1 || { \
  echo "installing Debian's $(2) for the tests"; \
  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(2) >/dev/null; }

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser download).
chromium:
	$(call debian,chromium,chromium)

# Poppler's pdftotext: the text a maintainer would get from a report PDF (tests/test_pdf_pdftotext.py).
poppler:
	$(call debian,pdftotext,poppler-utils)

# R with readr and jsonlite: the data page's R example is run as shown (tests/test_data_page_examples.py).
rscript:
	$(call debian,Rscript,r-base-core r-cran-readr r-cran-jsonlite)

clean:
	rm -rf build
