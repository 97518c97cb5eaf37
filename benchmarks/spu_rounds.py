"""Round trips per call of each primitive in SPU's semi2k and Cheetah: the rounds a sweep's latency counts.

Each party runs in its own process, joined by SPU's brpc link over loopback (wong's delay proxy between them). Every
primitive is called once on 4,096 elements: a DReLU, a ReLU, x times a bit, a square (in Cheetah the square takes its
Beaver triples from the cache, which this call refills once). A node's round trips are its time with a round trip of
--rtt seconds, less its time without, over that round trip (the median of --repeats runs each).

    .venv/bin/python benchmarks/spu_rounds.py            # prints the table; --json FILE also writes it
"""
import argparse, json, statistics
import numpy as np
from wong.spu import Program, run_program, ENGINES, _probe_call

PRIMS = ('drelu', 'relu', 'mul_bit', 'square')

def program(n:int=4096) -> tuple:
    q, inputs = Program(False), {}
    for i, prim in enumerate(PRIMS): _probe_call(q, inputs, np.random.default_rng(i), prim, n, prim)
    q.outputs = [nd['instrs'][-1]['out'] for nd in q.nodes]
    return q, inputs

def node_seconds(engine:str, rtt:float) -> dict:
    q, inputs = program()
    return {nd['node']: nd['seconds'] for nd in run_program(q, inputs, engine, 600, processes=True, rtt=rtt)['nodes']}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--rtt', type=float, default=0.05)
    ap.add_argument('--repeats', type=int, default=3)
    ap.add_argument('--json', default=None)
    a = ap.parse_args()
    out = {}
    for engine in ENGINES:
        runs = {rtt: [node_seconds(engine, rtt) for _ in range(a.repeats)] for rtt in (0., a.rtt)}
        med = {rtt: {k: statistics.median(r[k] for r in rs) for k in PRIMS} for rtt, rs in runs.items()}
        out[engine] = {k: (med[a.rtt][k] - med[0.][k]) / a.rtt for k in PRIMS}
        print(f"{engine:8s} " + ', '.join(f"{k} {v:.1f}" for k, v in out[engine].items()), flush=True)
    print('\n| engine | ' + ' | '.join(f"{k} round trips" for k in PRIMS) + ' |\n|---|' + '---:|' * len(PRIMS))
    for e, d in out.items(): print(f"| {e} | " + ' | '.join(f"{v:.1f}" for v in d.values()) + ' |')
    if a.json: open(a.json, 'w').write(json.dumps(out, indent=1))
