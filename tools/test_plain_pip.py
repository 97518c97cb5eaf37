"""Follow the README's plain-pip route in a fresh virtual environment, then run the MPC notebook there.

The README promises that the route without make ends with the same working environment as `make`.
This copies the working tree (tracked files and untracked ones git does not ignore) into a temporary
folder, runs the install lines of the README's plain-pip block there exactly as written (`python3 -m
venv ...`, `pip install ...`; pip's cache is reused), and runs `nbdev_test` on the MPC notebook, which
needs CrypTen. Prints PASS or FAIL with the output's tail; exit status 0 or 1.

Usage: python tools/test_plain_pip.py [--keep]
"""
import re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def plain_pip_block(readme:str) -> list:
    "The lines of the shell block that follows the words 'plain-pip route' in the README."
    m = re.search(r"plain-pip route.*?```sh\n(.*?)```", readme, flags=re.S)
    if not m: raise SystemExit("README.md has no ```sh block after 'plain-pip route'")
    return [l.split('#')[0].strip() for l in m.group(1).splitlines() if l.split('#')[0].strip()]

def install_lines(lines:list) -> list:
    "The block's lines that build the environment (the venv and the pip installs), in order."
    return [l for l in lines if l.startswith(('python3 -m venv', 'pip install', 'python -m pip install'))]

def main():
    lines = install_lines(plain_pip_block((root/'README.md').read_text()))
    if not any('crypten' in l for l in lines): print('FAIL plain-pip route: the README block does not install CrypTen'); sys.exit(1)
    tmp = Path(tempfile.mkdtemp(prefix='wong-plain-pip-'))
    t0 = time.time()
    try:
        files = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard', '-z'], cwd=root, capture_output=True, text=True, check=True).stdout
        for f in filter(None, files.split('\0')):
            src = root/f
            if src.is_file(): (tmp/f).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(src, tmp/f)
        script = 'set -e\n' + '\n'.join(lines) + '\nnbdev_test --path nbs/17_mpc.ipynb\n'
        p = subprocess.run(['bash', '-c', script], cwd=tmp, capture_output=True, text=True)
        ok = p.returncode == 0
        print(f"{'PASS' if ok else 'FAIL'} plain-pip route: {' && '.join(lines)} && nbdev_test --path nbs/17_mpc.ipynb ({time.time() - t0:.0f} s)")
        if not ok: print((p.stdout + p.stderr)[-6000:])
        sys.exit(0 if ok else 1)
    finally:
        if '--keep' not in sys.argv: shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': main()
