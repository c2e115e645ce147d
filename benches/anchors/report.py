#!/usr/bin/env python3
"""Prints the result of scripts/bench-anchors.sh: the machine, each time, our time ÷
the anchor's (best of three against best of three), and the check of the figures.

    python3 benches/anchors/report.py MACHINE_TXT RESULTS_JSONL
"""

import json
import sys


def main():
    machine, results = sys.argv[1], sys.argv[2]
    print(open(machine, encoding="utf-8").read().rstrip())
    lines = [json.loads(l) for l in open(results, encoding="utf-8") if l.strip()]
    labels = {l["engine"]: l.get("label") for l in lines if l.get("label")}
    chromium = labels.pop("chromium", None)
    if chromium:
        print(f"browser: {chromium}")
    print("anchors: " + "; ".join(sorted(set(labels.values()))))
    got = {(l["engine"], l["file"]): l for l in lines if "best" in l}

    print("\n| job | file | best s | median s |")
    print("|---|---|---|---|")
    for (engine, file), l in got.items():
        extra = ""
        if "analyzeLogInWorker" in l:
            extra = f" (analyzeLog in the worker {l['analyzeLogInWorker']:.2f} s)"
        if "cold" in l:
            extra = f" (first, cold: {l['cold']:.2f} s; registering the file {l['register']:.3f} s)"
        print(f"| {engine}{extra} | {file} | {l['best']:.3f} | {l['median']:.3f} |")

    def best(engine, file="clean"):
        l = got.get((engine, file))
        return l and l["best"]

    ratios = [
        ("native RFM ÷ Polars", "native rfm", ["polars"], 1.0),
        ("native RFM ÷ DuckDB", "native rfm", ["duckdb"], None),
        ("native RFM ÷ pandas", "native rfm", ["pandas"], None),
        ("native analyzeLog ÷ Polars' RFM", "native analyzeLog", ["polars"], 1.5),
        ("wasm RFM ÷ DuckDB-wasm query", "wasm rfm", ["duckdb-wasm query"], 1.0),
        (
            "page drop → results ÷ DuckDB-wasm (query + start-up)",
            "page drop → results",
            ["duckdb-wasm query", "duckdb-wasm start-up"],
            1.0,
        ),
    ]
    print("\n| ours ÷ anchor (best times, clean file) | ratio | goal |")
    print("|---|---|---|")
    for title, ours, anchors, goal in ratios:
        a = [best(x) for x in anchors]
        if best(ours) and all(a):
            goal_text = f"≤ {goal:.1f}" if goal else ""
            print(f"| {title} | {best(ours) / sum(a):.2f} | {goal_text} |")
    print("\n| messy ÷ clean (ours) | ratio | goal |")
    print("|---|---|---|")
    for engine in ("native rfm", "native analyzeLog", "wasm rfm", "page drop → results"):
        if best(engine) and best(engine, "messy"):
            print(f"| {engine} | {best(engine, 'messy') / best(engine):.2f} | ≤ 1.3 |")

    # The same per-customer figures everywhere (clean), and ours the same on the messy file.
    clean = {e: l["checks"] for (e, f), l in got.items() if f == "clean" and "checks" in l}
    messy = {e: l["checks"] for (e, f), l in got.items() if f == "messy" and "checks" in l}
    reference = clean.get("native rfm") or next(iter(clean.values()), None)
    if reference is None:
        print("\ncheck: no figures to compare")
        return
    differ = [e for e, c in clean.items() if c != reference] + [
        f"{e} (messy)" for e, c in messy.items() if c != reference
    ]
    print(
        f"\ncheck: {reference['customers']:,} customers, revenue {reference['revenue']:,}, "
        f"{reference['orders']:,} orders, ΣR {reference['sumR']:,} (and Σ last day, Σ revenue×R, "
        "Σ orders×last day)"
    )
    if differ:
        print("check: DIFFERENT figures from " + ", ".join(differ))
        for e in differ:
            c = clean.get(e) or messy.get(e.removesuffix(" (messy)"))
            print(f"  {e}: {c}")
        sys.exit(1)
    print(
        f"check: the same per-customer figures from {', '.join(clean)} on the clean file, "
        f"and from ours ({', '.join(messy)}) on the messy file"
    )


if __name__ == "__main__":
    main()
