"""A sweep's wall time on Ray: 2 workers of 1 CPU against 1 worker of 2 CPUs, on this machine.

The tiny digits sweep of the sweep notebook (width-4 ResNet18, budgets 20% and 5%, methods induced,
linearise and masks: 6 runs). The shared steps and the planner's measurements are made once, untimed;
each arm then runs the 6 runs from a copy of that work directory, on a local Ray started for it.
Prints both wall times and their ratio.

Usage: python benchmarks/ray_sweep.py
"""
import shutil, sys, tempfile, time
from pathlib import Path

def main():
    from wong.config import get_cfg
    from wong.pipeline import Run, METHODS, run_pipeline
    from wong.sweep import sweep, run_config
    tmp = Path(tempfile.mkdtemp(prefix='wong-ray-bench-'))
    tiny = ['MODEL.WIDTH', 4, 'TRAIN.EPOCHS', 2, 'TRAIN.FINETUNE_EPOCHS', 1, 'DATA.BATCH_SIZE', 64,
            'PLAN.IMAGES', 128, 'PLAN.RECALIBRATE', 64, 'PLAN.MIN_PROTOTYPES', 64, 'PLAN.MAX_PROTOTYPES', 128, 'PLAN.CANDIDATES', 1,
            'PLAN.CORRECTIONS', 2, 'MASKS.LR', 0.01, 'MASKS.PENALTY', 1e-3, 'MASKS.MAX_EPOCHS', 40]
    budgets, methods = [0.2, 0.05], ['induced', 'linearise', 'masks']
    base = get_cfg(cfg_list=tiny + ['OUTPUT.DIR', str(tmp/'base')])
    run_pipeline(base, 'baseline,flatten,verify,cache,calibrate', progress=False, log=lambda s: None)
    for m in methods:
        if METHODS[m].prepare: METHODS[m].prepare(Run(run_config(base, m, budgets[0], 0), progress=False, log=lambda s: None))
    times = {}
    for name, workers, cpus in (('1 worker x 2 CPUs', 1, 2), ('2 workers x 1 CPU', 2, 1)):
        shutil.copytree(tmp/'base', tmp/name.replace(' ', '_'))
        cfg = get_cfg(cfg_list=tiny + ['OUTPUT.DIR', str(tmp/name.replace(' ', '_'))])
        t0 = time.perf_counter()
        rows = sweep(cfg, budgets, methods, progress=False, log=lambda s: None, workers=workers, cpus_per_run=cpus)
        times[name] = time.perf_counter() - t0
        assert len(rows) == 6, rows
        print(f"{name}: {times[name]:.1f} s for 6 runs", flush=True)
    a, b = times['2 workers x 1 CPU'], times['1 worker x 2 CPUs']
    print(f"wall time, 2 workers x 1 CPU / 1 worker x 2 CPUs: {a / b:.3f}")
    shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__':
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
