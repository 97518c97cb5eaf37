"""Lint `wong/` with pyflakes, run `nbdev_test` on every notebook, one process per notebook, optionally follow the README's
plain-pip install route in a fresh environment (tools/test_plain_pip.py), and close with `N passed, N failed`.

Usage: python tools/test_notebooks.py [--flags slow] [--jobs 2] [--plain-pip] [notebook ...]
(`make test` runs the notebooks; CI's `.ci/run` adds `--plain-pip`, which builds a fresh environment beside them.)
"""
import argparse, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
LONGEST_FIRST = {'23_sweep': 10, '18b_spu': 9, '17_mpc': 8, '16_masks': 7, '19_hybrid': 6, '15_plan': 5, '08_flatten': 4, '13_pipeline': 3, '07_relus': 2, '12_train': 1}
bin_dir = Path(sys.executable).parent

def run_one(nb, flags):
    "Run one notebook through nbdev_test; return (name, ok, seconds, output)."
    cmd = [str(bin_dir/'nbdev_test'), '--path', str(nb), '--do_print']
    if flags: cmd += ['--flags', flags]
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get('OMP_NUM_THREADS', '1'), MPLBACKEND='Agg')
    t0 = time.time()
    p = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    return nb.name, p.returncode == 0, time.time() - t0, p.stdout + p.stderr

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
    # the plain-pip route is mostly unpacking and writing wheels: it runs beside the notebooks' jobs, not in one of their slots
    side = ThreadPoolExecutor(1).submit(plain_pip) if a.plain_pip else None
    def report(name, ok, secs, out):
        print(f"{'PASS' if ok else 'FAIL'} {name} ({secs:.0f} s)", flush=True)
        if not ok: print(out[-6000:], flush=True)
        return ok
    with ThreadPoolExecutor(a.jobs) as ex:
        for r in ex.map(lambda nb: run_one(nb, a.flags), nbs):
            ok = report(*r); passed += ok; failed += not ok
    if side:
        ok = report(*side.result()); passed += ok; failed += not ok
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)

if __name__ == '__main__': main()
