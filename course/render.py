"""Draw a track with Streamlit: the home page, lessons, quizzes and problems."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from decimal import Decimal

import streamlit as st

from course import schema
from course.answers import AnswerStore
from course.blocks import (
    CalculatorEmbed,
    Callout,
    Prose,
    QuizEmbed,
    Unavailable,
    WorkedExample,
)
from course.catalog import Lesson, Track
from course.numbers import answer_hint, format_quantity, format_typed, parse_answer
from course.problems import Problem
from course.quizzes import Quiz, display_order, grade
from course.text import escape_dollars, numbered_steps

log = logging.getLogger(__name__)

PageLookup = Callable[[str], object | None]

CALLOUTS = {
    "note": (st.info, ":material/info:"),
    "tip": (st.success, ":material/lightbulb:"),
    "warning": (st.warning, ":material/warning:"),
    "mistake": (st.error, ":material/report:"),
}


def quiz_markdown(text: str) -> str:
    """Quiz text: plain dollar signs, and the same links as lesson prose."""
    return prose_markdown(escape_dollars(text))


def prose_markdown(markdown: str) -> str:
    """Lesson Markdown with `lesson:` and `glossary:` links turned into app paths."""
    return markdown.replace("](lesson:", "](/").replace("](glossary:", "](/glossary#")


def show_problems(problems: Sequence[Problem], *, heading: str) -> None:
    """The checker's messages, in place of content that cannot be shown."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    st.error(
        f"**{heading}** ({count} {noun}). Fix the file and reload the page.",
        icon=":material/error:",
    )
    st.code(
        "\n".join(str(problem) for problem in problems), language=None, wrap_lines=True
    )


def home(track: Track, page_for: PageLookup) -> None:
    """The track's front page: what it teaches, for whom, and the lessons in order."""
    info = track.info
    if info is None:
        st.title("Compute College")
        show_problems(track.problems, heading="The track file has problems")
        st.write("The lessons below still work; they are listed in file-name order.")
    else:
        st.caption(info.course.upper())
        st.title(info.title)
        st.markdown(f"##### {escape_dollars(info.tagline)}")
        st.markdown(escape_dollars(info.description))
        st.markdown("**Who it is for:** " + ", ".join(info.audience) + ".")
        if track.problems:
            label = f"Content problems ({len(track.problems)})"
            with st.expander(label, icon=":material/warning:"):
                text = "\n".join(map(str, track.problems))
                st.code(text, language=None, wrap_lines=True)

    store = AnswerStore(st.session_state)
    _start_button(track, store, page_for)
    total = sum(lesson.minutes or 0 for lesson in track.lessons)
    st.subheader(f"{len(track.lessons)} lessons · about {_duration(total)}")
    for number, lesson in enumerate(track.lessons, start=1):
        with st.container(border=True):
            page = page_for(lesson.id)
            label = f"{number}. {lesson.title}"
            if page is not None:
                st.page_link(page, label=f"**{label}**", icon=":material/school:")
            else:
                st.markdown(f"**{label}**")
            if not lesson.ok:
                count = len(lesson.problems)
                noun = "problem" if count == 1 else "problems"
                st.caption(f":red[This lesson has {count} content {noun}.]")
                continue
            right, answered = store.score(lesson.id)
            questions = len(lesson.quiz.data.questions) if lesson.quiz else 0
            progress = f" · quiz {right} of {questions} right" if answered else ""
            st.caption(
                f"{lesson.minutes} min · {escape_dollars(lesson.summary)}{progress}"
            )

    _calculator_list(page_for)


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} hours"


def _start_button(track: Track, store: AnswerStore, page_for: PageLookup) -> None:
    """Start at lesson 1, or continue at the first lesson whose quiz is not yet tried."""
    if not track.lessons:
        return
    untried = [lesson for lesson in track.lessons if store.score(lesson.id)[1] == 0]
    started = len(untried) < len(track.lessons)
    target = untried[0] if untried else track.lessons[0]
    page = page_for(target.id)
    if page is None:
        return
    label = f"Continue: {target.title}" if started else f"Start with {target.title}"
    st.page_link(page, label=label, icon=":material/play_arrow:")


def _calculator_list(page_for: PageLookup) -> None:
    from calculators.specs import SPECS

    st.subheader("Calculators")
    st.write(
        "Every calculator also has a page of its own. Its inputs live in the "
        "address bar, so a link reproduces a scenario exactly."
    )
    columns = st.columns(2)
    for position, spec in enumerate(SPECS.values()):
        page = page_for(f"calculator:{spec.name}")
        with columns[position % 2]:
            if page is not None:
                st.page_link(page, label=f"**{spec.title}**", icon=spec.icon)
            st.caption(escape_dollars(spec.summary))


