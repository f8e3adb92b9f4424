app-tagline = Who funds what, where and how: international cooperation and assistance
skip-to-charts = Skip to the charts
language = Language
source = Source
publisher = Publisher
licence = Licence
data-as-of = Data as of
retrieved = Retrieved
dataset-version = Version
headline-funding = Funding (committed + disbursed)
headline-pledged = Pledged
headline-donors = Donors
headline-recipients = Recipients
headline-contributions = Contributions
filters = Filters
year-from = From year
year-to = To year
any = All
amounts = Amounts
measure-funding = Funding (committed + disbursed)
active-filters = Active filters
no-active-filters = None: showing all data
clear-all = Clear all
remove-filter = Remove filter { $filter }
dim-year = Year
dim-region = Region
dim-recipient = Recipient
dim-donor = Donor
dim-obligation = Obligation
dim-model = Cooperation model
dim-kind = Kind
dim-status = Stage
chart-obligation = Funding by obligation
chart-region = Funding by region
chart-model = Funding by cooperation model
chart-timeline = Funding over time by cooperation model
chart-donors = Top donors
chart-pipeline = From pledge to disbursement
chart-gap = Need vs funded
show-table = Show the data as a table
hide-table = Hide the table
total = Total
others = Others
amount = Amount
contributions = Contributions
share = Share
need = Need
funded = Funded
unmet-need = Unmet need
coverage = Coverage
no-data = No data for this selection.
click-to-filter = Click a bar or slice to filter by it.
loading = Loading the dataset…
load-failed = Could not load the dataset { $dataset }.
load-failed-http = The server answered { $status }.
load-failed-network = There was no answer: check the address and your connection.
invalid-dataset = The dataset { $dataset } has { $count ->
        [one] one problem
       *[other] { $count } problems
    }, so it is not shown.
showing-bundled = Showing the bundled dataset instead.
back-to-bundled = Back to the bundled dataset
problem-at = at { $pointer }
more-problems = … and { $count } more.
summary-total = { $total } in total, in { $count ->
        [one] one contribution
       *[other] { $count } contributions
    }.
summary-largest = The largest share, { $amount } ({ $share }), went to { $name }.
summary-timeline = The year with most funding was { $year }, with { $amount }.
summary-pipeline = Pledged: { $pledged }; committed: { $committed }; disbursed: { $disbursed }.
summary-gap = Needs: { $need }; funded: { $funded } ({ $coverage }). The largest unmet need is { $recipient }: { $unmet }.
summary-gap-none = This dataset publishes no needs for this selection.
summary-no-data = No data for this selection.
gap-funding-note = Funded = committed + disbursed towards each need's plan or recipient.
dataset-format = Dataset format
json-schema = JSON Schema
source-code = Alianzas is open source
unit-millions = { $currency }, millions
unit-thousands = { $currency }, thousands
unit-ones = { $currency }
unknown-dataset = No bundled dataset has the id { $id }.
dataset-picker = Dataset
external-dataset = External dataset
generator = Imported with
import-report-title = Import report
report-summary = { $read ->
        [one] One record read
       *[other] { $read } records read
    }: { $imported } imported, { $skipped } skipped, { $rejected } rejected.
download-report-csv = Download the report (CSV)
skipped = Skipped
report-warnings = Imported, but read another way than the format says
rejected = Rejected
records = Records
chart-flows = Flows: donor → cooperation model → recipient
chart-pledges = Pledge follow-up by donor
summary-flows = The largest flow goes from { $donor } to { $recipient } ({ $model }): { $amount }.
summary-pledges = { $donors ->
        [one] One donor
       *[other] { $donors } donors
    } pledged { $pledged }; { $disbursed } has been disbursed ({ $share }).
summary-pledges-none = This dataset records no pledges for this selection.
disbursed-share = Share of pledge disbursed
model-rules-title = How the cooperation models were derived
equity-top = { $count ->
        [one] The largest recipient
       *[other] The { $count } largest recipients
    } received { $share } of the funding.
