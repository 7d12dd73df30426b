"""The authoring commands: check content, scaffold a lesson, write schemas and reference."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from course.catalog import DEFAULT_TRACK, ROOT, TRACK_FILE, content_root, load_track
from course.problems import Problem, display_path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check", help="check lessons, quizzes and the track file"
    )
    check.add_argument("path", nargs="?", help="only report files under this path")
    check.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)

    new = commands.add_parser(
        "new", help="write a lesson and its quiz from the template"
    )
    new.add_argument(
        "lesson_id", help="lowercase words joined by hyphens, e.g. gpu-memory"
    )
    new.add_argument("title", help='the lesson title, e.g. "What GPU memory costs"')
    new.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)

    schemas = commands.add_parser(
        "schemas", help="regenerate the JSON Schemas in schemas/"
    )
    schemas.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)

    reference = commands.add_parser(
        "reference", help="print the directive parameter tables of the authoring guide"
    )
    reference.add_argument(
        "--write", action="store_true", help="update them in docs/authoring.md"
    )

    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.root or content_root(), args.path)
    if args.command == "new":
        from course.scaffold import scaffold

        return scaffold(args.root or content_root(), args.lesson_id, args.title)
    if args.command == "reference":
        from course.reference import write_reference

        return write_reference(ROOT, write=args.write)
    from course.jsonschemas import write_schemas

    return write_schemas(args.root)


def run_check(root: Path, path: str | None = None, *, out=None) -> int:
    """Print every problem as `path:line: what; fix`, then a summary.

    Returns 0 when there are none, 1 when there are problems, and 2 when `path`
    holds no content file. With `CI=true` each problem is also printed as a
    GitHub Actions annotation.
    """
    out = out or sys.stdout
    root = root.resolve()
    track = load_track(root, DEFAULT_TRACK)
    problems = track.all_problems()
    files = _content_files(root)

    if path:
        wanted = _relative(root, path).rstrip("/")
        if wanted not in ("", "."):

            def under(shown: str) -> bool:
                return shown == wanted or shown.startswith(wanted + "/")

            files = [shown for shown in files if under(shown)]
            problems = [problem for problem in problems if under(problem.path)]
            if not files:
                print(
                    f"{path}: no lesson, quiz or track file here; give a path under "
                    f"lessons/{DEFAULT_TRACK}/ or quizzes/{DEFAULT_TRACK}/",
                    file=out,
                )
                return 2

    for problem in problems:
        print(problem, file=out)
    if os.environ.get("CI") == "true":
        for problem in problems:
            print(_annotation(problem), file=out)

    if problems:
        count = len({problem.path for problem in problems})
        print(
            f"{_counted(len(problems), 'problem')} in {_counted(count, 'file')}",
            file=out,
        )
        return 1
    print(f"No problems in {_counted(len(files), 'file')}.", file=out)
    return 0


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _content_files(root: Path) -> list[str]:
    """Every file the checker reads, as the paths problems are reported under."""
    lesson_dir = root / "lessons" / DEFAULT_TRACK
    quiz_dir = root / "quizzes" / DEFAULT_TRACK
    paths = [
        lesson_dir / TRACK_FILE,
        *sorted(lesson_dir.glob("*.md")),
        *sorted(lesson_dir.glob("*.yaml")),
        *sorted(quiz_dir.glob("*.yaml")),
    ]
    return sorted({display_path(path, root=root) for path in paths})


def _relative(root: Path, path: str) -> str:
    """`path` relative to the content root, whether typed from there or from here."""
    candidate = Path(path)
    if candidate.is_absolute() or candidate.exists():
        try:
            return candidate.resolve().relative_to(root).as_posix()
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def _annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions `::error` workflow command."""
    text = f"{problem.message}; {problem.fix}" if problem.fix else problem.message
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    file = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::error file={file},line={problem.line}::{text}"
