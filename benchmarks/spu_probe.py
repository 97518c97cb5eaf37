"""What one unit of each MPC operation costs in SPU's semi2k and Cheetah (two parties in one process, 64-bit ring, 18
fraction bits): a DReLU (the comparison x >= 0), a ReLU (the comparison and x times its bit), a product of two secrets
and a square, from SPU's own counters (its HAL profile and link totals, printed by the engine itself).

Runs in the engine environment, not wong's (SPU needs numpy < 2 and jax 0.4.34; `make engines` creates `.venv-spu`):

    .venv-spu/bin/python benchmarks/spu_probe.py            # prints the table; --json FILE also writes it

Bytes are one party's sent plus received (with two symmetric parties, all the traffic between them, as wong counts
CrypTen's), per element, from the slope between two sizes (so Cheetah's one-time oblivious-transfer setup drops out).
Products of two secrets (a product, a square) are priced by the slope between 4,096 and 8,192: in Cheetah, SPU's
`MulAA` serves calls under 16,384 elements from a cache of Beaver triples that starts empty and is refilled by OLE
batches of 4,096 triples (ceil(2n / 8192) of them), so the two calls differ by exactly one refill and 4,096 uses, the
price of a product amortized over the cache's refills; a call of 16,384 or more is multiplied directly (about 221
bytes per element), so a slope up to 16,384 would straddle two routes.
Messages are the party's send actions per call. Correlated randomness (semi2k's Beaver triples) comes from a trusted
first party, as in CrypTen's default provider: the offline phase is not counted, in either engine.
"""
import argparse, json, re, subprocess, sys

OPS = {   # name -> the JAX function of two secret vectors a, b
    'drelu': 'lambda a, b: (a >= 0)',
    'relu': 'lambda a, b: jnp.maximum(a, 0)',
    'multiplication': 'lambda a, b: a * b',
    'square': 'lambda a, b: a * a',
}
PROTOCOLS = ('SEMI2K', 'CHEETAH')
PRODUCTS = ('multiplication', 'square')
PRODUCT_SIZES = (4096, 8192)   # both under 16,384: Cheetah's Beaver-cache route
SIZES = (4096, 16384)

CHILD = '''
import numpy as np, jax.numpy as jnp, sys
import spu.libspu as libspu, spu.utils.simulation as sim
protocol, op, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
cfg = libspu.RuntimeConfig(protocol=getattr(libspu.ProtocolKind, protocol), field=libspu.FieldType.FM64)
cfg.enable_hal_profile = True
cfg.experimental_enable_inter_op_par = False; cfg.experimental_enable_intra_op_par = False   # exact per-op counts (secretflow/spu issue 949)
rng = np.random.default_rng(0)
a, b = rng.standard_normal(n).astype(np.float32), rng.standard_normal(n).astype(np.float32)
sim.sim_jax(sim.Simulator(2, cfg), eval(OP))(a, b)
'''

def measure(protocol:str, op:str, n:int, python:str) -> dict:
    "Link totals of party 0 (sent + received bytes, send actions) of one call of `op` on `n` elements."
    p = subprocess.run([python, '-c', CHILD.replace('OP', repr(OPS[op])), protocol, op, str(n)], capture_output=True, text=True, timeout=600)
    if p.returncode != 0: raise RuntimeError(f"SPU {protocol} {op}: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode}")
    links = re.findall(r'Link details: total send bytes (\d+), recv bytes (\d+), send actions (\d+)', p.stdout + p.stderr)
    if not links: raise RuntimeError(f"SPU {protocol} {op}: no link totals in its output (enable_hal_profile)")
    sent, recv, actions = map(int, links[0])
    return {'bytes': sent + recv, 'messages': actions}

def probe(python:str=sys.executable) -> dict:
    "protocol -> op -> {'bytes' per element, 'messages' per call}."
    out = {}
    for protocol in PROTOCOLS:
        for op in OPS:
            sizes = PRODUCT_SIZES if op in PRODUCTS else SIZES
            small, large = (measure(protocol, op, n, python) for n in sizes)
            per = (large['bytes'] - small['bytes']) / (sizes[1] - sizes[0])
            out.setdefault(protocol.lower(), {})[op] = {'bytes': per, 'messages': large['messages']}
            print(f"{protocol.lower():8s} {op:15s} {out[protocol.lower()][op]['bytes']:8.1f} bytes per element, {large['messages']} messages", flush=True)
    return out

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--json', default=None, help='also write the figures to this file')
    a = ap.parse_args()
    r = probe()
    print('\n| engine | DReLU bytes | ReLU bytes | x times its bit (ReLU - DReLU) | product of two secrets | square | DReLU / product |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for e, d in r.items():
        print(f"| {e} | {d['drelu']['bytes']:.1f} | {d['relu']['bytes']:.1f} | {d['relu']['bytes'] - d['drelu']['bytes']:.1f} | "
              f"{d['multiplication']['bytes']:.1f} | {d['square']['bytes']:.1f} | {d['drelu']['bytes'] / d['multiplication']['bytes']:.2f} |")
    if a.json: open(a.json, 'w').write(json.dumps(r, indent=1))
