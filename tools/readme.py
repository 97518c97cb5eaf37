"""Write README.md from nbs/index.ipynb (markdown cells as they are, code cells as python blocks), after rewriting the
notebook's result tables from the ledgers they name (`<!-- results: results/<protocol>.yaml -->` ... `<!-- /results -->`,
notebook *results*): the README's results are the ledger's, and a second run changes nothing.

nbdev_readme needs Quarto, which this project does not install; this keeps README.md in step
with the notebook. Cells marked `#| hide` are left out.
"""
import json
from pathlib import Path
from wong.results import update_results

root = Path(__file__).resolve().parent.parent
nb_path = root/'nbs'/'index.ipynb'
nb = json.loads(nb_path.read_text())
changed = False
for cell in nb['cells']:
    src = ''.join(cell['source'])
    if cell['cell_type'] == 'markdown' and '<!-- results: ' in src:
        new = update_results(src, root)
        if new != src: cell['source'], changed = new.splitlines(keepends=True), True
if changed:
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    print('rewrote the result tables of nbs/index.ipynb from the ledgers')
parts = []
for cell in nb['cells']:
    src = ''.join(cell['source'])
    if cell['cell_type'] == 'markdown': parts.append(src)
    elif cell['cell_type'] == 'code':
        lines = [l for l in src.splitlines() if not l.startswith('#|')]
        if '#| hide' in src or not any(l.strip() for l in lines): continue
        parts.append('```python\n' + '\n'.join(lines).strip() + '\n```')
text = '<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook -->\n\n' + '\n\n'.join(parts) + '\n'
readme = root/'README.md'
if not readme.is_file() or readme.read_text() != text:
    readme.write_text(text); print('wrote README.md')
else: print('README.md unchanged')
