import sys
from pathlib import Path

# synth.py (PageText built in code) sits beside the tests that use it
sys.path.insert(0, str(Path(__file__).parent))
