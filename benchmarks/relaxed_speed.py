"""Relaxed training speed: one epoch of SNL's relaxed model and of the hybrid's, trained the way `snl_trajectory` trains
them (fastai Learner, Adam, `SNLLoss` distilling from the flat model, the speed callbacks of TRAIN.CHANNELS_LAST), against
the flat model trained by the same Learner with the same loss (no relaxed site) in the same run, interleaved, on the same
in-memory CIFAR-sized batches. The hybrid runs twice: its sites as wong computes them (`SoftHybrid`, the signs in x's
layout) and as the formula written term by term (`hybrid_formula` through autograd, the signs as floats in the
(N, C, H, W) layout, as `HybridReLU.gate` gave them before it kept x's layout).
Prints images per second, the time ratios against the flat model, and the formula's time over `SoftHybrid`'s.

Usage: python benchmarks/relaxed_speed.py [--width 16] [--batches 30] [--bs 128] [--channels_last on|off] [--reps 3]
"""
import copy, time
import numpy as np
import torch
from torch import nn
from fastai.learner import Learner
from fastai.optimizer import Adam
from timing import cifar_training_setup
from wong.models import get_model
from wong.flatten import flatten
from wong.train import speed_callbacks
from wong.masks import with_sites, SoftMaskedReLU, SNLLoss
from wong.hybrid import relaxed_hybrid, SoftHybridReLU, hybrid_formula

a, data, cfg, dev, n = cifar_training_setup(batches=30)
torch.manual_seed(0)
flat = flatten(get_model('cifar_resnet18', width=a.width, num_classes=10), 32).module.to(dev)

def clusters_of(model, share=0.005, seed=0):
    "Random prototypes (0.5% of each site's units) and associations: the speed does not depend on which."
    from wong.relus import relu_sites
    rng, out = np.random.default_rng(seed), {}
    for r in relu_sites(model):
        if r.kind != 'relu': continue
        units = int(np.prod(r.shape)); k = max(1, round(share * units))
        out[r.name] = (rng.choice(units, k, replace=False), rng.integers(0, k, units), np.ones(units))
    return out

clusters = clusters_of(flat)

def float_signs(site, x, lent=None):
    "Every unit's borrowed sign as floats in (N, C, H, W) order, whatever x's layout."
    signs = (x.flatten(1).index_select(1, site.prototypes) >= 0).to(x.dtype)
    if lent is not None: signs = torch.cat([signs, lent.to(x.dtype)], 1)
    return signs.index_select(1, site.index.flatten()).view_as(x)

class FormulaSite(SoftHybridReLU):
    "A relaxed hybrid site computing `hybrid_formula` term by term, autograd differentiating it."
    def forward(self, x, lent=None): return hybrid_formula(x, self.alpha, self.beta, self.scale, self.shift, float_signs(self, x, lent))

def formula_hybrid():
    m = relaxed_hybrid(flat, clusters)
    for site in m.modules():
        if isinstance(site, SoftHybridReLU): site.__class__ = FormulaSite
    return m

arms = {'flat': lambda: flat,
        'snl': lambda: with_sites(flat, lambda r: SoftMaskedReLU(r.name, r.shape)),
        'hybrid': lambda: relaxed_hybrid(flat, clusters),
        'hybrid (formula)': formula_hybrid}

def sync(): torch.cuda.synchronize() if dev == 'cuda' else None

def epoch(make):
    model = copy.deepcopy(make())
    loss = SNLLoss(1e-3, copy.deepcopy(flat), 1.0, 4.)
    learn = Learner(data.dls, model, loss_func=nn.CrossEntropyLoss(), opt_func=Adam, wd=0., cbs=speed_callbacks(cfg, dev) + [loss])
    learn.recorder.train_metrics = learn.recorder.valid_metrics = False
    sync(); t = time.perf_counter()
    with learn.no_logging(), learn.no_bar(): learn.fit(1, 1e-3)
    sync(); return time.perf_counter() - t

for make in arms.values(): epoch(make)   # warm-up
times = {k: [] for k in arms}
for _ in range(a.reps):   # interleaved
    for k, make in arms.items(): times[k].append(epoch(make))
med = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
print(f"device {dev}, CIFAR ResNet18 width {a.width}, batch {a.bs}, {a.batches} batches, channels_last {a.channels_last}, median of {a.reps}")
for k, t in med.items():
    print(f"{k:>16}: {n / t:7.1f} images/s, time / flat {t / med['flat']:.2f}, epoch of 45,000 images {45000 / (n / t) / 60:.1f} min")
print(f"hybrid: the formula's time / SoftHybrid's {med['hybrid (formula)'] / med['hybrid']:.2f}")
