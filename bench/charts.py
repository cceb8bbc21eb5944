"""Charts of a bench/run: intake throughput by concurrency, list latency by page depth. Usage: charts.py results.json dir"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

results = json.loads(Path(sys.argv[1]).read_text())
out = Path(sys.argv[2])
subtitle = f"{results['date']}, {results['cores']} cores, {results['mode']} run"

fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=False)
for ax, size in zip(axes, (1, 10)):
    cells = [c for c in results["intake"] if c["sizeMiB"] == size]
    concurrency = [c["concurrency"] for c in cells]
    ax.plot(concurrency, [c["service"]["megabytesPerSecond"] for c in cells], "o-", label="service (POST /applications)")
    ax.plot(concurrency, [c["direct"]["megabytesPerSecond"] for c in cells], "s--", label="baseline: MinIO SDK put")
    ax.set_xscale("log", base=2)
    ax.set_xticks(concurrency, [str(c) for c in concurrency])
    ax.set_xlabel("concurrent uploads")
    ax.set_ylabel("MB/s")
    ax.set_ylim(bottom=0)
    ax.set_title(f"{size} MiB CV")
    ax.grid(alpha=0.3)
axes[0].legend(fontsize=8)
fig.suptitle(f"Intake throughput by concurrency ({subtitle})")
fig.tight_layout()
fig.savefig(out / "intake-throughput.png", dpi=110)

targets = results["read"]["targets"]
names = [t["name"] for t in targets]
x = range(len(names))
fig, ax = plt.subplots(figsize=(10, 4.5))
ax.bar([i - 0.2 for i in x], [t["p50Ms"] for t in targets], width=0.4, label="p50")
ax.bar([i + 0.2 for i in x], [t["p99Ms"] for t in targets], width=0.4, label="p99")
ax.axhline(20, color="red", linestyle=":", label="list target: p99 20 ms")
ax.set_xticks(list(x), [n.replace(": ", ":\n").replace(" by cursor", "\nby cursor") for n in names], fontsize=8)
ax.set_ylabel("latency (ms)")
ax.set_title(f"Read path at {results['read']['connections']} connections, {results['read']['applications']:,} applications ({subtitle})")
ax.legend()
ax.grid(axis="y", alpha=0.3)
fig.tight_layout()
fig.savefig(out / "list-latency.png", dpi=110)
print(f"charts written to {out}")

open_loop = results["read"].get("openLoop")
if open_loop:
    fig, axes = plt.subplots(1, len(open_loop), figsize=(4 * len(open_loop), 4), sharey=True)
    for ax, curve in zip(axes, open_loop):
        rates = [s["rate"] for s in curve["steps"]]
        for key, label, style in (("p50Ms", "p50", "o-"), ("p99Ms", "p99", "s-"), ("p999Ms", "p99.9", "^--")):
            ax.plot(rates, [s[key] for s in curve["steps"]], style, label=label)
        ax.axhline(20, color="red", linestyle=":", label="target: p99 20 ms at 100/s")
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xticks(rates, [str(r) for r in rates], fontsize=7)
        ax.set_xlabel("offered requests/s")
        ax.set_title(curve["name"], fontsize=9)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("latency (ms)")
    axes[0].legend(fontsize=7)
    fig.suptitle(f"Latency at a fixed arrival rate, {results['read']['applications']:,} applications ({subtitle})")
    fig.tight_layout()
    fig.savefig(out / "open-loop.png", dpi=110)
