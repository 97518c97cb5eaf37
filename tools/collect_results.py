"""Collect the reports of every experiment of a work directory into one Markdown table and one plot.

Usage: python tools/collect_results.py WORKDIR OUT.png [--methods mapping,induced]   (prints the table)
Each point of the plot is labelled by its method and by whether it is before or after finetuning.
"""
import argparse, json
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt

ap = argparse.ArgumentParser()
ap.add_argument('workdir'); ap.add_argument('out')
ap.add_argument('--methods', default='', help='comma-separated methods to keep (default: every method)')
a = ap.parse_args()
work, out = Path(a.workdir), Path(a.out)
keep = [m for m in a.methods.split(',') if m]
reports = {p.parent.parent.name: json.loads(p.read_text()) for p in sorted(work.glob('*/report/report.json'))}
reports = {e: r for e, r in reports.items() if 'method' in r and (not keep or r['method'] in keep)}
if not reports: raise SystemExit(f"no report of this wong version in {work}/*/report/report.json" + (f" for {', '.join(keep)}" if keep else ''))
order = sorted(reports, key=lambda e: -reports[e]['rows'][2][1])
base = reports[order[0]]['rows'][0]
print('| experiment | method | DReLUs per image | fraction of flat | test top-1 before finetuning | test top-1 after finetuning |')
print('|---|---|---:|---:|---:|---:|')
print(f"| baseline (flat) | | {base[1]:,} | 1.000 | {100*base[3]:.2f}% | |")
for e in order:
    r = reports[e]['rows']
    print(f"| {e} | {reports[e]['method']} | {r[2][1]:,} | {r[2][1]/base[1]:.3f} | {100*r[2][3]:.2f}% | {100*r[3][3]:.2f}% |")
fig, ax = plt.subplots(figsize=(6.5, 4.2))
ax.scatter([base[1]], [100 * base[3]], marker='*', s=150, color='k', label='baseline (flat)')
methods = list(dict.fromkeys(reports[e]['method'] for e in order))
for j, method in enumerate(methods):
    es = [e for e in order if reports[e]['method'] == method]
    for key, i, m in (('before finetuning', 2, 'o'), ('after finetuning', 3, 's')):
        xs = [reports[e]['rows'][i][1] for e in es]; ys = [100 * reports[e]['rows'][i][3] for e in es]
        ax.scatter(xs, ys, marker=m, color=f"C{j}", alpha=.45 if i == 2 else 1, label=f"{method}, {key}")
        if i == 3:
            for e, x_, y_ in zip(es, xs, ys): ax.annotate(e, (x_, y_), fontsize=7, xytext=(3, 3), textcoords='offset points')
ax.set_xlabel('DReLUs per image'); ax.set_ylabel('test top-1 (%)'); ax.grid(alpha=.3); ax.legend(fontsize=8)
ax.set_title(f"{work.name}: {', '.join(methods)} (measured)")
fig.tight_layout(); fig.savefig(out, dpi=120)
