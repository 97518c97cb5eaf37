"""The CIFAR-10 width-16 flat model and each method's reduced model under every engine and setting: MiB, messages,
ReLU-type share, measured / predicted bytes, compute and modelled LAN/WAN seconds per image (one test image).

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/engines_cifar.py --workdir work/cifar10_resnet18 \
        --experiments masks_10pct_mb_s0 autorep_10pct_mb_s0_published knapsack_10pct_mb_s0 --opts DATA.ROOT data/cifar10-jpeg

Writes OUT/<engine>_<setting>/ (mpc.json, mpc.md, cost_model.json) and OUT/engines.md, the README's table.
"""
import argparse, time
from pathlib import Path
from wong.config import get_cfg
from wong.pipeline import Run
from wong.mpc import _labels, compare_private, calibrate
from wong.spu import compare_engine
from wong.io import write_text
import wong.masks, wong.hybrid, wong.autorep, wong.knapsack   # register their roles (a reduced model holds their layers)

ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
ap.add_argument('--workdir', required=True)
ap.add_argument('--experiments', nargs='+', required=True)
ap.add_argument('--out', default='results/engines')
ap.add_argument('--engines', nargs='+', default=['crypten', 'semi2k', 'cheetah'])
ap.add_argument('--settings', nargs='+', default=['public', 'secret'])
ap.add_argument('--images', type=int, default=1)
ap.add_argument('--opts', nargs='*', default=[])
a = ap.parse_args()
w = Path(a.workdir)
runs = {e: Run(get_cfg(w/e/'config.yaml', ['OUTPUT.DIR', str(w), 'OUTPUT.NAME', e] + a.opts)) for e in a.experiments}
first = next(iter(runs.values()))
models = {'flat': first.flat(), **{e: r.reduced(finetuned=True) for e, r in runs.items()}}
images, labels = _labels(first.data.split('test'), a.images)
rows = []
for engine in a.engines:
    for setting in a.settings:
        out = Path(a.out)/f"{engine}_{setting}"
        t0 = time.time()
        if engine == 'crypten':
            cm = calibrate(models['flat'], images) if setting == 'public' else None
            s = compare_private(models, images, labels, out, setting, 3600, cm)
        else: s = compare_engine(models, images, labels, out, engine, setting, 3600)
        print(f"{engine} {setting}: {time.time() - t0:.0f} s", flush=True)
        for name, v in s.items(): rows.append((engine, setting, name, v))
md = ['| engine | weights | model | MiB per image | measured / predicted | messages (CrypTen: rounds) | ReLU-type share | LAN s | WAN s |', '|---|---|---|---:|---:|---:|---:|---:|---:|']
for engine, setting, name, v in rows:
    pred = v.get('predicted_bytes')
    share = v.get('relu_share')
    if share is None: share = sum(d['bytes'] for k, d in v['by_kind'].items() if k not in ('linear layer', 'free', 'average pooling', 'max pooling')) / v['bytes_per_image']
    md.append(f"| {engine} | {setting} | {name} | {v['bytes_per_image']/2**20:.2f} | {v['bytes_per_image']/pred:.3f} | " if pred else f"| {engine} | {setting} | {name} | {v['bytes_per_image']/2**20:.2f} | - | ")
    md[-1] += f"{v.get('messages', v.get('rounds', 0)):,.0f} | {100*share:.0f}% | {v.get('lan_seconds', float('nan')):.2f} | {v.get('wan_seconds', float('nan')):.2f} |"
write_text('\n'.join(md) + '\n', Path(a.out)/'engines.md')
print('\n'.join(md))
