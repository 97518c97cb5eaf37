"""Shared by the benchmarks: interleaved forward timings of two models on the same input; the training benchmarks' command line and batches."""
import statistics, time
import torch

def forward_time(model, x):
    "Seconds for one no-grad forward of `model` on `x` (synchronised on CUDA)."
    cuda = x.device.type == 'cuda'
    if cuda: torch.cuda.synchronize()
    t = time.perf_counter()
    with torch.no_grad(): model(x)
    if cuda: torch.cuda.synchronize()
    return time.perf_counter() - t

def median_times(a, b, x, reps=20, warmup=2):
    "Median forward times of `a` and `b`, alternating which runs first so drift affects both alike."
    for _ in range(warmup): forward_time(a, x); forward_time(b, x)
    ta, tb = [], []
    for i in range(reps):
        if i % 2: ta.append(forward_time(a, x)); tb.append(forward_time(b, x))
        else: tb.append(forward_time(b, x)); ta.append(forward_time(a, x))
    return statistics.median(ta), statistics.median(tb)

def cifar_training_setup(batches:int=40):
    "The command line (--width, --batches, --bs, --channels_last, --reps), CIFAR-sized random uint8 batches in memory (pad-crop-flip on the device) and a config; returns (args, data, cfg, dev, images)."
    import argparse
    from wong.config import get_cfg
    from wong.data import ImageTensors, _loaders
    ap = argparse.ArgumentParser()
    ap.add_argument('--width', type=int, default=16); ap.add_argument('--batches', type=int, default=batches)
    ap.add_argument('--bs', type=int, default=128); ap.add_argument('--channels_last', default='on')
    ap.add_argument('--reps', type=int, default=3)
    a = ap.parse_args()
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    n = a.batches * a.bs
    g = torch.Generator().manual_seed(0)
    x, y = torch.randint(0, 256, (n, 3, 32, 32), dtype=torch.uint8, generator=g), torch.randint(0, 10, (n,), generator=g)
    stats = ((0.49, 0.48, 0.45), (0.25, 0.24, 0.26))
    data = _loaders(ImageTensors(x, y, *stats, pad=4, flip=True), ImageTensors(x[:a.bs], y[:a.bs], *stats),
                    ImageTensors(x[:a.bs], y[:a.bs], *stats), a.bs, 10, 'synthetic', dev)
    cfg = get_cfg(cfg_list=['MODEL.WIDTH', a.width, 'DATA.BATCH_SIZE', a.bs, 'TRAIN.CHANNELS_LAST', a.channels_last])
    return a, data, cfg, dev, n