def lesson_page(track: Track, lesson_id: str, page_for: PageLookup) -> None:
    """One lesson, or its problems if the lesson or its quiz file is broken."""
    lesson = track.lesson(lesson_id)
    if lesson is None:
        st.error(
            f"There is no lesson `{lesson_id}` any more. It may have been renamed or removed."
        )
        return

    if not lesson.ok:
        st.title(lesson.title)
        show_problems(lesson.problems, heading="This lesson cannot be shown")
        if lesson.blocks:
            label = "Draft preview for authors: the parts that already work"
            with st.expander(label, icon=":material/visibility:"):
                drawn = _blocks(lesson, with_quiz=True)
                if lesson.quiz is not None and not drawn:
                    quiz(lesson.quiz, lesson.id)
                elif lesson.quiz is None and lesson.front and lesson.front.quiz:
                    st.warning(
                        "The quiz is not shown: its file has a problem listed above.",
                        icon=":material/build:",
                    )
        _neighbours(track, lesson, page_for)
        return

    front = lesson.front
    assert front is not None
    position = [item.id for item in track.lessons].index(lesson.id) + 1
    st.caption(
        f"LESSON {position} OF {len(track.lessons)} · {front.minutes} MINUTES · ONE SITTING"
    )
    st.title(front.title)
    st.markdown(f"*{escape_dollars(front.audience)}*")
    with st.container(border=True):
        st.markdown("**By the end of this lesson you can:**")
        st.markdown("\n".join(f"- {escape_dollars(item)}" for item in front.objectives))
        if front.prerequisites:
            links = ", ".join(
                f"[{(track.lesson(p).title if track.lesson(p) else p)}](/{p})"
                for p in front.prerequisites
            )
            st.markdown(f"Take first: {links}")

    quiz_drawn = _blocks(lesson, with_quiz=True)
    if lesson.quiz is not None and not quiz_drawn:
        quiz(lesson.quiz, lesson.id)
    _neighbours(track, lesson, page_for)


def _blocks(lesson: Lesson, *, with_quiz: bool) -> bool:
    """Draw a lesson's blocks in order; True if the quiz was drawn among them."""
    quiz_drawn = False
    for block in lesson.blocks:
        if isinstance(block, Prose):
            st.markdown(prose_markdown(block.markdown))
        elif isinstance(block, Callout):
            function, icon = CALLOUTS[block.kind]
            function(prose_markdown(block.markdown), icon=icon)
        elif isinstance(block, WorkedExample):
            worked_example(block)
        elif isinstance(block, CalculatorEmbed):
            _calculator(block, lesson.id)
        elif isinstance(block, QuizEmbed) and with_quiz and lesson.quiz is not None:
            quiz(lesson.quiz, lesson.id)
            quiz_drawn = True
        elif isinstance(block, Unavailable):
            st.warning(
                f"`{block.directive}` (line {block.line}) is not shown: it has a "
                "problem listed above.",
                icon=":material/build:",
            )
    return quiz_drawn


def _calculator(block: CalculatorEmbed, lesson_id: str) -> None:
    """One embedded calculator; a fault in it must not take the lesson down."""
    from calculators.widgets import calculator

    try:
        calculator(
            block.name, params=block.params, key_prefix=f"{lesson_id}.{block.index}"
        )
    except Exception:
        log.exception("calculator %s failed in lesson %s", block.name, lesson_id)
        st.error(
            f"The {block.name} calculator could not be drawn. The rest of the lesson "
            "still works; please report this.",
            icon=":material/error:",
        )


def worked_example(block: WorkedExample) -> None:
    """A computed scenario, step by step, labelled as illustrative."""
    with st.container(border=True):
        st.markdown(
            f"**Worked example: {escape_dollars(block.title or 'the arithmetic')}**"
        )
        st.caption("Illustrative rates, not market prices · computed from the inputs")
        st.markdown(numbered_steps(block.evaluation.steps))
        if block.note:
            st.markdown(prose_markdown(block.note))


def quiz(quiz_model: Quiz, lesson_id: str) -> None:
    """Every question of a quiz, each in its own form, with verdicts kept in the store."""
    store = AnswerStore(st.session_state)
    questions = quiz_model.data.questions
    st.subheader(quiz_model.data.title)
    for number, question in enumerate(questions, start=1):
        _question(quiz_model, lesson_id, question, number, len(questions), store)

    right, answered = store.score(lesson_id)
    if answered:
        st.markdown(
            f"**Score: {right} of {len(questions)} right** ({answered} answered)."
        )


