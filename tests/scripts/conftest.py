import sys
from pathlib import Path

# the benchmark generators live in scripts/ (not an installed package)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
