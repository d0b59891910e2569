import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the work tree's code wins over any installed copy
sys.path.insert(0, str(Path(__file__).parent))