def _question(
    quiz_model: Quiz,
    lesson_id: str,
    question,
    number: int,
    count: int,
    store: AnswerStore,
) -> None:
    answer_key = (lesson_id, quiz_model.version(question.id), question.id)
    attempt = store.get(answer_key)
    widget = f"quiz.{lesson_id}.{question.id}"

    with st.container(border=True, key=f"question-{lesson_id}-{question.id}"):
        st.caption(f"QUESTION {number} OF {count}")
        st.markdown(quiz_markdown(question.prompt))

        if attempt is not None:
            _shown_answer(question, attempt.answer)
            _verdict(quiz_model, question, attempt.verdict)
            if st.button("Try again", key=f"{widget}.retry", icon=":material/refresh:"):
                store.clear(answer_key)
                st.rerun()
            return

        with st.form(key=f"{widget}.form", border=False):
            answer = _answer_widget(question, widget, number)
            submitted = st.form_submit_button("Check answer", type="primary")
        if not submitted:
            return

        parsed, problem = _parse_answer(question, answer)
        if problem:
            st.warning(problem, icon=":material/edit:")
            return
        verdict = grade(question, parsed, quiz_model.keys.get(question.id))
        store.record(answer_key, parsed, verdict)
        st.rerun()


def _answer_widget(question, widget: str, number: int):
    if isinstance(question, schema.SingleChoice):
        return st.radio(
            f"Your answer to question {number}",
            options=display_order(question),
            format_func=lambda i: question.options[i].text,
            index=None,
            key=f"{widget}.choice",
            label_visibility="collapsed",
        )
    if isinstance(question, schema.MultipleChoice):
        st.caption("Select every option that applies.")
        return [
            index
            for index in display_order(question)
            if st.checkbox(question.options[index].text, key=f"{widget}.option.{index}")
        ]
    return st.text_input(
        f"Your answer to question {number}",
        key=f"{widget}.number",
        placeholder=answer_hint(question.unit),
    )


def _parse_answer(question, answer) -> tuple[object, str | None]:
    if isinstance(question, schema.SingleChoice):
        return (
            (answer, None)
            if answer is not None
            else (None, "Pick one option, then check your answer.")
        )
    if isinstance(question, schema.MultipleChoice):
        return (
            (answer, None)
            if answer
            else (None, "Tick at least one option, then check your answer.")
        )
    return parse_answer(str(answer or ""))


def _shown_answer(question, answer) -> None:
    if isinstance(question, schema.SingleChoice):
        text = f"Your answer: **{escape_dollars(question.options[answer].text)}**"
    elif isinstance(question, schema.MultipleChoice):
        picked = "; ".join(question.options[i].text.rstrip(".") for i in answer)
        text = f"Your answer: **{escape_dollars(picked)}**"
    else:
        text = f"Your answer: **{escape_dollars(format_typed(answer, question.unit))}**"
    st.markdown(text)


def _verdict(quiz_model: Quiz, question, verdict) -> None:
    show = st.success if verdict.correct else st.error
    icon = ":material/check_circle:" if verdict.correct else ":material/cancel:"
    feedback = [quiz_markdown(_without_echo(line)) for line in verdict.feedback]
    if len(feedback) == 1:
        show(f"**{verdict.headline}.** {feedback[0]}", icon=icon)
    else:
        show(
            f"**{verdict.headline}.**\n\n"
            + "\n".join(f"- {line}" for line in feedback),
            icon=icon,
        )
    st.markdown(quiz_markdown(question.explanation))

    key = quiz_model.keys.get(question.id)
    if not isinstance(question, schema.Numeric) or key is None:
        return
    if verdict.correct:
        st.caption(f"Computed answer: {_format_value(key.value, question.unit)}")
    if key.evaluation is not None:
        steps = answer_steps(key.evaluation.steps, question.key.output)
        with st.expander("Show the worked answer"):
            st.markdown(numbered_steps(steps))


_ECHOES = ("right", "correct", "yes", "exactly", "not quite", "no", "wrong")


def _without_echo(feedback: str) -> str:
    """Feedback minus an opening 'Right.' or 'Not quite.': the headline already says it."""
    head, separator, rest = feedback.partition(". ")
    if separator and head.strip().lower() in _ECHOES and rest:
        return rest
    return feedback


def answer_steps(steps, output: str):
    """The worked steps that lead to `output`: a per-request answer stops before the month."""
    if output.startswith("monthly"):
        return steps
    return [step for step in steps if not step.label.lower().startswith("monthly")]


def _format_value(value: Decimal, unit: str) -> str:
    return escape_dollars(format_quantity(value, unit))


def _neighbours(track: Track, lesson: Lesson, page_for: PageLookup) -> None:
    before, after = track.neighbours(lesson.id)
    st.divider()
    left, right = st.columns(2)
    if before is not None and (page := page_for(before.id)) is not None:
        left.page_link(
            page, label=f"Previous: {before.title}", icon=":material/arrow_back:"
        )
    if after is not None and (page := page_for(after.id)) is not None:
        right.page_link(
            page, label=f"Next: {after.title}", icon=":material/arrow_forward:"
        )


def glossary(track: Track) -> None:
    """Every glossary term, each with an anchor that lessons link to."""
    st.title("Glossary")
    st.write("The terms this track uses, in plain words. Lessons link here.")
    if not track.glossary:
        st.info("This track has no glossary yet.")
        return
    for term in track.glossary.values():
        st.subheader(term.term, anchor=term.id)
        st.markdown(escape_dollars(term.definition))
