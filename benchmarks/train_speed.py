"""Training speed: wong's fastai training (make_learner + fit, the pipeline's path) against a plain PyTorch
loop (SGD with momentum and weight decay, the same one-cycle schedule's work per step) on the same model,
the same in-memory CIFAR-sized batches (pad-crop-flip on the device) and the same batch size, measured in
one run and interleaved; goal: fastai within 10% of the plain loop. Then the epoch time of CIFAR ResNet18
at widths 16 and 64 (45,000 training images), extrapolated from the measured images per second.

Usage: python benchmarks/train_speed.py [--width 16] [--batches 40] [--bs 128] [--channels_last on|off]
"""
import time
import torch
from torch import nn
from timing import cifar_training_setup
from wong.models import get_model
from wong.train import make_learner, fit

a, data, cfg, dev, n = cifar_training_setup(batches=40)

def sync(): torch.cuda.synchronize() if dev == 'cuda' else None

def fastai_epoch(model):
    learn = make_learner(model, data, cfg)
    learn.recorder.train_metrics = learn.recorder.valid_metrics = False
    sync(); t = time.perf_counter()
    with learn.no_logging(), learn.no_bar(): fit(learn, 1, 0.05, 'one_cycle')
    sync(); return time.perf_counter() - t

def plain_epoch(model):
    model = model.to(dev).train()
    if a.channels_last == 'on' or (dev == 'cuda' and a.channels_last == 'auto'): model = model.to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 0.05, total_steps=len(data.dls.train))
    loss_fn = nn.CrossEntropyLoss()
    sync(); t = time.perf_counter()
    for xb, yb in data.dls.train:
        loss = loss_fn(model(xb), yb)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); sched.step()
    with torch.no_grad():   # the validation pass fastai makes too
        model.eval()
        for xb, yb in data.dls.valid: model(xb)
    sync(); return time.perf_counter() - t

def fresh(): torch.manual_seed(0); return get_model('cifar_resnet18', width=a.width, num_classes=10)
plain_epoch(fresh()); fastai_epoch(fresh())   # warm-up
tf, tp = [], []
for _ in range(a.reps):   # interleaved
    tp.append(plain_epoch(fresh())); tf.append(fastai_epoch(fresh()))
tf, tp = sorted(tf)[len(tf) // 2], sorted(tp)[len(tp) // 2]
imgs = len(data.dls.train) * a.bs
print(f"device {dev}, CIFAR ResNet18 width {a.width}, batch {a.bs}, {len(data.dls.train)} batches, channels_last {a.channels_last}, median of {a.reps}")
print(f"plain PyTorch loop: {imgs / tp:7.1f} images/s")
print(f"wong (fastai):      {imgs / tf:7.1f} images/s")
print(f"fastai / plain time ratio: {tf / tp:.3f}  (goal <= 1.10)")
for w in sorted({16, 64}):
    rate = imgs / tf if w == a.width else imgs / fastai_epoch(get_model('cifar_resnet18', width=w, num_classes=10))
    print(f"estimated epoch time, width {w:>2}: {45000 / rate / 60:5.1f} min (45,000 images at {rate:.0f} images/s)")
