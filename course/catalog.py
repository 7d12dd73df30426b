"""Load a whole track: lessons in track order, their quizzes, and every problem found.

Nothing here raises on bad content. A lesson with problems is still listed, with
its problems, so the app can show them in its place and keep serving the rest.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from course import schema
from course.blocks import Block, Heading, ParsedLesson, QuizEmbed, Reference
from course.glossary import GLOSSARY_FILE, Term, load_glossary
from course.lessonfile import parse_lesson
from course.placeholders import placeholders
from course.problems import Problem, display_path
from course.quizzes import Quiz, load_quiz
from course.schema_problems import validate
from course.yamlsource import SourceYaml, YamlSyntaxError, load_yaml

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
ROOT_VARIABLE = "COURSE_ROOT"
DEFAULT_TRACK = "model-costs"
TRACK_FILE = "track.yaml"


def content_root() -> Path:
    """The folder holding `lessons/` and `quizzes/`: $COURSE_ROOT if set, else ROOT.

    The app and the checker read content from here, so a test or a preview
    server can point them at another copy of the content without code changes.
    """
    value = os.environ.get(ROOT_VARIABLE, "").strip()
    return Path(value).expanduser().resolve() if value else ROOT


@dataclass(frozen=True)
class Lesson:
    """One lesson as the app needs it: its model, or the problems that stop it."""

    id: str
    path: Path
    title: str
    minutes: int | None
    summary: str
    front: schema.FrontMatter | None
    blocks: tuple[Block, ...]
    quiz: Quiz | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Track:
    """A track in order, plus problems that belong to no single lesson."""

    root: Path
    directory: Path
    info: schema.TrackFile | None
    lessons: tuple[Lesson, ...]
    problems: tuple[Problem, ...] = field(default=())
    glossary: dict[str, Term] = field(default_factory=dict)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def neighbours(self, lesson_id: str) -> tuple[Lesson | None, Lesson | None]:
        """The lessons before and after `lesson_id` in track order."""
        ids = [lesson.id for lesson in self.lessons]
        if lesson_id not in ids:
            return None, None
        position = ids.index(lesson_id)
        before = self.lessons[position - 1] if position > 0 else None
        after = self.lessons[position + 1] if position + 1 < len(self.lessons) else None
        return before, after

    def all_problems(self) -> list[Problem]:
        found = set(self.problems)
        for lesson in self.lessons:
            found.update(lesson.problems)
        return sorted(found)


_cache: dict[tuple, Track] = {}


def load_track(root: Path | None = None, track_id: str = DEFAULT_TRACK) -> Track:
    """The track under `root` (default: `content_root()`), re-read only when a file changed."""
    root = content_root() if root is None else root
    lesson_dir = root / "lessons" / track_id
    quiz_dir = root / "quizzes" / track_id
    signature = (root, track_id, _signature(lesson_dir), _signature(quiz_dir))
    cached = _cache.get(signature)
    if cached is not None:
        return cached

    log.debug("loading track %s from %s", track_id, root)
    track = _build(root, lesson_dir, quiz_dir)
    _cache.clear()
    _cache[signature] = track
    return track


def _signature(directory: Path) -> tuple:
    if not directory.is_dir():
        return ()
    entries = []
    for path in sorted(directory.iterdir()):
        if path.is_file():
            stat = path.stat()
            entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def _build(root: Path, lesson_dir: Path, quiz_dir: Path) -> Track:
    from calculators.specs import CALCULATOR_NAMES

    def show(path: Path) -> str:
        return display_path(path, root=root)

    track_path = lesson_dir / TRACK_FILE
    info, track_source, problems = _read_track(track_path, show(track_path))
    glossary_path = lesson_dir / GLOSSARY_FILE
    glossary, glossary_problems = load_glossary(glossary_path, show(glossary_path))
    problems += glossary_problems

    lesson_files = {path.stem: path for path in sorted(lesson_dir.glob("*.md"))}
    quiz_files = {path.stem: path for path in sorted(quiz_dir.glob("*.yaml"))}
    order = list(info.lessons) if info else sorted(lesson_files)

    if info is not None and track_source is not None:
        problems += _track_listing(
            info, track_source, show(track_path), lesson_files, show
        )

    quizzes: dict[str, tuple[Quiz | None, list[Problem]]] = {}
    for quiz_id, path in quiz_files.items():
        quizzes[quiz_id] = load_quiz(_read(path), quiz_id=quiz_id, path=show(path))

    # Lessons the track does not list are still checked, so every problem shows at
    # once; they are reported with the track's problems and not served.
    unlisted = [lesson_id for lesson_id in lesson_files if lesson_id not in order]
    lessons: list[Lesson] = []
    used_quizzes: set[str] = set()
    for position, lesson_id in enumerate([*order, *unlisted]):
        path = lesson_files.get(lesson_id)
        if path is None:
            continue
        lesson = _lesson(
            path,
            show(path),
            info=info,
            order=order,
            position=position,
            lesson_files=lesson_files,
            quizzes=quizzes,
            quiz_dir=quiz_dir,
            show=show,
            calculators=CALCULATOR_NAMES,
            glossary=glossary,
        )
        used_quizzes.update(_quizzes_named(lesson))
        if lesson_id in unlisted:
            problems += lesson.problems
        else:
            lessons.append(lesson)

    for quiz_id, path in quiz_files.items():
        if quiz_id not in used_quizzes:
            problems.append(
                Problem(
                    show(path),
                    1,
                    f"quiz `{quiz_id}` is not used by any lesson",
                    f"add `quiz: {quiz_id}` to a lesson's front matter, or delete the file",
                )
            )

    return Track(
        root, lesson_dir, info, tuple(lessons), tuple(sorted(set(problems))), glossary
    )


def _quizzes_named(lesson: Lesson) -> set[str]:
    """Quiz ids a lesson refers to; with broken front matter, its fence and its own id."""
    if lesson.front is not None:
        return {lesson.front.quiz} if lesson.front.quiz else set()
    fences = {block.quiz_id for block in lesson.blocks if isinstance(block, QuizEmbed)}
    return fences | {lesson.id}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _read_track(
    path: Path, shown: str
) -> tuple[schema.TrackFile | None, SourceYaml | None, list[Problem]]:
    if not path.is_file():
        fix = "create it with id, course, title, tagline, description, audience, structure and lessons"
        return None, None, [Problem(shown, 1, "the track file is missing", fix)]
    text = _read(path)
    try:
        source = load_yaml(text)
    except YamlSyntaxError as error:
        fix = "check indentation and quote text that contains a colon"
        return (
            None,
            None,
            [Problem(shown, error.line, f"YAML does not parse: {error.message}", fix)],
        )
    info, problems = validate(
        schema.TrackFile, source, path=shown, what="the track file"
    )
    return info, source, problems + placeholders(text.splitlines(), path=shown)


def _track_listing(
    info: schema.TrackFile,
    source: SourceYaml,
    shown: str,
    lesson_files: dict[str, Path],
    show,
) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, lesson_id in enumerate(info.lessons):
        line = source.line_of(("lessons", index))
        if lesson_id in seen:
            problems.append(
                Problem(
                    shown,
                    line,
                    f"lesson `{lesson_id}` is listed twice",
                    "keep one entry",
                )
            )
        seen.add(lesson_id)
        if lesson_id not in lesson_files:
            fix = f"create lessons/{info.id}/{lesson_id}.md or remove the entry"
            problems.append(
                Problem(
                    shown, line, f"lesson `{lesson_id}` is listed but has no file", fix
                )
            )
    for lesson_id, path in lesson_files.items():
        if lesson_id not in seen:
            problems.append(
                Problem(
                    show(path),
                    1,
                    f"lesson `{lesson_id}` is not listed in {TRACK_FILE}",
                    f"add `- {lesson_id}` under `lessons:` in {shown}",
                )
            )
    return problems


def _lesson(
    path: Path,
    shown: str,
    *,
    info: schema.TrackFile | None,
    order: list[str],
    position: int,
    lesson_files: dict[str, Path],
    quizzes: dict[str, tuple[Quiz | None, list[Problem]]],
    quiz_dir: Path,
    show,
    calculators: Iterable[str],
    glossary: dict[str, Term],
) -> Lesson:
    front, parsed, problems = parse_lesson(
        _read(path), path=shown, calculators=list(calculators)
    )

    if front is not None:
        problems += _front_checks(
            front,
            parsed.front_source,
            path,
            shown,
            order=order if info is not None else None,
            position=position,
            lesson_files=lesson_files,
        )
    if info is not None:
        problems += _structure(parsed, info.structure, shown)
    problems += _references(parsed.references, shown, lesson_files, glossary)

    quiz = None
    if front is not None:
        quiz, quiz_problems = _quiz_for(
            front, path, parsed, shown, quizzes, quiz_dir, show
        )
        problems += quiz_problems
        if quiz is not None:
            problems += _references(quiz.references, quiz.path, lesson_files, glossary)

    title = front.title if front else _title_despite_problems(parsed, path)
    return Lesson(
        id=path.stem,
        path=path,
        title=title,
        minutes=front.minutes if front else None,
        summary=front.summary if front else "",
        front=front,
        blocks=parsed.blocks,
        quiz=quiz,
        problems=tuple(sorted(set(problems))),
    )


def _title_despite_problems(parsed: ParsedLesson, path: Path) -> str:
    """The title the author wrote, even when other front matter fields are wrong."""
    data = parsed.front_source.data if parsed.front_source else None
    title = data.get("title") if isinstance(data, dict) else None
    if isinstance(title, str) and title.strip():
        return title.strip()
    return path.stem.replace("-", " ").capitalize()


def _front_checks(
    front: schema.FrontMatter,
    source: SourceYaml,
    path: Path,
    shown: str,
    *,
    order: list[str] | None,
    position: int,
    lesson_files: dict[str, Path],
) -> list[Problem]:
    """Checks on the front matter that need the file name or the track order.

    `order` is None when the track file is broken: prerequisites then only have
    to exist, since nothing says which lessons come earlier.
    """
    problems = []
    if front.id != path.stem:
        line = source.line_of(("id",))
        problems.append(
            Problem(
                shown,
                line,
                f"front matter id `{front.id}` differs from the file name `{path.stem}`",
                f"write `id: {path.stem}` or rename the file",
            )
        )
    for index, prerequisite in enumerate(front.prerequisites):
        line = source.line_of(("prerequisites", index))
        if prerequisite == path.stem:
            problems.append(
                Problem(
                    shown,
                    line,
                    f"lesson `{prerequisite}` lists itself as a prerequisite",
                    "remove it from `prerequisites`",
                )
            )
        elif prerequisite not in lesson_files:
            if order is None:
                fix = f"use a lesson id: {', '.join(lesson_files)}"
            else:
                earlier = [i for i in order[:position] if i in lesson_files]
                fix = (
                    f"use an earlier lesson id: {', '.join(earlier)}"
                    if earlier
                    else "remove it: no lesson comes before this one"
                )
            problems.append(
                Problem(
                    shown, line, f"prerequisite `{prerequisite}` is not a lesson", fix
                )
            )
        elif (
            order is not None
            and prerequisite in order
            and order.index(prerequisite) >= position
        ):
            problems.append(
                Problem(
                    shown,
                    line,
                    f"prerequisite `{prerequisite}` comes later in the track",
                    "list only earlier lessons, or move this lesson after it in track.yaml",
                )
            )
    return problems


def _structure(parsed: ParsedLesson, structure: list[str], shown: str) -> list[Problem]:
    """The lesson's `##` headings against the track's `structure`: each once, in order."""
    if not structure:
        return []
    wanted = [part.casefold() for part in structure]
    listing = ", ".join(structure)
    problems = []

    found: dict[str, Heading] = {}
    for heading in parsed.headings:
        key = heading.text.casefold()
        if key not in wanted:
            problems.append(
                Problem(
                    shown,
                    heading.line,
                    f"`## {heading.text}` is not a section of this track",
                    f"use one of: {listing}; or make it a `###` heading inside one",
                )
            )
        elif key in found:
            problems.append(
                Problem(
                    shown,
                    heading.line,
                    f"section `## {heading.text}` appears twice "
                    f"(first on line {found[key].line})",
                    "merge the two into one section",
                )
            )
        else:
            found[key] = heading

    if not found:
        first = parsed.headings[0].line if parsed.headings else 1
        problems.append(
            Problem(
                shown,
                first,
                "the lesson has none of the track's sections",
                f"add these `##` headings in this order: {listing}",
            )
        )
        return problems

    for index, part in enumerate(structure):
        if part.casefold() in found:
            continue
        before = next((found[w] for w in reversed(wanted[:index]) if w in found), None)
        after = next((found[w] for w in wanted[index + 1 :] if w in found), None)
        anchor, where = (
            (before, f"after `## {before.text}`")
            if before
            else (after, f"before `## {after.text}`")
        )
        assert anchor is not None
        problems.append(
            Problem(
                shown,
                anchor.line,
                f"the lesson has no `## {part}` section",
                f"add it {where}",
            )
        )

    ranked = sorted(found.values(), key=lambda heading: heading.line)
    latest = ranked[0]
    for heading in ranked[1:]:
        if wanted.index(heading.text.casefold()) < wanted.index(latest.text.casefold()):
            problems.append(
                Problem(
                    shown,
                    heading.line,
                    f"section `## {heading.text}` comes after `## {latest.text}`",
                    f"move it up; the track order is {' → '.join(structure)}",
                )
            )
            break
        latest = heading
    return problems


def _references(
    references: Iterable[Reference],
    shown: str,
    lesson_files: dict[str, Path],
    terms: dict[str, Term],
) -> list[Problem]:
    problems = []
    for reference in references:
        if reference.scheme == "lesson" and reference.target not in lesson_files:
            fix = f"use one of: {', '.join(lesson_files)}"
            problems.append(
                Problem(
                    shown,
                    reference.line,
                    f"link to unknown lesson `{reference.target}`",
                    fix,
                )
            )
        elif reference.scheme == "glossary" and reference.target not in terms:
            fix = "add the term to the glossary, or use one of: " + ", ".join(
                sorted(terms)
            )
            problems.append(
                Problem(
                    shown,
                    reference.line,
                    f"link to unknown glossary term `{reference.target}`",
                    fix,
                )
            )
    return problems


def _quiz_for(
    front: schema.FrontMatter,
    path: Path,
    parsed: ParsedLesson,
    shown: str,
    quizzes: dict[str, tuple[Quiz | None, list[Problem]]],
    quiz_dir: Path,
    show,
) -> tuple[Quiz | None, list[Problem]]:
    embeds = [block for block in parsed.blocks if isinstance(block, QuizEmbed)]
    problems = []
    for embed in embeds:
        if embed.quiz_id != front.quiz:
            fix = (
                f"write ```{{quiz}} {front.quiz}"
                if front.quiz
                else f"add `quiz: {embed.quiz_id}` to the front matter"
            )
            problems.append(
                Problem(
                    shown,
                    embed.line,
                    f"the quiz fence names `{embed.quiz_id}` but the front matter names `{front.quiz}`",
                    fix,
                )
            )
    if len(embeds) > 1:
        problems.append(
            Problem(
                shown,
                embeds[1].line,
                "the quiz is embedded twice",
                "keep one ```{quiz} fence",
            )
        )
    if front.quiz is None:
        return None, problems

    if front.quiz not in quizzes:
        expected = show(quiz_dir / f"{front.quiz}.yaml")
        assert parsed.front_source is not None
        line = parsed.front_source.line_of(("quiz",))
        problems.append(
            Problem(
                shown,
                line,
                f"quiz `{front.quiz}` has no file",
                f"create {expected}, or fix the `quiz:` field",
            )
        )
        return None, problems

    quiz, quiz_problems = quizzes[front.quiz]
    problems += quiz_problems
    lesson_id = path.stem
    if quiz is not None and quiz.data.lesson != lesson_id:
        quiz_path = quiz_dir / f"{quiz.id}.yaml"
        line = load_yaml(_read(quiz_path)).line_of(("lesson",))
        problems.append(
            Problem(
                quiz.path,
                line,
                f"quiz `{quiz.id}` says it belongs to `{quiz.data.lesson}`, but lesson `{lesson_id}` uses it",
                f"write `lesson: {lesson_id}`",
            )
        )
    return quiz, problems
