"""Script time of a lesson page run and of a calculator input change, via AppTest.

AppTest re-runs the whole script even for a widget inside a fragment, so the
second figure is an upper bound on what a browser's fragment rerun costs.
Prints figures; asserts nothing. Run: .venv/bin/python bench/page_runs.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.conftest import open_page  # noqa: E402

LESSON = "cost-per-million-tokens"


def main(repeats: int = 15) -> None:
    at = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60), LESSON)

    page = []
    for _ in range(repeats):
        start = time.perf_counter()
        at.run()
        page.append(time.perf_counter() - start)

    change = []
    widget = f"{LESSON}.0.output_tokens"
    for value in range(repeats):
        start = time.perf_counter()
        at.number_input(key=widget).set_value(1000 + value).run()
        change.append(time.perf_counter() - start)

    print(f"lesson page run ({LESSON}): median {statistics.median(page) * 1000:.0f} ms")
    print(
        f"calculator input change (full rerun under AppTest): median {statistics.median(change) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
