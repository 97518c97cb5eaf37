"""Write README.md from nbs/index.ipynb (markdown cells as they are, code cells as python blocks).

nbdev_readme needs Quarto, which this project does not install; this keeps README.md in step
with the notebook. Cells marked `#| hide` are left out.
"""
import json
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
parts = []
for cell in nb['cells']:
    src = ''.join(cell['source'])
    if cell['cell_type'] == 'markdown': parts.append(src)
    elif cell['cell_type'] == 'code':
        lines = [l for l in src.splitlines() if not l.startswith('#|')]
        if '#| hide' in src or not any(l.strip() for l in lines): continue
        parts.append('```python\n' + '\n'.join(lines).strip() + '\n```')
text = '<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook -->\n\n' + '\n\n'.join(parts) + '\n'
(root/'README.md').write_text(text)
print('wrote README.md')
