"""Recompute every row's `config_hash` of a ledger from its record's configuration, with the hash of the wong that runs this
(`wong.ledger.config_hash`: the settings a run's steps read). For a ledger written by a wong that hashed otherwise.

    python tools/rehash_ledger.py results/cifar10_resnet18.csv
"""
import argparse
from wong.ledger import update_ledger, config_hash, config_of

def rehash(row, rec) -> bool:
    h = config_hash(config_of(rec['config']))
    if h == row['config_hash']: return False
    row['config_hash'] = rec['row']['config_hash'] = h
    return True

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('ledger')
    print(f"{update_ledger(p.parse_args().ledger, rehash)} rows rehashed")
