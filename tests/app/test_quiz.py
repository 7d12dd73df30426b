"""Quiz answers, verdicts and feedback on the 'Cost per million tokens' lesson."""

from __future__ import annotations

from tests.conftest import open_page

LESSON = "cost-per-million-tokens"


def submit(at, question: str):
    """Press the 'Check answer' button of one question's form."""
    form = f"quiz.{LESSON}.{question}.form"
    button = next(
        b
        for b in at.button
        if b.proto.form_id == form or b.key == f"FormSubmitter:{form}-Check answer"
    )
    return button.click().run()


def verdicts(at) -> list[str]:
    return [e.value for e in at.success] + [e.value for e in at.error]


def test_wrong_single_choice_names_the_mistake(app):
    at = open_page(app, LESSON)
    at.radio(key=f"quiz.{LESSON}.blended-rate-trap.choice").set_value(1)

    at = submit(at, "blended-rate-trap")

    shown = " ".join(e.value for e in at.error)
    assert "**Not quite.**" in shown
    assert "blended-rate trap" in shown
    assert any("A blended rate ranks providers" in m.value for m in at.markdown)


def test_right_single_choice_is_correct(app):
    at = open_page(app, LESSON)
    at.radio(key=f"quiz.{LESSON}.blended-rate-trap.choice").set_value(0)

    at = submit(at, "blended-rate-trap")

    shown = " ".join(e.value for e in at.success)
    assert "**Correct.**" in shown
    assert "cheap input rate decides the bill" in shown
    assert "Right." not in shown


def test_numeric_answer_within_tolerance_is_correct(app):
    at = open_page(app, LESSON)
    at.text_input(key=f"quiz.{LESSON}.monthly-bill.number").set_value("$4,050")

    at = submit(at, "monthly-bill")

    assert any("**Correct.**" in s.value for s in at.success)
    assert any(c.value == "Computed answer: \\$4,050" for c in at.caption)


def test_numeric_slip_is_recognised(app):
    """2,000 x $3/K + 500 x $15/K = $13.50 a request; x 300,000 = $4,050,000."""
    at = open_page(app, LESSON)
    at.text_input(key=f"quiz.{LESSON}.monthly-bill.number").set_value("4050000")

    at = submit(at, "monthly-bill")

    shown = " ".join(e.value for e in at.error)
    assert "**Not quite.**" in shown
    assert "per thousand tokens" in shown


def test_per_request_slip_is_recognised(app):
    at = open_page(app, LESSON)
    at.text_input(key=f"quiz.{LESSON}.monthly-bill.number").set_value("0.0135")

    at = submit(at, "monthly-bill")

    assert any("cost of a single request" in e.value for e in at.error)


def test_text_that_is_not_a_number_gets_a_hint(app):
    at = open_page(app, LESSON)
    at.text_input(key=f"quiz.{LESSON}.monthly-bill.number").set_value(
        "about four grand"
    )

    at = submit(at, "monthly-bill")

    assert any("is not a number" in w.value for w in at.warning)


def test_verdict_survives_a_page_switch_and_retry_clears_it(app):
    at = open_page(app, LESSON)
    at.radio(key=f"quiz.{LESSON}.blended-rate-trap.choice").set_value(1)
    at = submit(at, "blended-rate-trap")

    open_page(at, "why-reasoning-models-cost-more-to-serve")
    open_page(at, LESSON)

    assert any("blended-rate trap" in e.value for e in at.error)
    at.button(key=f"quiz.{LESSON}.blended-rate-trap.retry").click().run()
    assert not any("blended-rate trap" in e.value for e in at.error)
    assert at.radio(key=f"quiz.{LESSON}.blended-rate-trap.choice").value is None


def test_multiple_choice_needs_all_and_only_the_right_options(app):
    at = open_page(app, LESSON)
    at.checkbox(key=f"quiz.{LESSON}.sound-comparison.option.0").check()
    at.checkbox(key=f"quiz.{LESSON}.sound-comparison.option.3").check()

    at = submit(at, "sound-comparison")

    shown = " ".join(e.value for e in at.error)
    assert "**Not quite.**" in shown
    assert "Missed: *Compare whole monthly bills" in shown
