"""`make fts-locations`: writes src/core/import/fts_locations.tsv, every location FTS knows by id.

FTS (api.hpc.tools) numbers places with OCHA's Countries & Territories Taxonomy: its column
"HPC Tools API ID" is FTS's location id, "HPC Tools Alt Term" FTS's own name where it differs from
the preferred term. The taxonomy ships in the PyPI package hdx-python-country (pinned in the
Makefile), so the table is rebuilt offline from a pinned, cited copy.

The taxonomy holds countries and territories only; FTS's other locations ("Global", id 251) are
added from the Location objects without ISO3 in the FTS files given after the wheel.

Usage: python3 data/scripts/fts-locations.py <hdx_python_country wheel> <version> [FTS JSON files…]
"""
import csv
import io
import json
import sys
import zipfile

wheel_path, version, fts_files = sys.argv[1], sys.argv[2], sys.argv[3:]
MEMBER = "hdx/location/Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
with zipfile.ZipFile(wheel_path) as wheel:
    text = wheel.read(MEMBER).decode("utf-8")

rows = []
for r in csv.DictReader(io.StringIO(text)):
    hpc_id = r["HPC Tools API ID"].strip()
    if not hpc_id:
        continue  # not a place FTS numbers (Kosovo, Sark, …): matched by name only
    iso3 = (r["ISO 3166-1 Alpha 3-Codes"] or r["x Alpha3 codes"]).strip()
    preferred = r["Preferred Term"].strip()
    fts_name = r["HPC Tools Alt Term"].strip() or preferred
    # Other names the same place goes by in FTS's and OCHA's files, matched without case.
    others = []
    for column in ("Preferred Term", "ISO Alt Term", "HPC Tools Alt Term", "RW Short Name", "RW API Alt Term", "English Short", "M49 English"):
        name = r[column].strip()
        if name and name.lower() != fts_name.lower() and name.lower() not in (o.lower() for o in others):
            others.append(name)
    clean = lambda s: s.replace("\t", " ").replace("\n", " ").replace("|", "/")
    rows.append((int(hpc_id), iso3, clean(fts_name), r["Admin Level"].strip() or "0", "|".join(map(clean, others))))

def areas(value):
    """Location objects without ISO3 (FTS's "Global" and regions) anywhere in an FTS response."""
    if isinstance(value, dict):
        if "id" in value and "iso3" in value and not value["iso3"] and value.get("name"):
            yield int(value["id"]), value["name"]
        for v in value.values():
            yield from areas(v)
    elif isinstance(value, list):
        for v in value:
            yield from areas(v)

known = {row[0] for row in rows}
for path in fts_files:
    with open(path, encoding="utf-8") as f:
        for area_id, name in areas(json.load(f)):
            if area_id not in known:
                known.add(area_id)
                rows.append((area_id, "", name, "0", ""))

rows.sort()
if len(rows) < 240:
    sys.exit(f"expected about 250 FTS locations in the taxonomy, found {len(rows)}")
header = [
    "# OCHA FTS locations: every place FTS numbers, with its id, ISO 3166 alpha-3, FTS's name, admin level, and other names.",
    "# Source: OCHA's Countries & Territories Taxonomy (column \"HPC Tools API ID\" = FTS's location id, \"HPC Tools Alt Term\"",
    f"# = FTS's own name), as shipped in the PyPI package hdx-python-country {version} (MIT; taxonomy by UN OCHA, open data).",
    "# Locations without ISO3 (\"Global\") come from the FTS responses in data/sources/fts-afghanistan-2020 (FTS open data).",
    "# Written by data/scripts/fts-locations.py (`make fts-locations`); names are matched without case; --locations adds a",
    "# newer copy of https://api.hpc.tools/v1/public/location at import time.",
    "id\tiso3\tname\tadmin_level\tother_names",
]
with open("src/core/import/fts_locations.tsv", "w", encoding="utf-8") as out:
    out.write("\n".join(header + ["\t".join(map(str, row)) for row in rows]) + "\n")
print(f"wrote {len(rows)} FTS locations")