equity-unfunded = Obligations funded in other years but not in { $year }: { $obligations }.
equity-all-funded = Every obligation funded in the dataset receives funding in { $year }.
chart-keyboard-help = Use the arrow keys to move through the data, Enter to filter by a point and Escape to leave.
chart-role = chart
patterns = Patterns on charts
embed = Embed
embed-title = Embed this chart in another site
embed-help = Copy this code into your page. It shows the current filters and language, and version { $version } of the data.
direct-link = Direct link
copy = Copy
copied = Copied
close = Close
cite = How to cite
cite-text = { $publisher }: “{ $title }”, data as of { $as_of }, retrieved { $retrieved }. View in Alianzas: { $url }
download-csv = Table (CSV)
download-png = Image (PNG)
download-svg = Image (SVG)
download-data = Download the filtered contributions:
version-changed = This chart was embedded for version { $embedded } of the data; version { $shown } is shown.
external-source = External data: { $url }. Alianzas did not publish or review it.
open-full-dashboard = Open in Alianzas
too-large = { $url } is larger than { $megabytes } MB, the most this page downloads.
user-guide = User guide
dim-period = Period
half-year = { $year } H{ $half }
time-axis = Time axis
years = Years
half-years = Half-years (where dated)
document-root = the whole document

unit-billions = { $currency }, billions
period-undated = { $year }, date not given
summary-timeline-period = The period with most funding was { $period }, with { $amount }.
summary-selected = Selected: { $names }, { $amount } ({ $share }).
omit-not-recorded-donor = “{ $chart }” is not shown: this source does not say which donor gave the money.
omit-not-recorded-status = “{ $chart }” is not shown: this source does not split funding into pledged, committed and disbursed.
omit-not-recorded-model = “{ $chart }” is not shown: this source does not record cooperation models.
omit-not-recorded-obligation = “{ $chart }” is not shown: this source does not record what the money is for.
omit-single = “{ $chart }” is not shown: { $name } accounts for all of this dataset's money.
omit-single-year = “{ $chart }” is not shown: every contribution in this dataset is for { $year }.
omit-single-stage = “{ $chart }” is not shown: this source reports every contribution at one stage, { $stage }.
omit-no-pledges = “{ $chart }” is not shown: this dataset records no pledges.
omit-no-needs = “{ $chart }” is not shown: this dataset publishes no needs.
filters-applied = Filters: { $filters }
no-filters-applied = All data, no filters
charts-left-out = Charts not shown for this dataset
headline-not-reported = Not reported
years-swapped = “From year” came after “To year”: the two years were swapped, showing { $from }–{ $to }.
export-source = Source: { $publisher } · { $licence } · data as of { $as_of } · version { $version }
export-link = { $url } · saved { $date } with Alianzas
data-version = Data version { $version }
selected = selected
load-blocked = This page's security policy blocked { $url }: datasets from other sites must use an https address.
load-cors = The server of { $url } answered, but does not let other sites read the file (no CORS header). Ask its owner to send “Access-Control-Allow-Origin: *”, or put the file next to this site.
load-not-found = Nothing was found at { $url } (404): check the address.
load-not-json = { $url } cannot be read as a dataset: { $detail }
not-https = { $url } is not an https address: datasets from other sites must use https.
rule-line = { $rule } → { $code }: { $count ->
        [one] one contribution
       *[other] { $count } contributions
    }
model-rules-note = Each line counts contributions (not money) by the rule that decided their model.
csv-contribution = Contribution id
csv-donor-id = Donor id
csv-donor-type = Donor type
csv-model-rule = How the model was derived
csv-model-evidence = Model evidence
csv-obligation-rule = How the obligation was derived
csv-obligation-evidence = Obligation evidence
obligation-rules-title = How the obligations were derived
obligation-rules-note = Mine action (OECD DAC code 15250) does not say which Mine Ban Convention obligation it serves: the activity's title names it, else its description; several named share the amount equally. Each line counts contributions, not money.
counting-rule = Each amount counts once, at the furthest stage it reached: money paid counts as disbursed, the rest of a commitment as committed, the rest of a pledge as pledged. Funding is committed + disbursed; stages are never added to each other.
counted-once = Each amount counted once, at the furthest stage it reached.
chart-pledge-history = Pledges followed over time
snapshot-date = Snapshot
summary-pledge-history = On { $first }, { $pledged_first } was pledged and not yet committed; on { $last }, { $pledged_last }. Of { $pledges ->
        [one] the one pledge recorded
       *[other] the { $pledges } pledges recorded
    }, { $followed } became commitments or payments and { $still } { $still ->
        [one] is
       *[other] are
    } still only pledged.
