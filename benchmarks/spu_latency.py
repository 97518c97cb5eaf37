"""Latency of SPU private inference on an emulated LAN and WAN, measured against wong's latency model.

Each party runs in its own process, connected by SPU's brpc link over loopback sockets. The network is emulated
by tc netem in a network namespace that the benchmark creates and removes, where the kernel has netem (root
needed); otherwise by wong's user-space delay proxy (`wong.spu_party.delay_proxy`), and the output says which.
Round trips are measured per node: its time with a round trip of --probe-rtt seconds, less its time without,
over that round trip. The model: compute (measured without delay) plus, per node, the larger direction at the
link's rate and its measured round trips times the round-trip time. Printed: measured / model per network.

    .venv/bin/python benchmarks/spu_latency.py                       # a small CNN on 16-pixel images (a minute)
    .venv/bin/python benchmarks/spu_latency.py --workdir work/cifar10_resnet18 --experiments masks_10pct_mb_s0 \
        --opts DATA.ROOT data/cifar10-jpeg                           # the CIFAR-10 flat model and reduced models
"""
import argparse, json, os, subprocess, tempfile
from pathlib import Path
import torch
from torch import nn
from wong.spu import lower, run_program, NETWORKS, latency

def netem_namespace(rtt:float, rate:float) -> str|None:
    "A network namespace whose loopback delays each packet by rtt/2 at `rate` bits per second (tc netem), or None where netem is missing."
    ns = f"wong-bench-{os.getpid()}"
    if subprocess.run(['ip', 'netns', 'add', ns], capture_output=True).returncode: return None
    ok = subprocess.run(['ip', 'netns', 'exec', ns, 'sh', '-c', f"ip link set lo up && tc qdisc add dev lo root netem delay {rtt / 2 * 1e3:g}ms rate {rate / 1e6:g}mbit"],
                        capture_output=True).returncode == 0
    if not ok: subprocess.run(['ip', 'netns', 'del', ns], capture_output=True); return None
    return ns

def measure(p, x, engine:str, folder:str, rtt:float=0., rate:float=0., emulate:str='proxy') -> dict:
    "Run program `p` with the parties as two processes; the network emulated by netem (when `emulate` is netem) or by the delay proxy."
    ns = netem_namespace(rtt, rate) if emulate == 'netem' and (rtt or rate) else None
    try: return run_program(p, {'x': x.numpy()}, engine, 3600, folder, processes=True, rtt=0. if ns else rtt, rate=0. if ns else rate,
                            prefix=('ip', 'netns', 'exec', ns) if ns else ())
    finally:
        if ns: subprocess.run(['ip', 'netns', 'del', ns], capture_output=True)

def small_model() -> tuple:
    torch.manual_seed(0)
    m = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
                      nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10)).eval()
    return {'small CNN': m}, torch.randn(1, 3, 16, 16)

def cifar_models(workdir:str, experiments:list, opts:list) -> tuple:
    from wong.config import get_cfg
    from wong.pipeline import Run
    from wong.mpc import _labels
    import wong.masks, wong.hybrid, wong.autorep, wong.knapsack   # their roles
    w = Path(workdir)
    runs = {e: Run(get_cfg(w/e/'config.yaml', ['OUTPUT.DIR', str(w), 'OUTPUT.NAME', e] + opts)) for e in experiments}
    first = next(iter(runs.values()))
    return {'flat': first.flat(), **{e: r.reduced(finetuned=True) for e, r in runs.items()}}, _labels(first.data.split('test'), 1)[0]

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--workdir'); ap.add_argument('--experiments', nargs='*', default=[]); ap.add_argument('--opts', nargs='*', default=[])
    ap.add_argument('--engines', nargs='+', default=['semi2k', 'cheetah'])
    ap.add_argument('--probe-rtt', type=float, default=0.02, help='round trip (s) of the run that measures round trips')
    ap.add_argument('--json', default=None, help='also write the rows to this file')
    a = ap.parse_args()
    models, x = cifar_models(a.workdir, a.experiments, a.opts) if a.workdir else small_model()
    emulate = 'netem' if netem_namespace(0.001, 1e9) is not None else 'proxy'   # probe, then removed
    if emulate == 'netem': subprocess.run(['ip', 'netns', 'del', f"wong-bench-{os.getpid()}"], capture_output=True)
    print(f"network emulated by {'tc netem in a network namespace' if emulate == 'netem' else 'the user-space delay proxy (this kernel has no netem)'}", flush=True)
    rows = []
    print('| model | engine | MiB | messages | round trips (measured) | LAN measured s | LAN model s | LAN measured / model | WAN measured s | WAN model s | WAN measured / model |')
    print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for engine in a.engines:
        for name, m in models.items():
            with tempfile.TemporaryDirectory() as d:
                p = lower(m, x)
                base = measure(p, x, engine, d)
                probe = measure(p, x, engine, d, a.probe_rtt, 0., emulate)
                rounds = {n['node']: max(0., (q['seconds'] - n['seconds']) / a.probe_rtt) for n, q in zip(base['nodes'], probe['nodes'])}
                compute = sum(n['seconds'] for n in base['nodes'])
                row = {'model': name, 'engine': engine, 'bytes': sum(n['bytes'] for n in base['nodes']), 'messages': sum(n['messages'] for n in base['nodes']),
                       'round_trips': sum(rounds.values()), 'compute': compute}
                for net, (rate, rtt) in NETWORKS.items():
                    got = measure(p, x, engine, d, rtt, rate, emulate)
                    row[f"{net}_measured"] = sum(n['seconds'] for n in got['nodes'])
                    row[f"{net}_model"] = compute + latency(base['nodes'], net, rounds)
                rows.append(row)
                print(f"| {name} | {engine} | {row['bytes'] / 2**20:.2f} | {row['messages']:,} | {row['round_trips']:.0f} | " +
                      ' | '.join(f"{row[f'{k}_measured']:.2f} | {row[f'{k}_model']:.2f} | {row[f'{k}_measured'] / row[f'{k}_model']:.2f}" for k in NETWORKS) + ' |', flush=True)
    if a.json: Path(a.json).write_text(json.dumps({'emulated_by': emulate, 'rows': rows}, indent=1))
