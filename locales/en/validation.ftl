# Validation of a dataset document. Each message follows the JSON pointer of the offending value.
# $expected is one of the type names below.
validation-not-json = not valid JSON (line { $line }, column { $column }): { $detail }
validation-missing = this required field is missing
validation-wrong-type = expected { $expected }
validation-empty = must not be empty
validation-unknown-format = not an Alianzas dataset (expected "format": "alianzas-dataset" / "alianzas-dataset-columnar")
validation-unsupported-version = version { $version } is not supported (1 is)
validation-unknown-code = unknown code "{ $code }" in the { $list } list
validation-shares-sum = shares add up to { $sum }, they must add up to 1
validation-negative-amount = the amount must not be negative
validation-year-out-of-range = year { $year } is outside 1900–2100
validation-bad-date = "{ $date }" is not a YYYY-MM-DD date
validation-bad-currency = "{ $currency }" is not a three-letter ISO 4217 currency code
validation-duplicate-id = id "{ $id }" is used more than once
type-object = an object
type-array = an array
type-string = a string
type-number = a number
type-integer = an integer
validation-not-chronological = this entry is dated before the one it follows: list the history oldest first
type-boolean = true or false
validation-parent-not-earlier = parent "{ $id }" is not an objective listed before this one in the same plan
validation-column-length = this column has { $found } entries; "count" says { $expected }
validation-index-out-of-range = index { $index } names no value: the column holds { $values }
validation-packed-index = this index is neither an array of integers nor a packed index ("u8:", "u16:" or "u32:" and base64): it goes wrong at character { $position }
