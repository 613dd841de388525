#!/usr/bin/python3
"""Sweep the DSP budget of a board and plot what each accelerator paradigm makes of it.

Notebook-style use of the Python module (README "Python"): one network, one board, the DSP
budget from a quarter to all of the board's, and for each budget the best pipeline-only
(DNNBuilder), generic-only (HybridDNN) and hybrid (DNNExplorer) designs from `compare`.
Writes OUT/sweep.csv and OUT/sweep.png.

    PYTHONPATH=build/python /usr/bin/python3 examples/sweep_budgets.py --model resnet50 \
        --device zcu102 --precision 8 --out runs/sweep
"""
import argparse
import csv
import pathlib

import matplotlib

matplotlib.use("Agg")  # files only: works without a display
import matplotlib.pyplot as plt

import dnnexplorer as dx

ROWS = ("pipeline", "generic", "hybrid")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="vgg16")
    parser.add_argument("--device", default="ku115")
    parser.add_argument("--precision", type=int, default=16)
    parser.add_argument("--out", default="sweep")
    parser.add_argument("--quick", action="store_true", help="3 budgets and a small swarm (tests)")
    args = parser.parse_args()

    net = dx.load(args.model)
    shares = (25, 50, 100) if args.quick else (25, 38, 50, 63, 75, 88, 100)
    search = dict(swarm=6, iterations=4) if args.quick else {}
    points = []
    for share in shares:
        report = dx.compare(net, device=args.device, dsp=f"{share}%", precision=args.precision,
                            **search).to_dict()
        row = {"dsp_budget": report["budget"]["dsp"]}
        for name in ROWS:
            result = report["results"][name]
            row[name] = result["metrics"]["throughput_fps"] if result["feasible"] else None
        points.append(row)
        print(f"DSP {row['dsp_budget']:>6}: " +
              ", ".join(f"{n} {row[n]:.1f} fps" if row[n] else f"{n} infeasible" for n in ROWS))

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "sweep.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["dsp_budget", *ROWS])
        writer.writeheader()
        writer.writerows(points)

    fig, ax = plt.subplots(figsize=(6, 4))
    for name in ROWS:
        xs = [p["dsp_budget"] for p in points if p[name]]
        ax.plot(xs, [p[name] for p in points if p[name]], marker="o", label=name)
    ax.set_xlabel("DSP budget")
    ax.set_ylabel("frames/s")
    ax.set_title(f"{net.name} on {args.device}, {args.precision}-bit")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "sweep.png", dpi=120)
    print(f"wrote {out / 'sweep.csv'} and {out / 'sweep.png'}")


if __name__ == "__main__":
    main()
