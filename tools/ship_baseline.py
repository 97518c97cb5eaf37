"""Ship a trained baseline: copy the weights a work directory's baseline step wrote into baselines/, with a JSON beside
them that says what they are (SHA-256, validation and test top-1, precision, device, epochs, the command), and print the
two lines the protocol's config needs. `make baseline DATA_ROOT=...` trains the CIFAR-10 CPU protocol's baseline and
calls this.

Usage: python tools/ship_baseline.py --cfg configs/cifar10_resnet18/train_baseline.yaml --out baselines/NAME.pth [--opts KEY VALUE ...]
"""
import argparse, json, shutil, sys, time
from pathlib import Path
from wong.config import get_cfg
from wong.io import file_hash, write_json, save_atomic
from wong.pipeline import Run
from wong.train import evaluate
from wong.ledger import device_name, precision_of, source_commit

ap = argparse.ArgumentParser()
ap.add_argument('--cfg', required=True); ap.add_argument('--out', required=True); ap.add_argument('--opts', nargs='*', default=[])
a = ap.parse_args()
cfg = get_cfg(a.cfg, a.opts)
run = Run(cfg, a.cfg, progress=False)
rec = run.record('baseline')
if rec is None: sys.exit(f"ship_baseline: the baseline step has not run in {cfg.OUTPUT.DIR}: run wong_induce --cfg {a.cfg} --steps baseline first")
if run.checkpoint(): sys.exit(f"ship_baseline: {a.cfg} starts from MODEL.CHECKPOINT {cfg.MODEL.CHECKPOINT}: there is no trained baseline to ship")
src, out = run.path('baseline')/'model.pth', Path(a.out)
save_atomic(src, out, lambda s, p: shutil.copyfile(s, p))
model = run.structured()
info = {'file': out.name, 'sha256': file_hash(out), 'bytes': out.stat().st_size, 'config': a.cfg,
        'arch': cfg.MODEL.ARCH, 'width': cfg.MODEL.WIDTH, 'num_classes': cfg.MODEL.NUM_CLASSES, 'epochs': cfg.TRAIN.EPOCHS, 'seed': cfg.TRAIN.SEED,
        'precision': precision_of(cfg, run.device), 'device': device_name(), 'commit': source_commit(),
        'valid_acc': rec.result.valid_acc, 'test_acc': evaluate(model, run.data, 'test'),
        'trained': time.strftime('%Y-%m-%d', time.gmtime(src.stat().st_mtime)),
        'command': f"make baseline DATA_ROOT=<CIFAR-10 image folders>   (wong_induce --cfg {a.cfg} --steps baseline, then tools/ship_baseline.py)"}
write_json(info, out.with_suffix('.json'))
print(json.dumps(info, indent=1))
print(f"\nfor the protocol's config:\n  CHECKPOINT: {out}\n  CHECKPOINT_SHA256: {info['sha256']}")
