"""Peak memory of every pipeline step against the size of the decoded data.

Runs `wong_induce` once per step, each in a fresh process (`--steps S`, in order, in one work
directory), then the whole command in one process, and prints each process's peak resident set size
(from the operating system's accounting of the child, `wait4`) as MiB and as a ratio to the decoded
images (N x 3 x H x W bytes). This script imports nothing heavy itself: Linux counts the parent's
resident memory at fork time into a child's peak, so the parent stays small (its own peak is printed). Training is cut to `--epochs` (1 by default; a step's memory peaks in
its first epoch), so the figures hold for the full protocol's epochs too.

`--timeline` runs only the whole command and samples its resident memory (and its children's) every 0.2 s, and
prints each step's peak and the memory it leaves behind: which step sets the command's peak, and what each step keeps.

Usage: python benchmarks/memory.py --cfg configs/cifar10_resnet18/baseline.yaml --opts DATA.ROOT /path/to/cifar10-jpeg
       python benchmarks/memory.py --timeline --epochs 3 --finetune-epochs 1 --cfg ... --opts ...
"""
import argparse, os, re, resource, shutil, subprocess, sys, tempfile, threading, time
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

def rss_tree(pid:int) -> int:
    "Resident KiB of `pid` and its descendants (0 once it is gone)."
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += next(int(l.split()[1]) for l in open(f'/proc/{p}/status') if l.startswith('VmRSS'))
            for t in os.listdir(f'/proc/{p}/task'): todo += [int(c) for c in open(f'/proc/{p}/task/{t}/children').read().split()]
        except (OSError, StopIteration): pass
    return total

def timeline(args:list, env:dict, every:float=0.2) -> tuple:
    "Run `args`, sampling its resident memory: `(rows, peak MiB from wait4, seconds, exit status)`, a row per step: its name, peak MiB and MiB at its end."
    t0 = time.time()
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(env, PYTHONUNBUFFERED='1'), text=True, bufsize=1)
    since, lock, done = [0], threading.Lock(), threading.Event()   # since: the peak since the last step ended (the running step's)
    def sample():
        while not done.is_set():
            kib = rss_tree(p.pid)
            with lock: since[0] = max(since[0], kib)
            done.wait(every)
    th = threading.Thread(target=sample, daemon=True); th.start()
    rows = []
    for line in p.stdout:   # `[step] done in 3.1 s` or `[step] skipped (...)` ends a step (the child writes unbuffered, so lines come as written)
        if m := re.search(r'\[(\w+)\] (done|skipped)', line):
            now = rss_tree(p.pid)
            with lock: rows.append((m.group(1), max(since[0], now) / 1024, now / 1024)); since[0] = now
    _, status, usage = os.wait4(p.pid, 0); done.set(); th.join()
    return rows, usage.ru_maxrss / 1024, time.time() - t0, os.waitstatus_to_exitcode(status)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cfg', required=True)
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--finetune-epochs', type=int, default=None, help='finetuning epochs (default: --epochs)')
    ap.add_argument('--timeline', action='store_true', help='only the whole command, its memory sampled per step')
    ap.add_argument('--opts', nargs='*', default=[])
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix='wong-memory-'))
    opts = list(a.opts) + ['TRAIN.EPOCHS', str(a.epochs), 'TRAIN.FINETUNE_EPOCHS', str(a.epochs if a.finetune_epochs is None else a.finetune_epochs),
                           'OUTPUT.DIR', str(work), 'OUTPUT.NAME', '']
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get('OMP_NUM_THREADS', str(os.cpu_count())))
    load = (f"from wong.config import get_cfg; from wong.data import get_data; c = get_cfg({a.cfg!r}, {opts!r}); d = get_data(c, 'cpu'); "
            f"print(sum(d.sizes().values()), c.MODEL.INPUT_SIZE, c.MODEL.ARCH, c.MODEL.WIDTH, c.DATA.NAME)")
    p = subprocess.run([sys.executable, '-c', load], capture_output=True, text=True, env=env)
    if p.returncode: raise SystemExit(p.stderr[-3000:])
    n, size, arch, width, data = p.stdout.split()[-5:]
    n, decoded = int(n), int(n) * 3 * int(size) ** 2 / 2**20
    induce = [str(bin_dir/'wong_induce'), '--cfg', a.cfg]
    if a.timeline:
        rows, peak, secs, code = timeline([*induce, '--opts', *opts], env)
        print(f"{arch} width {width} on {data}: {n:,} images, decoded {decoded:.0f} MiB; whole command, {a.epochs} training and "
              f"{a.finetune_epochs if a.finetune_epochs is not None else a.epochs} finetuning epoch(s); {os.cpu_count()} CPU cores; "
              f"{secs:.0f} s; peak (wait4) {peak:,.0f} MiB{'' if code == 0 else f'; FAILED ({code})'}")
        print('| step (from the previous one\'s end) | peak RSS, with children (MiB) | RSS at its end (MiB) |'); print('|---|---:|---:|')
        for name, top, end in rows: print(f"| {name} | {top:,.0f} | {end:,.0f} |")
        shutil.rmtree(work, ignore_errors=True); return
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
