"""Clustering speed: wong's packed XOR/popcount FPS + association vs the original method, same data, one process.

The reference is the original work's approach: farthest-point sampling whose distances are updated
element by element in a Python loop, and association through scikit-learn's
`pairwise_distances_argmin(metric='hamming')` in chunks of 1,000 units. The reference is slow, so by
default it runs a measured fraction of its work (the first --ref_iters FPS iterations, the first
--ref_chunks association chunks) and extrapolates linearly (its cost per iteration and per chunk is
constant); --full runs all of it. The answers of the part it runs are compared with ours.
Also prints the cache's bytes per sign (goal: 1 bit).

Usage: python benchmarks/cluster_speed.py [--units 65536] [--images 512] [--k 256] [--full]
"""
import argparse, time, tempfile
from pathlib import Path
import numpy as np, torch
from sklearn.metrics import pairwise_distances_argmin
from wong.cluster import farthest_point_sampling, associate, as_words
from wong.cache import cache_drelus, cache_bytes_per_sign

ap = argparse.ArgumentParser()
ap.add_argument('--units', type=int, default=65536); ap.add_argument('--images', type=int, default=512)
ap.add_argument('--k', type=int, default=256); ap.add_argument('--ref_iters', type=int, default=3)
ap.add_argument('--ref_chunks', type=int, default=2); ap.add_argument('--full', action='store_true')
a = ap.parse_args()
dev = 'cuda' if torch.cuda.is_available() else 'cpu'

rng = np.random.default_rng(0)
# correlated signs, like a real layer: each unit copies one of 512 patterns with 10% of its bits flipped
patterns = rng.random((512, a.images)) > 0.5
signs = patterns[rng.integers(0, 512, a.units)] ^ (rng.random((a.units, a.images)) < 0.1)

# ---- ours
t0 = time.perf_counter()
words = as_words(signs, dev)
protos = farthest_point_sampling(words, a.k, first=0)
assoc = associate(words, words[torch.as_tensor(protos, device=words.device)])
if dev == 'cuda': torch.cuda.synchronize()
t_ours = time.perf_counter() - t0

# ---- reference: FPS, element-by-element distance updates in a Python loop
def hamming(u, v): return int(np.count_nonzero(u != v))
t0 = time.perf_counter()
iters = a.k - 1 if a.full else min(a.ref_iters, a.k - 1)
chosen = [0]; mind = [hamming(signs[u], signs[0]) for u in range(a.units)]; mind[0] = -1
t_init = time.perf_counter() - t0
t0 = time.perf_counter()
for _ in range(iters):
    nxt = max(range(a.units), key=lambda u: (mind[u], -u))
    chosen.append(nxt)
    for u in range(a.units):
        if mind[u] >= 0: mind[u] = min(mind[u], hamming(signs[u], signs[nxt]))
    mind[nxt] = -1
t_fps_ref = t_init + (time.perf_counter() - t0) / iters * (a.k - 1)
assert chosen == protos[:len(chosen)].tolist(), "reference FPS disagrees with wong"

# ---- reference: association with scikit-learn, chunks of 1,000 units
P = signs[protos]
n_chunks = -(-a.units // 1000)
run_chunks = n_chunks if a.full else min(a.ref_chunks, n_chunks)
t0 = time.perf_counter()
ref_assoc = np.concatenate([pairwise_distances_argmin(signs[i*1000:(i+1)*1000], P, metric='hamming') for i in range(run_chunks)])
t_assoc_ref = (time.perf_counter() - t0) / run_chunks * n_chunks
assert (ref_assoc == assoc[:len(ref_assoc)]).all(), "scikit-learn association disagrees with wong"

t_ref = t_fps_ref + t_assoc_ref
how = 'full run' if a.full else f'extrapolated from {iters} of {a.k-1} FPS iterations and {run_chunks} of {n_chunks} association chunks'
print(f"layer of {a.units:,} units x {a.images} images, k = {a.k}, on {dev}")
print(f"wong (packed XOR + popcount): {t_ours:.2f} s")
print(f"reference (Python-loop FPS + sklearn hamming argmin): {t_ref:.1f} s ({how})")
print(f"speed ratio reference/wong: {t_ref / t_ours:,.0f}x (goal >= 100x); results identical on the part the reference ran")

# ---- cache size on disk: a tiny model over 640 images
from wong.models import get_model
from wong.flatten import flatten
flat = flatten(get_model('cifar_resnet18', width=4), torch.zeros(1, 3, 32, 32)).module
with tempfile.TemporaryDirectory() as d:
    x = torch.randn(640, 3, 32, 32)
    cache_drelus(flat, [x[i:i+128] for i in range(0, 640, 128)], Path(d)/'c', n_images=640, progress=False)
    bps = cache_bytes_per_sign(Path(d)/'c')
    print(f"cache: {bps*8:.3f} bits per sign over 640 images (goal: 1 bit; the rest is .npy headers), "
          f"bool would be 8 bits, float32 32 bits")
