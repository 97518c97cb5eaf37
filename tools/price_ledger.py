"""Add each engine's bytes (`mpc_mb_<engine>`: the run's ReLU-type sites at that engine's measured prices, `wong.mpc.ENGINE_COLUMNS`)
to the rows of a ledger that lack them, from the runs' reduce records in a work directory that holds them (the sites a
reduced model pays). The rows' records are updated with them; the ledger is rewritten under its lock, atomically.

    python tools/price_ledger.py results/cifar10_resnet18.csv work/cifar10_resnet18
"""
import argparse
from pathlib import Path
from wong.io import locked, read_json, write_json, write_text
from wong.ledger import read_ledger, record_path, _csv
from wong.mpc import estimate, ENGINE_COLUMNS

def price(ledger, workdir) -> int:
    "Fill the missing engine columns of `ledger`'s rows from `workdir`'s reduce records; returns the rows priced."
    done = 0
    with locked(ledger):
        rows = read_ledger(ledger)
        for r in rows:
            missing = [k for k in ENGINE_COLUMNS if r.get(f"mpc_mb_{k}") is None]
            rec_file = Path(workdir)/r['name']/'reduced'/'record.json'
            if not missing or not rec_file.is_file(): continue
            reduced = read_json(rec_file)['result']
            if reduced['drelus'] != r['drelus']: raise ValueError(f"{rec_file}: {reduced['drelus']:,} DReLUs, but the ledger's row {r['name']} has {r['drelus']:,}: another run")
            new = {f"mpc_mb_{k}": estimate(ENGINE_COLUMNS[k]).predict(reduced['sites'])['bytes'] / 2**20 for k in missing}
            r.update(new)
            f = record_path(ledger, r); rec = read_json(f)
            rec['row'].update(new)
            if 'details' in rec: rec['details'].update(new)
            write_json(rec, f); done += 1
        if done: write_text(_csv(rows), ledger)
    return done

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('ledger'); p.add_argument('workdir')
    a = p.parse_args()
    print(f"{price(a.ledger, a.workdir)} rows priced")
