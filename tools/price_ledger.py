"""Add each engine's bytes (`mpc_mb_<engine>`, `wong.mpc.engine_mb`) to the rows of a ledger that lack them, from the runs'
reduce records in a work directory that holds them (the sites a reduced model pays).

    python tools/price_ledger.py results/cifar10_resnet18.csv work/cifar10_resnet18
    python tools/price_ledger.py results/cifar10_resnet18.csv work/cifar10_resnet18 --all   # after an engine's prices changed

With `--all` every row whose reduce record the work directory holds is priced anew at wong's current prices. Only the
`mpc_mb_<engine>` columns change: a row's own `mpc_mb` (the engine its budget counted, CrypTen's unless it ran with
--engine) and its record's `lan_s`/`wan_s` keep the prices it ran under.
"""
import argparse
from pathlib import Path
from wong.io import read_json
from wong.ledger import update_ledger
from wong.mpc import engine_mb, ENGINE_COLUMNS

def pricer(workdir, every:bool=False):
    "`update(row, record)` for `update_ledger`: the engines' bytes of a row that lacks them (`every`: of every row), from `workdir`'s reduce record of its run."
    def update(row, rec):
        f = Path(workdir)/row['name']/'reduced'/'record.json'
        if (not every and all(row.get(f"mpc_mb_{k}") is not None for k in ENGINE_COLUMNS)) or not f.is_file(): return False
        reduced = read_json(f)['result']
        if reduced['drelus'] != row['drelus']: raise ValueError(f"{f}: {reduced['drelus']:,} DReLUs, but the ledger's row {row['name']} has {row['drelus']:,}: another run")
        new = engine_mb(reduced['sites'])
        if all(abs((row.get(k) or 0) - v) < 1e-9 for k, v in new.items()): return False
        print(f"{row['name']}: " + ', '.join(f"{k} {row.get(k) or 0:.3f} -> {v:.3f}" for k, v in new.items() if abs((row.get(k) or 0) - v) >= 1e-9))
        row.update(new); rec['row'].update(new)
        if 'details' in rec: rec['details'].update(new)
        return True
    return update

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('ledger'); p.add_argument('workdir')
    p.add_argument('--all', action='store_true', help="price every row anew at wong's current prices, not only the rows that lack them")
    a = p.parse_args()
    print(f"{update_ledger(a.ledger, pricer(a.workdir, a.all))} rows priced")
