# Why an importer left records out (import reports). Ids: src/core/import/mod.rs, SKIP_REASONS.

skip-fts-internal-flow = internal flow: moves money already counted as incoming to the location
skip-fts-outgoing-flow = outgoing flow: leaves the location
skip-fts-shared-flow = shared flow: FTS attributes it to several locations or years, outside this location's single total
skip-fts-duplicate-flow = duplicate flow id: already read from another page
skip-outside-countries = outside the selected countries
skip-outside-years = outside the selected years
skip-no-amounts = no requirements and no funding (both empty or 0)
skip-negative-funding = negative funding: a net refund or correction FTS records outside any appeal; dataset amounts cannot be negative
skip-duplicate-row = duplicate: the same record appears earlier in the file
skip-empty-row = empty row
skip-where-not-selected = not selected by the import's --where condition
skip-activity-not-selected = activity not selected
skip-iati-budget-left-out = budget row that did not become a need: a revised budget replaced it, another covers the same period, it is zero or unreadable, or budgets were not asked for
skip-duplicate-activity = duplicate activity: this iati-identifier was already read
skip-aiddata-project-without-amounts = AidData project without amounts: the release gives it no commitment or disbursement
skip-iati-transaction-type-1 = transaction type 1 (Incoming Funds): money received, already reported by its provider as a commitment or disbursement
skip-iati-transaction-type-4 = transaction type 4 (Expenditure): spending by the activity, not funding to a recipient
skip-iati-transaction-type-5 = transaction type 5 (Interest Payment): not funding
skip-iati-transaction-type-6 = transaction type 6 (Loan Repayment): not funding
skip-iati-transaction-type-7 = transaction type 7 (Reimbursement): not a pledge, commitment or disbursement
skip-iati-transaction-type-8 = transaction type 8 (Purchase of Equity): not funding
skip-iati-transaction-type-9 = transaction type 9 (Sale of Equity): not funding
skip-iati-transaction-type-10 = transaction type 10 (Credit Guarantee): underwrites a loan, moves no money
skip-outside-recipients = outside the selected region or recipients
skip-no-longer-listed = no longer listed in the latest snapshot (withdrawn, or described differently)
skip-after-until = after the date this version of the series stops at
