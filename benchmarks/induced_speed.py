"""Induced vs flat forward time for CIFAR ResNet18 at 32x32, the stem ReLU inducing every block ReLU
at k = 1,000 (goal: ratio <= 1.2), and the memory of the association buffers against the dense
one-hot choosing matrices of the original work. Timings interleave the two models; CUDA if available.

Usage: python benchmarks/induced_speed.py [--batch 64] [--reps 20] [--k 1000]
"""
import argparse
import numpy as np, torch
from wong.models import get_model
from wong.flatten import flatten
from wong.induced import InductionPlan, build_induced
from timing import median_times

ap = argparse.ArgumentParser()
ap.add_argument('--batch', type=int, default=64); ap.add_argument('--reps', type=int, default=20)
ap.add_argument('--k', type=int, default=1000)
a = ap.parse_args()
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
torch.manual_seed(0)
fl = flatten(get_model('cifar_resnet18', num_classes=100), torch.zeros(1, 3, 32, 32))
sites = {s.name: s.units for s in fl.relu_sites}
blocks = [s for s in sites if s != 'relu']
plan = InductionPlan.make({'relu': blocks}, [a.k], sites)
rng = np.random.default_rng(0)
ind = build_induced(fl, plan, {'relu': rng.choice(sites['relu'], a.k, replace=False)},
                    {s: rng.integers(0, a.k, sites[s]) for s in blocks})
flat, induced = fl.module.to(dev).eval(), ind.module.to(dev).eval()
x = torch.randn(a.batch, 3, 32, 32, device=dev)

mf, mi = median_times(flat, induced, x, a.reps)
print(f"cifar_resnet18 32x32 batch {a.batch} on {dev}, stem inducing {len(blocks)} block ReLUs at k={a.k}")
print(f"flat {mf*1e3:.1f} ms, induced {mi*1e3:.1f} ms (medians of {a.reps}); induced/flat forward-time ratio: {mi/mf:.3f} (goal <= 1.2)")
index_bytes = sum(sites[s] * 8 for s in blocks) + a.k * 8
dense_k = sum(a.k * sites[s] * 4 for s in blocks)
dense_u = sum(sites['relu'] * sites[s] * 4 for s in blocks)
print(f"association buffers: {index_bytes/2**20:.2f} MiB (int64 index vectors + prototype indices)")
print(f"dense float32 choosing matrices: {dense_k/2**30:.2f} GiB as (k x U_induced), "
      f"{dense_u/2**30:.1f} GiB as (U_inducer x U_induced); ratios {dense_k/index_bytes:,.0f}x and {dense_u/index_bytes:,.0f}x")
