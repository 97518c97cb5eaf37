"""Shared by the benchmarks: interleaved forward timings of two models on the same input."""
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