omit-no-history = “{ $chart }” is not shown: this dataset does not follow contributions over time (it has one snapshot, not a series).
dim-place = State or department
place-none = Not placed below the country
chart-map = Funding by recipient country
chart-places = Funding by state or department
map-class = { $from } to { $to }
omit-no-countries = “{ $chart }” is not shown: this dataset's recipients are regions, not countries.
omit-no-places = “{ $chart }” is not shown: this dataset does not place money below the country.
map-legend = Shades
# The tooltip of an area of a map without money in the selection, below its name.
map-nothing-recorded = No amount recorded for this selection
map-unavailable = The map cannot be drawn: its boundaries could not be loaded. The table and the sentence above give every figure.
summary-places = { $placed } ({ $share } of this selection) is placed in { $count ->
        [one] one state or department
       *[other] { $count } states or departments
    } of { $country }; the most, { $amount }, in { $name }.
changes-title = What changed since version { $version } (data as of { $as_of })
changes-unavailable = The previous version could not be loaded.
changes-totals = Funding: { $funding_before } then, { $funding_after } now. Pledged: { $pledged_before } then, { $pledged_after } now.
changes-counts = { $added } contributions added, { $removed } no longer listed, { $changed } changed; { $moved } moved to a further stage (a pledge became a commitment or a payment).
changes-largest = The largest changes
changes-before = Before
changes-after = Now
# Funding and progress by objective (plans with objectives and indicators, dataset v1.1).
chart-objectives = Funding and progress by objective
progress-met = Target met
progress-towards = Moving towards target
progress-short = Short of target
progress-not-measured = No target or no actual
objective = Objective
plans-count = Plans
indicators-count = Indicators
unit-indicators = Number of indicators
summary-objectives = Plans with objectives: { $plans }. Of their { $indicators } indicators, { $met } met their target, { $towards } moved towards it from the baseline, { $short } fell short and { $unmeasured } had no target or no actual to compare. Indicators are in different units, so only how many met their target is added, never their values.
summary-objectives-money = The plans needed { $need }; funding that names them: { $funded }.
summary-objectives-money-not-reported = The plans needed { $need }; funding by plan or objective is not reported in this dataset.
summary-objectives-none = No plan with objectives for this selection.
omit-no-objectives = “{ $chart }” is not shown: this dataset declares no plans with objectives.
omit-no-funding = “{ $chart }” is not shown: this dataset publishes needs but no funding to set against them (not reported, which is not zero).
# Dataset titles and descriptions translated by the Alianzas team (data/catalog-translations.json).
translated-note = Title and description translated by the Alianzas team from the English original.
original-title = Original title

# The settings menu (language, theme, patterns) and the "About this data" section.
settings = Settings
theme = Colours
theme-system = As my device
theme-light = Light
theme-dark = Dark
motion-note = Animations follow your device's "reduce motion" setting.
about-data = About this data
filters-active = { $count ->
    [0] no filter active
    [one] one filter active
   *[other] { $count } filters active
}
search-label = Find a donor, recipient, place, obligation or model
search-results = { $count ->
    [0] No match
    [one] One match: use the arrow keys, then Enter
   *[other] { $count } matches: use the arrow keys, then Enter
}
several-selected = { $count } selected

# Compare: two to four years, donors or recipients side by side.
compare-title = { $dimension }: side by side
compare-two = { $first }: { $first_amount }; { $second }: { $second_amount }. { $larger } has { $difference } more ({ $percent } more).
compare-two-only = { $first }: { $first_amount }; { $second }: { $second_amount }. Only { $larger } has money here.
compare-two-equal = { $first } and { $second } have the same: { $amount } each.
compare-years = From { $earlier } to { $later }: { $before }, then { $after }, a change of { $change } ({ $percent }).
compare-years-new = From { $earlier } to { $later }: nothing, then { $after }.
compare-many = { $list }. The largest, { $largest }, has { $percent } more than the smallest, { $smallest }.
compare-pick = To compare, choose two to four donors or recipients in the filters or with the search box, then “Compare side by side”; or compare the last two years.
compare-years-button = Compare the last two years
compare-chosen-button = Compare side by side: { $names }
compare-close = Close the comparison
compare-partial-year = { $year } is covered only up to { $as_of }, the date of the data.

# The catalog view: a card per bundled dataset.
catalog-link = All { $count } datasets
catalog-title = Datasets
catalog-intro = Every dataset this page bundles, from real published sources. Open one to see its charts.
card-funding = Funding (committed + disbursed)
card-required = Required
card-records = { $count ->
    [0] no contributions
    [one] one contribution
   *[other] { $count } contributions
}
card-as-of = data as of { $date }
card-open = Open: { $title }
