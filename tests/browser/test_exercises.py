"""Exercise boxes in Chromium: every box accepts the recorded answer and refuses a wrong one, by keyboard,
with a live region, after instant navigation, with nothing loaded from elsewhere; the page's rule is the
notebook's, case for case."""

import pytest

from lessonkit import Project
from lessonkit.answers import check_answer
from lessonkit.constructs.predict import choices
from lessonkit.site import Site
from lessonkit.syntax import AnswerDirective, PredictDirective
from tests.answer_cases import CASES


def recorded_boxes(project: Project) -> dict[str, list[str]]:
    """Per page path, the answer each box must hold: a recorded value, or the right choice's place."""
    boxes = {}
    for lesson in Site.load(project).lessons:
        expected = []
        for directive in lesson.exercises:
            if isinstance(directive, AnswerDirective):
                expected.append(lesson.value(directive.ref, directive.line))
            elif isinstance(directive, PredictDirective):
                sections = [name for name, _ in choices(lesson, directive)]
                expected.append(str(sections.index(directive.answer)))
        if expected:
            boxes[f"{lesson.stem}/"] = expected
    return boxes


def test_every_box_holds_the_recorded_answer_accepts_it_and_refuses_a_wrong_one(project, page_visits):
    expected = recorded_boxes(project)
    seen = {visit.path: visit.exercises for visit in page_visits if visit.exercises}
    assert {path: [box["answer"] for box in boxes] for path, boxes in seen.items()} == expected
    problems = [
        f"{path}: box {number} ({box['answer']}) said {box['right']!r} to it and {box['wrong']!r} to a wrong answer"
        for path, boxes in seen.items()
        for number, box in enumerate(boxes, 1)
        if box["right"] != "Right." or not box["wrong"].startswith("Not yet")
    ]
    assert not problems, "\n".join(problems)
    unhinted = [path for path, boxes in seen.items() for box in boxes if box["hintOpen"] is False]
    assert not unhinted, f"a wrong answer left the hint folded on {unhinted}"


def test_the_page_applies_the_notebooks_rule_case_for_case(browser):
    browser.open("")
    verdicts = browser.page.evaluate(
        "(cases) => cases.map(([answer, shown]) => window.lessonkitAnswers.checkAnswer(answer, shown))",
        [[answer, shown] for answer, shown, _ in CASES],
    )
    assert [tuple(verdict) for verdict in verdicts] == [check_answer(answer, shown) for answer, shown, _ in CASES]


@pytest.fixture
def lesson_with_box(project) -> tuple[str, str]:
    """The first page with an answer box, and that box's answer."""
    for lesson in Site.load(project).lessons:
        for directive in lesson.directives(AnswerDirective):
            return f"{lesson.stem}/", lesson.value(directive.ref, directive.line)
    pytest.fail("no page has an answer box")


def test_a_box_works_by_keyboard_and_announces_the_result(browser, lesson_with_box):
    path, answer = lesson_with_box
    visit = browser.open(path)
    page = browser.page
    box = page.locator("form.lesson-answer").first
    box.scroll_into_view_if_needed()
    box.get_by_label("Your answer").focus()
    page.keyboard.type("1e9")
    page.keyboard.press("Enter")  # submits, as a form does
    result = box.locator("[role=status]")
    right, verdict = check_answer("1e9", answer)  # the page's rule is the notebook's (the test above)
    assert not right
    assert result.text_content() == f"{verdict} The hint below is open now."  # every box has a hint
    assert result.get_attribute("data-state") == "not-yet"
    page.keyboard.press("Control+a")
    page.keyboard.type(answer)
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    assert result.text_content() == "Right."
    assert result.get_attribute("data-state") == "right"
    assert box.get_by_label("Your answer").get_attribute("aria-describedby") == result.get_attribute("id")
    assert not (visit.foreign or visit.errors or visit.violations), visit


def test_boxes_work_after_instant_navigation(browser, lesson_with_box):
    path, answer = lesson_with_box
    browser.open("")
    browser.page.evaluate("() => { window.stayedOnThePage = true; }")  # gone if the browser loads a new document
    browser.page.locator(f'article a[href$="/{path}"]').first.click()  # instant navigation makes links absolute
    browser.page.wait_for_url(f"**/{path}")
    browser.settle()
    assert browser.page.evaluate("() => window.stayedOnThePage === true"), "Material's instant navigation was off"
    box = browser.page.locator("form.lesson-answer").first
    box.get_by_label("Your answer").fill(answer)
    box.get_by_role("button", name="Check").click()
    assert box.locator("[role=status]").text_content() == "Right."
