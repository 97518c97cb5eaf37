"""Private inference cost, flat against induced: CIFAR ResNet18 at 32x32 under 2-party CrypTen, one image,
weights public and secret, bytes per image, rounds and seconds, and the ratio of bytes next to the ratio of
DReLUs. The induced model is the stem ReLU with 1,000 prototypes inducing itself and every block ReLU.

Usage: python benchmarks/mpc_cost.py [--widths 16 64] [--settings public secret] [--k 1000]
"""
import argparse
import numpy as np, torch
from wong.core import randomise_bn
from wong.models import get_model
from wong.flatten import flatten
from wong.induced import build_induced
from wong.relus import drelu_count
from wong.mpc import private_inference

ap = argparse.ArgumentParser()
ap.add_argument('--widths', type=int, nargs='*', default=[16, 64]); ap.add_argument('--settings', nargs='*', default=['public', 'secret'])
ap.add_argument('--k', type=int, default=1000)
a = ap.parse_args()
x = torch.randn(1, 3, 32, 32, generator=torch.Generator().manual_seed(0))
print('| width | setting | model | DReLUs | MB per image | rounds | seconds | max abs error |')
print('|---:|---|---|---:|---:|---:|---:|---:|')
for w in a.widths:
    torch.manual_seed(0)
    fl = flatten(randomise_bn(get_model('cifar_resnet18', width=w, num_classes=10)).eval(), 32)
    sites = [s.name for s in fl.relu_sites]
    U = fl.relu_sites[0].units
    rng = np.random.default_rng(0)
    ind = build_induced(fl, {'relu': sites}, {'relu': rng.choice(U, a.k, replace=False)},
                        {s.name: rng.integers(0, a.k, s.units) for s in fl.relu_sites}).module.eval()
    models = {'flat': fl.module.eval(), 'induced': ind}
    d = {k: drelu_count(m, 32) for k, m in models.items()}
    for setting in a.settings:
        runs = {k: private_inference(m, x, setting) for k, m in models.items()}
        for k, r in runs.items():
            print(f"| {w} | {setting} | {k} | {d[k]:,} | {r.total('bytes')/2**20:.2f} | {int(r.total('rounds')):,} | {r.seconds:.1f} | {r.max_abs_error:.4f} |", flush=True)
        print(f"| {w} | {setting} | induced/flat | {d['induced']/d['flat']:.4f} | {runs['induced'].total('bytes')/runs['flat'].total('bytes'):.4f} | "
              f"{runs['induced'].total('rounds')/runs['flat'].total('rounds'):.3f} | {runs['induced'].seconds/runs['flat'].seconds:.3f} | |", flush=True)
