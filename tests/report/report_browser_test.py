"""report.html in a real browser (headless Chromium through Selenium, Debian's chromium,
chromium-driver and python3-selenium): every chart renders marks, no JavaScript error is
logged, and what the page shows matches report.json.

Run by ctest (label `browser`): /usr/bin/python3 report_browser_test.py BUILD/dnnexplorer
"""
import json
import math
import pathlib
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SEARCH = ["--swarm", "6", "--iterations", "4", "--quiet"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # No sandbox: CI runs as root; no /dev/shm: containers give it 64 MB.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingOptions", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def open_report(driver, path):
    """Loads the page, waits for every chart, checks marks and the console; returns the page's
    chart ids."""
    driver.get(path.as_uri())
    WebDriverWait(driver, 60).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-rendered") is not None)
    charts = [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "div.chart")]
    rendered = int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-rendered"))
    check(rendered == len(charts), f"{path.name}: {rendered} of {len(charts)} charts rendered")
    for chart in charts:
        marks = driver.find_elements(By.CSS_SELECTOR, f"#{chart} svg g.role-mark > path, "
                                     f"#{chart} svg g.role-mark > line")
        check(len(marks) > 0, f"{path.name}: chart {chart} drew no marks")
    for entry in driver.get_log("browser"):
        check(entry["level"] not in ("SEVERE", "WARNING"),
              f"{path.name}: console {entry['level']}: {entry['message']}")
    return charts


def view_data(driver, chart, data):
    return driver.execute_script(f"return window.dnneViews['{chart}'].data('{data}');")


def count_marks(driver, chart, name):
    return len(driver.find_elements(By.CSS_SELECTOR, f"#{chart} svg g.{name} > path"))


def check_figures(driver, selector, metrics, where):
    """Each key figure cell: its exact value is the JSON's, its text the value rounded."""
    cells = driver.find_elements(By.CSS_SELECTOR, f"{selector} td[data-metric]")
    check(len(cells) == 9, f"{where}: {len(cells)} key figures shown")
    for cell in cells:
        key = cell.get_attribute("data-metric")
        value = float(cell.get_attribute("data-value"))
        check(close(value, metrics[key]), f"{where}: {key} {value} != {metrics[key]}")
        shown = float(cell.text.replace(",", ""))
        check(abs(shown - metrics[key]) <= 0.51 * 10 ** -(len(cell.text.partition(".")[2])),
              f"{where}: {key} shows {cell.text} for {metrics[key]}")


def check_design_charts(driver, report, suffix, where):
    layers = view_data(driver, "layers" + suffix, "layers")
    check([(l["name"], l["time_us"], l["bound"]) for l in layers] ==
          [(l["name"], l["time_us"], l["bound"]) for l in report["layers"]],
          f"{where}: layer chart data differ from report.json's layers")
    timed = sum(1 for l in report["layers"] if l["time_us"] > 0)
    check(count_marks(driver, "layers" + suffix, "bars") == timed,
          f"{where}: {count_marks(driver, 'layers' + suffix, 'bars')} bars for {timed} layers")
    split = report["design"]["split_point"]
    hybrid = 0 < split < len(report["layers"])
    rules = driver.find_elements(By.CSS_SELECTOR, f"#layers{suffix} g.split_rule > line")
    check(len(rules) == (1 if hybrid else 0), f"{where}: {len(rules)} split point rules")
    totals = {t["resource"]: t for t in view_data(driver, "resources" + suffix, "totals")}
    metrics, budget = report["metrics"], report["budget"]
    for label, used, available in (("DSP", "dsp_used", "dsp"), ("BRAM18", "bram18_used", "bram18"),
                                   ("LUT", "lut_used", "lut"),
                                   ("DRAM GB/s", "dram_bw_gbps_used", "dram_bw_gbps")):
        check(close(totals[label]["used"], metrics[used]), f"{where}: {label} used")
        check(close(totals[label]["budget"], budget[available]), f"{where}: {label} budget")


def check_design_space(driver, marked, front, where):
    for chart in ("space_dsp", "space_latency"):
        shown = {m["label"]: m for m in view_data(driver, chart, "marked")}
        for label, metrics in marked.items():
            check(label in shown and close(shown[label]["throughput_fps"], metrics["throughput_fps"])
                  and close(shown[label]["dsp_used"], metrics["dsp_used"]),
                  f"{where}: {chart} marks {label} elsewhere than report.json puts it")
        check(count_marks(driver, chart, "sample_marks") > 0, f"{where}: {chart} has no sample")
        if front is not None:
            points = view_data(driver, chart, "front")
            check([p["name"] for p in points] == [f["name"] for f in front],
                  f"{where}: {chart} front names differ from report.json's pareto")
            for p, f in zip(points, front):
                for key in ("throughput_fps", "latency_ms", "dsp_used", "bram18_used"):
                    check(close(p[key], f["metrics"][key]), f"{where}: {chart} {f['name']} {key}")
            check(count_marks(driver, chart, "front_marks") == len(front),
                  f"{where}: {chart} draws {count_marks(driver, chart, 'front_marks')} of "
                  f"{len(front)} front designs")


def main():
    cli = sys.argv[1]
    driver = browser()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp)
            for name, paradigm in (("explore_hybrid", "hybrid"), ("explore_pipeline", "pipeline")):
                run(cli, "explore", "alexnet", "--device", "zc706", "--paradigm", paradigm,
                    "--pareto", "--out", str(out / name), *SEARCH)
                report = json.loads((out / name / "report.json").read_text())
                page = out / name / "report.html"
                charts = open_report(driver, page)
                check(charts == ["layers", "resources", "space_dsp", "space_latency"],
                      f"{name}: charts {charts}")
                check_figures(driver, "table.figures", report["metrics"], name)
                check_design_charts(driver, report, "", name)
                check_design_space(driver, {"chosen": report["metrics"]}, report["pareto"], name)
                note = driver.find_element(By.ID, "space-note")
                check(int(note.get_attribute("data-front")) == len(report["pareto"]),
                      f"{name}: front size in the note")

            run(cli, "compare", "alexnet", "--device", "zc706", "--out", str(out / "compare"),
                *SEARCH)
            report = json.loads((out / "compare" / "report.json").read_text())
            charts = open_report(driver, out / "compare" / "report.html")
            results = report["results"]
            feasible = [p for p in ("pipeline", "dnnbuilder", "generic", "hybrid")
                        if results[p]["feasible"]]
            for paradigm in feasible:
                check_figures(driver, f"table.paradigms tr[data-paradigm={paradigm}]",
                              results[paradigm]["metrics"], f"compare {paradigm}")
            for key in ("throughput_fps", "latency_ms", "dsp_used", "bram18_used", "uram_used",
                        "lut_used"):
                bars = view_data(driver, "paradigm_" + key, "values")
                check([(b["paradigm"], b["value"]) for b in bars] ==
                      [(p, results[p]["metrics"][key]) for p in feasible],
                      f"compare: {key} chart differs from report.json")
            check_design_charts(driver, results["hybrid"], "", "compare hybrid")
            check_design_space(driver, {p: results[p]["metrics"] for p in feasible}, None,
                               "compare")
            check(len(charts) == 10, f"compare: charts {charts}")
    finally:
        driver.quit()
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
