"""Recompute every row's `config_hash` of a ledger from its record's configuration, with the hash of the wong that runs this
(`wong.ledger.config_hash`: the settings a run's steps read). For a ledger written by a wong that hashed otherwise; the rows'
records are rewritten with their new hash, the ledger under its lock, atomically.

    python tools/rehash_ledger.py results/cifar10_resnet18.csv
"""
import argparse
from wong.io import locked, read_json, write_json, write_text
from wong.ledger import read_ledger, record_path, config_hash, config_of, _csv

def rehash(path) -> int:
    "Rehash the rows of the ledger at `path`; returns how many changed."
    changed = 0
    with locked(path):
        rows = read_ledger(path)
        for r in rows:
            f = record_path(path, r)
            rec = read_json(f)
            h = config_hash(config_of(rec['config']))
            if h != r['config_hash']:
                r['config_hash'] = rec['row']['config_hash'] = h
                write_json(rec, f); changed += 1
        if changed: write_text(_csv(rows), path)
    return changed

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('ledger')
    print(f"{rehash(p.parse_args().ledger)} rows rehashed")
