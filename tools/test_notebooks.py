"""Lint `wong/` with pyflakes, run every notebook's tests as `nbdev_test` does (nbdev's `test_nb`, one process per notebook, forked
from this one once it has imported torch), optionally follow the README's plain-pip install route in a fresh environment
(tools/test_plain_pip.py), and close with `N passed, N failed`.

Usage: python tools/test_notebooks.py [--flags slow] [--jobs 2] [--plain-pip] [notebook ...]
(`make test` runs the notebooks without the cells flagged `#| slow`; CI's `.ci/run` adds `--flags slow` and `--plain-pip`, which builds
a fresh environment after them.)
"""
import argparse, os, subprocess, sys, tempfile, time, traceback
from pathlib import Path

root = Path(__file__).resolve().parent.parent
LONGEST_FIRST = {'23_sweep': 10, '18b_spu': 9, '17_mpc': 8, '16_masks': 7, '19_hybrid': 6, '21_knapsack': 5, '15_plan': 4, '12_train': 3, '20_autorep': 2, '13_pipeline': 1}   # measured, make test of 2026-12-07
bin_dir = Path(sys.executable).parent

# not fastai: importing it patches torch.Tensor (`__array_eq__`, ...), and a notebook that does not import it must not see that
PRELOAD = ('torch', 'torchvision', 'sklearn.datasets', 'sklearn.model_selection', 'matplotlib.pyplot', 'numpy', 'yaml', 'yacs.config', 'nbdev.test', 'execnb.shell')

def preload():
    "Import what the notebooks import first (torch, ...: about 7 s a process) once, here: each notebook's process is forked from this one."
    os.environ['OMP_NUM_THREADS'] = os.environ.get('OMP_NUM_THREADS', '1'); os.environ['MPLBACKEND'] = 'Agg'
    import importlib, warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for m in PRELOAD: importlib.import_module(m)

def start(nb, flags):
    "Fork a process that runs `nb` through nbdev's `test_nb`, as `nbdev_test` does, its output into a file: `(pid, log file, start time)`."
    from nbdev.config import get_config
    cfg, nb, log = get_config(), nb.resolve(), Path(tempfile.mkstemp(prefix=f'wong-test-{nb.stem}-', suffix='.log')[1])
    t0 = time.time()
    pid = os.fork()
    if pid: return pid, log, t0
    code = 1
    try:
        fd = os.open(log, os.O_WRONLY | os.O_TRUNC); os.dup2(fd, 1); os.dup2(fd, 2)
        from nbdev.test import test_nb
        os.chdir(cfg.nbs_path)
        ok, _ = test_nb(nb, skip_flags=cfg.tst_flags.split(), force_flags=flags.split(), do_print=True, basepath=cfg.config_path)
        code = 0 if ok else 1
    except BaseException: traceback.print_exc()
    finally:
        sys.stdout.flush(); sys.stderr.flush(); os._exit(code)

def run_all(nbs, flags, jobs):
    "Run the notebooks `jobs` at a time; yield `(name, ok, seconds, output)` as each ends."
    pending, running = list(nbs), {}
    while pending or running:
        while pending and len(running) < jobs:
            nb = pending.pop(0); pid, log, t0 = start(nb, flags); running[pid] = (nb, log, t0)
        pid, status = os.wait()
        nb, log, t0 = running.pop(pid)
        out = log.read_text(errors='replace'); log.unlink()
        yield nb.name, os.waitstatus_to_exitcode(status) == 0, time.time() - t0, out

def lint():
    "pyflakes over the exported package: undefined names and unused imports fail the run."
    p = subprocess.run([str(bin_dir/'python'), '-m', 'pyflakes', str(root/'wong')], capture_output=True, text=True)
    return 'pyflakes wong/', p.returncode == 0, 0., p.stdout + p.stderr

def plain_pip():
    "The README's plain-pip route in a fresh virtual environment, with the MPC notebook run there."
    t0 = time.time()
    p = subprocess.run([str(bin_dir/'python'), str(root/'tools'/'test_plain_pip.py')], capture_output=True, text=True)
    return 'plain-pip route (tools/test_plain_pip.py)', p.returncode == 0, time.time() - t0, p.stdout + p.stderr

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('notebooks', nargs='*')
    ap.add_argument('--flags', default='')
    ap.add_argument('--jobs', type=int, default=int(os.environ.get('WONG_TEST_JOBS', 2)))
    ap.add_argument('--plain-pip', action='store_true', help="also follow the README's plain-pip route in a fresh environment (CI does)")
    a = ap.parse_args()
    nbs = [Path(o) for o in a.notebooks] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    nbs.sort(key=lambda nb: -LONGEST_FIRST.get(nb.stem, 0))   # the longest first, so that two jobs finish together
    passed = failed = 0
    if not a.notebooks:
        name, ok, _, out = lint()
        print(f"{'PASS' if ok else 'FAIL'} {name}", flush=True)
        if not ok: print(out, flush=True)
        passed += ok; failed += not ok
    def report(name, ok, secs, out):
        print(f"{'PASS' if ok else 'FAIL'} {name} ({secs:.0f} s)", flush=True)
        if not ok: print(out[-6000:], flush=True)
        return ok
    preload()
    for r in run_all(nbs, a.flags, a.jobs):
        ok = report(*r); passed += ok; failed += not ok
    if a.plain_pip:   # after the notebooks, not beside them: an install beside them slowed their Ray and SPU cells by half
        ok = report(*plain_pip()); passed += ok; failed += not ok
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)

if __name__ == '__main__': main()
