"""Peak memory of every pipeline step against the size of the decoded data.

Runs `wong_induce` once per step, each in a fresh process (`--steps S`, in order, in one work
directory), then the whole command in one process, and prints each process's peak resident set size
(from the operating system's accounting of the child, `wait4`) as MiB and as a ratio to the decoded
images (N x 3 x H x W bytes). This script imports nothing heavy itself: Linux counts the parent's
resident memory at fork time into a child's peak, so the parent stays small (its own peak is printed). Training is cut to `--epochs` (1 by default; a step's memory peaks in
its first epoch), so the figures hold for the full protocol's epochs too.

Usage: python benchmarks/memory.py --cfg configs/cifar10_resnet18/baseline.yaml --opts DATA.ROOT /path/to/cifar10-jpeg
"""
import argparse, os, resource, shutil, subprocess, sys, tempfile, time
from pathlib import Path

STEPS = ('baseline', 'flatten', 'verify', 'cache', 'reduce', 'finetune', 'evaluate', 'report')
bin_dir = Path(sys.executable).parent

def peak_run(args:list, env:dict) -> tuple:
    "`(peak RSS in MiB, seconds, exit status, output tail)` of one command, its memory read from wait4."
    t0 = time.time()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0); tail = out.read().decode(errors='replace')[-2000:]
    return usage.ru_maxrss / 1024, time.time() - t0, p.returncode, tail   # Linux: ru_maxrss in KiB

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cfg', required=True)
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--opts', nargs='*', default=[])
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix='wong-memory-'))
    opts = list(a.opts) + ['TRAIN.EPOCHS', str(a.epochs), 'TRAIN.FINETUNE_EPOCHS', str(a.epochs), 'OUTPUT.DIR', str(work), 'OUTPUT.NAME', '']
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get('OMP_NUM_THREADS', str(os.cpu_count())))
    load = (f"from wong.config import get_cfg; from wong.data import get_data; c = get_cfg({a.cfg!r}, {opts!r}); d = get_data(c, 'cpu'); "
            f"print(sum(d.sizes().values()), c.MODEL.INPUT_SIZE, c.MODEL.ARCH, c.MODEL.WIDTH, c.DATA.NAME)")
    p = subprocess.run([sys.executable, '-c', load], capture_output=True, text=True, env=env)
    if p.returncode: raise SystemExit(p.stderr[-3000:])
    n, size, arch, width, data = p.stdout.split()[-5:]
    n, decoded = int(n), int(n) * 3 * int(size) ** 2 / 2**20
    induce = [str(bin_dir/'wong_induce'), '--cfg', a.cfg]
    rows = [('python, torch and wong imported (no step)', *peak_run([sys.executable, '-c', 'import wong.sweep'], env)),
            ('data set loaded and decoded (no step)', *peak_run([sys.executable, '-c', load], env))]
    for s in STEPS: rows.append((f"step {s} alone", *peak_run([*induce, '--steps', s, '--opts', *opts], env)))
    shutil.rmtree(work); work.mkdir()
    rows.append(('whole command, every step in one process', *peak_run([*induce, '--opts', *opts], env)))
    print(f"{arch} width {width} on {data}: {n:,} images, decoded {decoded:.0f} MiB; {a.epochs} training epoch(s) per training step; "
          f"{os.cpu_count()} CPU cores; this script's own peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print('| process | peak RSS (MiB) | peak / decoded data | seconds |'); print('|---|---:|---:|---:|')
    for name, mib, secs, code, tail in rows:
        print(f"| {name} | {mib:,.0f} | {mib / decoded:.1f} | {secs:.0f} |" + ('' if code == 0 else f" FAILED ({code})"))
        if code: print(tail, file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)

if __name__ == '__main__': main()
