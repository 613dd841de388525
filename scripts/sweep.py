#!/usr/bin/env python3
"""Behavioural sweep of the cost models and the search (run by hand, not in CI).

Runs `compare --json` over zoo networks (and non-default inputs), the ONNX and Caffe
fixtures, every catalog device, 16 and 8 bits, with and without Winograd, and checks
invariants that must hold on any input (docs/spec/MODELS.md, docs/models.md, docs/search.md):

  order      hybrid >= pipeline-only and >= generic-only; min-max >= DNNBuilder heuristic
  budget     a feasible design's DSP, BRAM18 and DRAM bandwidth are within the budget
  finite     no NaN/inf/negative metric
  gops       throughput_gops == 2 * MACs * fps / 1e9 (MACs from `analyze`)
  peak       DSP efficiency <= 1 for spatial designs, <= 9m^2/(m+2)^2 with Winograd F(m x m)
  latency    latency_ms >= 1000 / throughput_fps
  bound      a feasible design's slowest pipeline stage (or some generic layer) is not
             'dependency'
  parts      dsp_used / bram18_used are the sums of the parts'
  determinism  the same hybrid answer on --threads 1 and 2 (selected cases)
  monotone   raising one budget (25/50/75/100 %) never lowers the best throughput by > 1 %
  timing     the slowest runs (wall seconds)

Standard library only. Usage:
  scripts/sweep.py [--bin build/dnnexplorer] [--quick] [--jobs 2] [--only NAME,...]
Exit status 1 when any check is violated.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEVICES = ["zc706", "pynq_z1", "ultra96", "zcu102", "zcu104", "ku115", "ku115_accdnn", "vcu118",
           "vu9p_hybriddnn", "aws_f1", "u50", "u200", "u250", "u280"]
# 8-bit multiplies per DSP per cycle with a shared operand, the dense rate the reported DSP
# efficiency is measured against (docs/models.md 2.1; src/device/dsp_arithmetic.cpp): two on
# DSP48E1 as AccDNN splits it, two on DSP48E2 (WP486), three summed on DSP58.
PACK_8BIT = {"DSP48E1": 2, "DSP48E2": 2, "DSP58": 3}
REL = 1e-6


def run(binary, args):
    t0 = time.monotonic()
    p = subprocess.run([binary] + args, capture_output=True, text=True)
    return p, time.monotonic() - t0


def model_cases(quick):
    zoo = ["alexnet", "zfnet", "vgg16", "vgg19", "resnet18", "resnet34", "resnet50",
           "mobilenet_v1", "mobilenet_v2", "squeezenet1_1", "yolov2_tiny"]
    cases = [(m, []) for m in zoo]
    cases += [("vgglike_%d" % n, []) for n in (13, 27, 38, 64)]
    cases += [("vgg16", ["--input", "3x512x512"]), ("vgg16", ["--input", "3x64x64"]),
              ("resnet50", ["--input", "3x512x512"]), ("mobilenet_v2", ["--input", "3x64x64"]),
              ("resnet18", ["--input", "3x64x64"])]
    onnx = os.path.join(ROOT, "tests", "fixtures", "onnx")
    caffe = os.path.join(ROOT, "tests", "fixtures", "caffe")
    cases += [(os.path.join(onnx, f), []) for f in sorted(os.listdir(onnx))
              if f.endswith(".onnx") and "dynbatch" not in f]
    cases += [(os.path.join(onnx, "resnet18_dynbatch.onnx"), ["--batch", "1"])]
    cases += [(os.path.join(caffe, f), []) for f in sorted(os.listdir(caffe))
              if f.endswith(".prototxt")]
    if quick:
        cases = [c for c in cases if os.path.basename(c[0]) in
                 ("vgg16", "resnet50", "mobilenet_v2", "tiny_encoder.onnx", "alexnet.prototxt")]
    return cases


def label(model, extra):
    return " ".join([os.path.basename(model)] + extra)


class Sweep:
    def __init__(self, binary):
        self.binary = binary
        self.checks = {}      # check name -> [count, violations]
        self.violations = []  # (check, case, message)
        self.timings = []     # (seconds, case)

    def check(self, name, ok, case, message):
        c = self.checks.setdefault(name, [0, 0])
        c[0] += 1
        if not ok:
            c[1] += 1
            self.violations.append((name, case, message))

    def macs(self, model, extra):
        p, _ = run(self.binary, ["analyze", model, "--json"] + extra)
        if p.returncode != 0:
            return None
        return json.loads(p.stdout)["totals"]["macs"]

    # Invariants of one reported design (one of compare's four results).
    def check_design(self, case, which, r, macs, budget, family):
        if "metrics" not in r:
            self.check("feasible", not r["feasible"], case, "%s has no metrics" % which)
            return
        m = r["metrics"]
        finite = all(isinstance(v, (int, float)) and math.isfinite(v) and v >= 0
                     for v in m.values())
        self.check("finite", finite, case, "%s metrics %s" % (which, m))
        if not finite or not r["feasible"]:
            return
        eps = 1 + 1e-9
        self.check("budget", m["dsp_used"] <= budget["dsp"] and
                   m["bram18_used"] <= budget["bram18"] and
                   m["dram_bw_gbps_used"] <= budget["dram_bw_gbps"] * eps, case,
                   "%s uses dsp %d bram18 %d bw %.3f of %s" % (
                       which, m["dsp_used"], m["bram18_used"], m["dram_bw_gbps_used"], budget))
        gops = 2 * macs * m["throughput_fps"] / 1e9
        self.check("gops", abs(gops - m["throughput_gops"]) <= REL * max(gops, 1e-12), case,
                   "%s throughput_gops %.6g != 2*MACs*fps/1e9 = %.6g" % (
                       which, m["throughput_gops"], gops))
        pack = PACK_8BIT.get(family, 1) if budget["precision"] <= 8 else 1
        f = m["clock_mhz"] * 1e6
        if m["dsp_used"] > 0:
            eff = m["throughput_gops"] * 1e9 / (2 * f * m["dsp_used"] * pack)
            self.check("dsp_eff", abs(eff - m["dsp_efficiency"]) <= REL * max(eff, 1e-12), case,
                       "%s dsp_efficiency %.6g != %.6g" % (which, m["dsp_efficiency"], eff))
            g = r["design"].get("generic", {})
            has_generic = any(l["part"] == "generic" for l in r["layers"])
            wm = g.get("winograd_m", 0) if has_generic else 0
            limit = 9.0 * wm * wm / (wm + 2) ** 2 if wm else 1.0
            self.check("peak", eff <= limit * eps, case,
                       "%s DSP efficiency %.4f > %.4f (winograd_m %d)" % (which, eff, limit, wm))
        if m["throughput_fps"] > 0:
            self.check("latency", m["latency_ms"] * eps >= 1000 / m["throughput_fps"], case,
                       "%s latency %.4g ms < 1000/fps = %.4g ms" % (
                           which, m["latency_ms"], 1000 / m["throughput_fps"]))
        parts = r["parts"]
        self.check("parts", m["dsp_used"] == parts["pipeline"]["dsp"] + parts["generic"]["dsp"]
                   and m["bram18_used"] == parts["pipeline"]["bram18"] +
                   parts["generic"]["bram18"], case, "%s totals are not the parts' sums" % which)
        layers = r["layers"]
        pipe = [l for l in layers if l["part"] == "pipeline"]
        if pipe and not any(l["part"] == "generic" for l in layers):
            slowest = max(pipe, key=lambda l: l["cycles"])
            # DRAM-bound pipelines mark the stages moving DRAM data 'bandwidth' and the
            # rest (possibly the slowest by cycles) 'dependency' (docs/models.md 3.6).
            dram_bound = any(l["bound"] == "bandwidth" for l in pipe)
            self.check("bound", slowest["bound"] != "dependency" or dram_bound, case,
                       "%s slowest stage %s (%d cycles) is bound '%s'" % (
                           which, slowest["name"], slowest["cycles"], slowest["bound"]))
        else:
            self.check("bound", any(l["bound"] != "dependency" for l in layers), case,
                       "%s: every layer is 'dependency'" % which)

    def compare_case(self, model, extra, device, bits, wino):
        args = ["compare", model, "--device", device, "--precision", str(bits), "--json",
                "--quiet", "--threads", "1"] + extra + ([] if wino else ["--no-winograd"])
        case = "%s %s %db%s" % (label(model, extra), device, bits, "" if wino else " nowino")
        return case, run(self.binary, args)

    def check_compare(self, case, p, secs, macs):
        self.timings.append((secs, case))
        self.check("runs", p.returncode == 0, case, p.stderr.strip()[:200])
        if p.returncode != 0:
            return None
        d = json.loads(p.stdout)
        budget = d["budget"]
        res = d["results"]
        family = next((v["device_info"]["dsp_family"] for v in res.values()
                       if "device_info" in v), "DSP48E2")
        for which in ("dnnbuilder", "pipeline", "generic", "hybrid"):
            self.check_design(case, which, res[which], macs, budget, family)
        fps = {k: (v["metrics"]["throughput_fps"] if v["feasible"] else 0.0)
               for k, v in res.items()}
        tol = 1 - 1e-9
        self.check("order", fps["hybrid"] >= fps["pipeline"] * tol and
                   fps["hybrid"] >= fps["generic"] * tol and
                   fps["pipeline"] >= fps["dnnbuilder"] * tol, case,
                   "fps hybrid %.4g pipeline %.4g generic %.4g dnnbuilder %.4g" % (
                       fps["hybrid"], fps["pipeline"], fps["generic"], fps["dnnbuilder"]))
        return d

    def explore(self, model, extra, device, more):
        args = ["explore", model, "--device", device, "--json", "--quiet"] + extra + more
        p, secs = run(self.binary, args)
        if p.returncode != 0:
            return None, secs, p.stderr.strip()
        return json.loads(p.stdout), secs, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "dnnexplorer"))
    ap.add_argument("--quick", action="store_true", help="a handful of models only")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated parts: compare,determinism,"
                    "monotone (default all)")
    args = ap.parse_args()
    parts = set(args.only.split(",")) if args.only else {"compare", "determinism", "monotone"}
    sw = Sweep(args.bin)
    cases = model_cases(args.quick)

    if "compare" in parts:
        for model, extra in cases:
            macs = sw.macs(model, extra)
            sw.check("runs", macs is not None, label(model, extra), "analyze failed")
            if macs is None:
                continue
            jobs = [(model, extra, dev, bits, wino) for dev in DEVICES for bits in (16, 8)
                    for wino in (True, False)]
            with ThreadPoolExecutor(args.jobs) as pool:
                for case, (p, secs) in pool.map(lambda j: sw.compare_case(*j), jobs):
                    sw.check_compare(case, p, secs, macs)
            print("  %-40s done (%d runs, %d violations so far)" % (
                label(model, extra), len(jobs), len(sw.violations)), file=sys.stderr)

    if "determinism" in parts:
        for model, extra, dev in [("vgg16", [], "ku115"), ("resnet50", [], "zcu102"),
                                  ("mobilenet_v2", [], "u250"), ("vgglike_38", [], "vcu118")]:
            out = []
            for t in ("1", "2"):
                d, secs, err = sw.explore(model, extra, dev, ["--threads", t, "--seed", "7"])
                sw.timings.append((secs, "explore %s %s --threads %s" % (model, dev, t)))
                out.append(d and (d["design"], d["metrics"], d["search"]["evaluated"]))
            sw.check("determinism", out[0] is not None and out[0] == out[1],
                     "%s %s" % (model, dev), "--threads 1 and 2 differ")

    if "monotone" in parts:
        for model, extra, dev in [("vgg16", [], "ku115"), ("resnet50", [], "zcu102"),
                                  ("mobilenet_v2", [], "zc706"), ("vgglike_38", [], "ku115"),
                                  ("alexnet", [], "u280"), ("yolov2_tiny", [], "zcu104"),
                                  ("squeezenet1_1", [], "ultra96"), ("resnet18", [], "pynq_z1")]:
            for flag in ("--dsp", "--bram18", "--bw-gbps"):
                for wino in ([], ["--no-winograd"]):
                    fps = []
                    for pct in (25, 50, 75, 100):
                        d, secs, err = sw.explore(model, extra, dev,
                                                  [flag, "%d%%" % pct, "--threads", "1"] + wino)
                        fps.append(d["metrics"]["throughput_fps"] if d and d["feasible"] else 0)
                    case = "%s %s %s%s" % (model, dev, flag, " nowino" if wino else "")
                    # Every smaller budget against every larger one, not only neighbours.
                    drops = [(25 * (i + 1), 25 * (j + 1), fps[i], fps[j])
                             for i in range(4) for j in range(i + 1, 4)
                             if fps[j] < fps[i] * 0.99]
                    sw.check("monotone", not drops, case, "; ".join(
                        "%d%%: %.4g fps > %d%%: %.4g fps" % (a, fa, b, fb)
                        for a, b, fa, fb in drops))

    print("\n%-12s %8s %10s" % ("check", "cases", "violations"))
    for name, (count, bad) in sorted(sw.checks.items()):
        print("%-12s %8d %10d" % (name, count, bad))
    if sw.timings:
        print("\nslowest runs:")
        for secs, case in sorted(sw.timings, reverse=True)[:8]:
            print("  %6.2f s  %s" % (secs, case))
    if sw.violations:
        print("\nviolations:")
        for name, case, msg in sw.violations:
            print("  [%s] %s: %s" % (name, case, msg))
    return 1 if sw.violations else 0


if __name__ == "__main__":
    sys.exit(main())
