"""Run every benchmark in this folder and print its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in sorted(HERE.glob("*.py")):
    if script.name == "run_all.py":
        continue
    print(f"== {script.name}")
    subprocess.run([sys.executable, str(script)], check=False)
