"""Collect the reports of every experiment of a work directory into one Markdown table and one plot.

Usage: python tools/collect_results.py WORKDIR OUT.png [--methods mapping,induced]   (prints the table)
       python tools/collect_results.py --csv images/cifar10_resnet18_cpu.csv OUT.png (the same from recorded figures)
Each point of the plot is labelled by its method and by whether it is before or after finetuning.
A CSV holds one row per experiment: experiment, method, drelus, test_before, test_after (top-1 %), note.
"""
import argparse, csv, json
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt

def from_reports(work:Path, keep:list) -> list:
    reports = {p.parent.parent.name: json.loads(p.read_text()) for p in sorted(work.glob('*/report/report.json'))}
    reports = {e: r for e, r in reports.items() if 'method' in r and (not keep or r['method'] in keep)}
    if not reports: raise SystemExit(f"no report of this wong version in {work}/*/report/report.json" + (f" for {', '.join(keep)}" if keep else ''))
    base = next(iter(reports.values()))['rows'][0]
    rows = [{'experiment': 'baseline', 'method': 'flat', 'drelus': base[1], 'test_before': 100 * base[3], 'test_after': None, 'note': ''}]
    rows += [{'experiment': e, 'method': r['method'], 'drelus': r['rows'][2][1], 'test_before': 100 * r['rows'][2][3],
              'test_after': 100 * r['rows'][3][3], 'note': ''} for e, r in reports.items()]
    return rows

def from_csv(path:Path) -> list:
    rows = list(csv.DictReader(open(path)))
    for r in rows:
        r['drelus'] = int(r['drelus']); r['test_before'] = float(r['test_before']); r['test_after'] = float(r['test_after']) if r['test_after'] else None
    return rows

def table_and_plot(rows:list, out:Path, title:str):
    base = next(r for r in rows if r['method'] == 'flat')
    exps = sorted((r for r in rows if r is not base), key=lambda r: -r['drelus'])
    print('| experiment | method | DReLUs per image | fraction of flat | test top-1 before finetuning | test top-1 after finetuning |')
    print('|---|---|---:|---:|---:|---:|')
    print(f"| baseline (flat) | | {base['drelus']:,} | 1.000 | {base['test_before']:.2f}% | |")
    for r in exps:
        print(f"| {r['experiment']} | {r['method']}{' (' + r['note'] + ')' if r['note'] else ''} | {r['drelus']:,} | {r['drelus']/base['drelus']:.3f} | "
              f"{r['test_before']:.2f}% | {r['test_after']:.2f}% |")
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.scatter([base['drelus']], [base['test_before']], marker='*', s=150, color='k', label='baseline (flat)')
    for j, method in enumerate(dict.fromkeys(r['method'] for r in exps)):
        es = [r for r in exps if r['method'] == method]
        for key, col, m in (('before finetuning', 'test_before', 'o'), ('after finetuning', 'test_after', 's')):
            ax.scatter([r['drelus'] for r in es], [r[col] for r in es], marker=m, color=f"C{j}", alpha=.45 if col == 'test_before' else 1,
                       label=f"{method}, {key}")
        for r in es: ax.annotate(r['experiment'], (r['drelus'], r['test_after']), fontsize=6, xytext=(3, 3), textcoords='offset points')
    ax.set_xscale('log'); ax.set_xlabel('DReLUs per image'); ax.set_ylabel('test top-1 (%)'); ax.grid(alpha=.3); ax.legend(fontsize=7, loc='lower right')
    ax.set_title(title, fontsize=9)
    fig.tight_layout(); fig.savefig(out, dpi=120)

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('workdir', nargs='?'); ap.add_argument('out')
    ap.add_argument('--csv', help='recorded figures instead of a work directory')
    ap.add_argument('--methods', default='', help='comma-separated methods to keep (default: every method)')
    a = ap.parse_args()
    if a.csv: rows, title = from_csv(Path(a.csv)), f"{Path(a.csv).stem}: recorded figures"
    else: rows, title = from_reports(Path(a.workdir), [m for m in a.methods.split(',') if m]), f"{Path(a.workdir).name} (measured)"
    table_and_plot(rows, Path(a.out), title)
