"""How long loading the whole track takes: cold parse, then a cached hit.

Prints figures; asserts nothing. Run: .venv/bin/python bench/content_load.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import catalog


def main(repeats: int = 20) -> None:
    cold = []
    for _ in range(repeats):
        catalog._cache.clear()
        start = time.perf_counter()
        track = catalog.load_track()
        cold.append(time.perf_counter() - start)

    warm = []
    for _ in range(repeats * 10):
        start = time.perf_counter()
        catalog.load_track()
        warm.append(time.perf_counter() - start)

    size_kb = sum(lesson.path.stat().st_size for lesson in track.lessons) / 1024
    print(f"lessons: {len(track.lessons)} ({size_kb:.0f} KB of Markdown)")
    print(
        f"cold load (parse, validate, compute every figure): median {statistics.median(cold) * 1000:.1f} ms"
    )
    print(
        f"cached load (stat every file, reuse the model): median {statistics.median(warm) * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
