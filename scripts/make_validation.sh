#!/bin/sh
# Regenerates the generated parts of docs/validation.md (between the "generated" markers) from
# the built binary's `validate --json`; the prose outside the markers is kept as written.
# Usage: scripts/make_validation.sh [path/to/dnnexplorer]   (default: build/dnnexplorer)
# Needs python3 (standard library only).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-"$root/build/dnnexplorer"}
[ -x "$bin" ] || { echo "make_validation.sh: no binary at $bin (build first)" >&2; exit 2; }
python=/usr/bin/python3
[ -x "$python" ] || python=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && "$bin" validate --json) > "$tmp/validate.json"
"$python" - "$tmp/validate.json" "$root/docs/validation.md" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
path = sys.argv[2]
def pct(x): return f"{100 * x:+.1f} %"
def stats(s):
    return (f"{s['rows']} rows, {s['families']} families, median |error| "
            f"{100 * s['median_abs_error']:.1f} %, worst {100 * s['worst_abs_error']:.1f} % "
            f"(`{s['worst_id']}`)")
summary = report["summary"]
lines = ["| | rows | families | median \\|error\\| | worst \\|error\\| |", "|---|---:|---:|---:|---:|"]
for key, label in (("all", "all evaluated rows"), ("accelerator", "rows timing the accelerator alone")):
    s = summary[key]
    lines.append(f"| {label} | {s['rows']} | {s['families']} | {100 * s['median_abs_error']:.1f} % | "
                 f"{100 * s['worst_abs_error']:.1f} % (`{s['worst_id']}`) |")
lines.append("")
lines.append(f"Measured rows listed: {report['rows_listed']}; evaluated: {summary['all']['rows']}.")
summary_md = "\n".join(lines)
rows = ["| id | design | layers | unit | measured | predicted | error | tolerance | scope | note |",
        "|---|---|---|---|---:|---:|---:|---:|---|---|"]
skipped = []
for r in report["rows"]:
    if not r["evaluated"]:
        skipped.append(f"- `{r['id']}` ({r['family']}, {r['network']}): {r['not_evaluated_because']}")
        continue
    note = r["note"].replace("|", "/")
    rows.append(f"| `{r['id']}` | `{r['design']}` | {r['layers']} | {r['unit']} | {r['measured']:g} | "
                f"{r['predicted']:.2f} | {pct(r['error'])} | {100 * r['tolerance']:.0f} % | {r['scope']} | {note} |")
table_md = "\n".join(rows) + "\n\nNot evaluated (listed, not dropped):\n\n" + "\n".join(skipped)
text = open(path).read()
def fill(text, name, body):
    pattern = re.compile(rf"(<!-- generated:{name} begin -->\n).*?(<!-- generated:{name} end -->)", re.S)
    if not pattern.search(text):
        sys.exit(f"make_validation.sh: {path} has no generated:{name} markers")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
text = fill(text, "summary", summary_md)
text = fill(text, "table", table_md)
open(path, "w").write(text)
PY
echo "wrote $root/docs/validation.md"
