"""Collect the reports of every experiment of a work directory into one Markdown table and one plot.

Usage: python tools/collect_results.py WORKDIR OUT.png   (prints the table)
"""
import json, sys
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt

work, out = Path(sys.argv[1]), Path(sys.argv[2])
reports = {p.parent.parent.name: json.loads(p.read_text()) for p in sorted(work.glob('*/report/report.json'))}
order = sorted(reports, key=lambda e: -reports[e]['rows'][2][1])
base = reports[order[0]]['rows'][0]
print('| experiment | DReLUs per image | fraction of flat | test top-1 before finetuning | test top-1 after finetuning |')
print('|---|---:|---:|---:|---:|')
print(f"| baseline (flat) | {base[1]:,} | 1.000 | {100*base[3]:.2f}% | |")
for e in order:
    r = reports[e]['rows']
    print(f"| {e} | {r[2][1]:,} | {r[2][1]/base[1]:.3f} | {100*r[2][3]:.2f}% | {100*r[3][3]:.2f}% |")
fig, ax = plt.subplots(figsize=(6.5, 4.2))
ax.scatter([base[1]], [100 * base[3]], marker='*', s=150, color='k', label='baseline')
for key, i, m in (('before finetuning', 2, 'o'), ('after finetuning', 3, 's')):
    xs = [reports[e]['rows'][i][1] for e in order]; ys = [100 * reports[e]['rows'][i][3] for e in order]
    ax.scatter(xs, ys, marker=m, label=f"induced, {key}")
    if i == 3:
        for e, x_, y_ in zip(order, xs, ys): ax.annotate(e, (x_, y_), fontsize=7, xytext=(3, 3), textcoords='offset points')
ax.set_xlabel('DReLUs per image'); ax.set_ylabel('test top-1 (%)'); ax.grid(alpha=.3); ax.legend(fontsize=8)
ax.set_title(f"{work.name}: induced ReLUs on CIFAR-10 (measured)")
fig.tight_layout(); fig.savefig(out, dpi=120)
