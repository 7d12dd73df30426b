"""The authoring commands: check content files, scaffold a lesson, write JSON Schemas."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from course.catalog import DEFAULT_TRACK, ROOT, load_track
from course.problems import Problem


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check", help="check lessons, quizzes and the track file"
    )
    check.add_argument("path", nargs="?", help="only report files under this path")
    check.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)

    new = commands.add_parser(
        "new", help="write a lesson and its quiz from the template"
    )
    new.add_argument(
        "lesson_id", help="lowercase words joined by hyphens, e.g. gpu-memory"
    )
    new.add_argument("title", help='the lesson title, e.g. "What GPU memory costs"')
    new.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)

    schemas = commands.add_parser(
        "schemas", help="regenerate the JSON Schemas in schemas/"
    )
    schemas.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)

    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.root, args.path)
    if args.command == "new":
        from course.scaffold import scaffold

        return scaffold(args.root, args.lesson_id, args.title)
    from course.jsonschemas import write_schemas

    return write_schemas(args.root)


def run_check(root: Path, path: str | None = None, *, out=None) -> int:
    """Print every problem as `path:line: what; fix`, then a summary; 1 if any."""
    out = out or sys.stdout
    track = load_track(root.resolve(), DEFAULT_TRACK)
    problems = track.all_problems()
    if path:
        wanted = _relative(root, path)
        problems = [
            p
            for p in problems
            if p.path == wanted or p.path.startswith(wanted.rstrip("/") + "/")
        ]

    for problem in problems:
        print(problem, file=out)
    if os.environ.get("CI") == "true":
        for problem in problems:
            print(_annotation(problem), file=out)

    files = len({problem.path for problem in problems})
    checked = (
        len(track.lessons)
        + len(list((root / "quizzes" / DEFAULT_TRACK).glob("*.yaml")))
        + 1
    )
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(
            f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}",
            file=out,
        )
        return 1
    print(f"No problems in {checked} files ({len(track.lessons)} lessons).", file=out)
    return 0


def _relative(root: Path, path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute() or candidate.exists():
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def _annotation(problem: Problem) -> str:
    message = str(problem).split(": ", 1)[1].replace("%", "%25").replace("\n", "%0A")
    return f"::error file={problem.path},line={problem.line}::{message}"
