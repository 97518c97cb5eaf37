"""Planner speed on a work directory: one budget against the whole budget curve, each stage timed in this run.

The planner's stages: (1) single-site measurements (once per work directory, shared by every budget);
(2) the additive solve (per budget); (3) the correction, which builds and scores the best plans for real
(per budget). This script times (2) and (3) for one budget and (2) for the whole curve (24 budgets),
and (1) by re-measuring --remeasure options from scratch and extrapolating to all of them (their cost
varies with K, so the sample is spread over the list); with --full it re-measures everything. The
baseline of the ratios is the planner's time for one budget, measured in this run.

Usage: python benchmarks/plan_speed.py WORKDIR [--budget 0.1] [--remeasure 24] [--full]
"""
import argparse, shutil, tempfile, time
from pathlib import Path
import numpy as np
from wong.plan import Planner, solve, plan_budget, budget_drelus, option_keys, option_plan, MeasurementStore

ap = argparse.ArgumentParser()
ap.add_argument('workdir'); ap.add_argument('--budget', type=float, default=0.1)
ap.add_argument('--remeasure', type=int, default=24); ap.add_argument('--full', action='store_true')
a = ap.parse_args()

t0 = time.perf_counter()
planner = Planner(a.workdir, progress=False, log=lambda *x: None)
t_load = time.perf_counter() - t0
m = planner.measurements()   # read from the store (the planner must have run once: wong_plan WORKDIR)
keys = option_keys(planner.units, planner.grids, planner.store.meta.get('candidates', {}), planner.induction)
b = budget_drelus(a.budget, planner.total)

# (1) measurements, re-measured from scratch (fresh prototypes and associations: a new scorer state)
planner.scorer._fps.clear(); planner.scorer._assoc.clear()
sample = keys if a.full else [keys[i] for i in np.linspace(0, len(keys) - 1, min(a.remeasure, len(keys))).astype(int)]
t0 = time.perf_counter()
for k in sample: planner.scorer.score(option_plan(k, planner.units))
t_sample = time.perf_counter() - t0
t_measure = t_sample * len(keys) / len(sample)

# (2) the additive solve: one budget, then the whole curve
t0 = time.perf_counter(); solve(m, b, planner.cfg.PLAN.CORRECTIONS); t_solve = time.perf_counter() - t0
t0 = time.perf_counter(); curve = planner.curve(); t_curve = time.perf_counter() - t0

# (3) the correction for one budget, scoring its plans again (an empty store of real scores)
tmp = Path(tempfile.mkdtemp())
store = MeasurementStore(tmp/'m.json', planner.fingerprint); store.options = planner.store.options
t0 = time.perf_counter(); best, cands = plan_budget(planner.scorer, m, store, b, planner.cfg.PLAN.CORRECTIONS); t_correct = time.perf_counter() - t0 - 0
shutil.rmtree(tmp)

one = t_measure + t_solve + t_correct
whole_solve = t_measure + t_curve
whole_correct = t_measure + t_curve + t_correct * len(curve)
print(f"work directory {a.workdir}: {len(planner.units)} sites, {planner.total:,} DReLUs, {len(keys)} single-site options; budget {b:,}")
print(f"measurements: {t_measure:.0f} s ({'all' if a.full else f'{len(sample)} re-measured, extrapolated'}; the store records {planner.store.meta.get('seconds', 0):.0f} s for its first run)")
print(f"solve one budget {t_solve:.2f} s; solve the curve ({len(curve)} budgets) {t_curve:.1f} s; correction of one budget "
      f"({len(cands)} plans scored) {t_correct:.1f} s; loading {t_load:.1f} s")
print(f"planner, one budget (measure + solve + correct): {one:.0f} s = 1.00")
print(f"whole curve, solved:             {whole_solve:.0f} s = {whole_solve / one:.2f} x one budget")
print(f"whole curve, every budget corrected: {whole_correct:.0f} s = {whole_correct / one:.2f} x one budget")
print(f"a second budget after the first: {t_solve + t_correct:.0f} s = {(t_solve + t_correct) / one:.3f} x one budget")
