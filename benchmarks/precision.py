"""Precision on the CPU: one epoch of the CIFAR-10 CPU protocol's baseline training (width-16 ResNet18, batch 128,
channels-last, one-cycle SGD, 45,000 training images decoded in memory) in fp32 and under bf16 autocast
(`TRAIN.MIXED_PRECISION bf16`, wong's `DeviceMixedPrecision`), interleaved, from the same seeded weights; prints the
time ratio bf16 / fp32 and each run's validation accuracy. With --epochs N each arm trains N epochs (its own one-cycle
schedule) and the accuracies compare a short training in both precisions.

Usage: python benchmarks/precision.py --root data/cifar10-jpeg [--epochs 1] [--reps 1] [--batches 0 (all)]
"""
import argparse, platform, time
import torch
from wong.config import get_cfg
from wong.data import get_data
from wong.models import get_model
from wong.train import make_learner, fit, seed_everything, evaluate

ap = argparse.ArgumentParser()
ap.add_argument('--root', required=True, help='CIFAR-10 as image folders: ROOT/train/<class>/*.jpg, ROOT/test/<class>/*.jpg')
ap.add_argument('--epochs', type=int, default=1); ap.add_argument('--reps', type=int, default=1)
ap.add_argument('--seed', type=int, default=0)
a = ap.parse_args()

cfg = get_cfg('configs/cifar10_resnet18/train_baseline.yaml', ['DATA.ROOT', a.root, 'TRAIN.SEED', a.seed])
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
data = get_data(cfg, dev)

def arm(precision):
    c = get_cfg(cfg_list=['TRAIN.MIXED_PRECISION', precision], base=cfg)
    torch.manual_seed(a.seed); model = get_model('cifar_resnet18', width=c.MODEL.WIDTH, num_classes=10)
    seed_everything(data, a.seed)
    learn = make_learner(model, data, c)
    if dev == 'cuda': torch.cuda.synchronize()
    t = time.perf_counter()
    with learn.no_logging(), learn.no_bar(): fit(learn, a.epochs, c.TRAIN.LR, c.TRAIN.SCHEDULE)
    if dev == 'cuda': torch.cuda.synchronize()
    return time.perf_counter() - t, evaluate(learn.model, data, 'valid')

times, accs = {'none': [], 'bf16': []}, {'none': [], 'bf16': []}
for i in range(a.reps):   # interleaved, the first arm alternating
    for p in (('none', 'bf16') if i % 2 == 0 else ('bf16', 'none')):
        t, acc = arm(p); times[p].append(t); accs[p].append(acc)
        print(f"rep {i}: {p:>4}: {t:7.1f} s for {a.epochs} epoch(s), valid top-1 {acc:.2%}", flush=True)
med = {p: sorted(v)[len(v) // 2] for p, v in times.items()}
print(f"device {dev} ({platform.processor() or platform.machine()}, {torch.get_num_threads()} threads), width {cfg.MODEL.WIDTH}, "
      f"batch {cfg.DATA.BATCH_SIZE}, {len(data.dls.train)} batches an epoch, {a.epochs} epoch(s), median of {a.reps}")
print(f"fp32: {med['none']:.1f} s, bf16: {med['bf16']:.1f} s; bf16 / fp32 time ratio: {med['bf16'] / med['none']:.3f}")
print(f"valid top-1 after {a.epochs} epoch(s): fp32 {', '.join(f'{x:.2%}' for x in accs['none'])}; bf16 {', '.join(f'{x:.2%}' for x in accs['bf16'])}")
