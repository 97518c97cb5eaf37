"""Flat vs structured forward time, measured in one run on the same inputs (goal: ratio <= 1.05).

Usage: python benchmarks/flatten_speed.py [--arch cifar_resnet18] [--size 32] [--batch 64] [--reps 20]
Runs on CUDA when available. Timings interleave the two models so drift affects both alike.
"""
import argparse
import torch
from wong.models import get_model
from wong.flatten import flatten
from timing import median_times

ap = argparse.ArgumentParser()
ap.add_argument('--arch', default='cifar_resnet18'); ap.add_argument('--size', type=int, default=32)
ap.add_argument('--batch', type=int, default=64); ap.add_argument('--reps', type=int, default=20)
ap.add_argument('--width', type=int, default=64)
a = ap.parse_args()
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
torch.manual_seed(0)
structured = get_model(a.arch, width=a.width).to(dev).eval()
flat = flatten(structured, torch.zeros(1, 3, a.size, a.size, device=dev)).module.to(dev).eval()
x = torch.randn(a.batch, 3, a.size, a.size, device=dev)

ms, mf = median_times(structured, flat, x, a.reps)
print(f"{a.arch} {a.size}x{a.size} batch {a.batch} on {dev}: structured {ms*1e3:.1f} ms, flat {mf*1e3:.1f} ms (medians of {a.reps})")
print(f"flat/structured forward-time ratio: {mf/ms:.3f} (goal <= 1.05)")
