"""axe-core finds no serious or critical accessibility problem on any page, in either palette.

All rules run in the light palette; the rules about colour run again in the dark one.
"""

import pytest

from tests.browser.chromium import AT_REST, COLOUR_RULES, DESKTOP, MAY_WAIT, PHONE, RUN_AXE, SIDEWAYS

SEVERE = {"serious", "critical"}


@pytest.mark.parametrize("palette", ["default", "slate"], ids=["light", "dark"])
def test_no_serious_or_critical_violations(page_visits, palette):
    problems = [
        f"{visit.path or '/'}: {violation['impact']} {violation['rule']} ({violation['help']}) at {violation['where']}"
        for visit in page_visits
        for violation in visit.accessibility[palette]
        if violation["impact"] in SEVERE
    ]
    assert not problems, "\n" + "\n".join(problems)


def test_axe_ran_on_every_page(page_visits):
    assert all(set(visit.accessibility) == {"default", "slate"} for visit in page_visits)


# Material's search box fading its background (a CSS transition): held a fifth of the way (at its very start
# the colours are equal, which axe-core leaves undecided), or let go at a tenth of its speed, so that it is
# still under way for two seconds, longer than axe-core takes.
SEARCH_BOX_FADING = """(hold) => document.getAnimations().filter((animation) =>
    animation.transitionProperty === "background-color" && animation.effect.target.matches(".md-search__form"))
  .map((animation) => {
    if (hold) {
      animation.pause();
      animation.currentTime = animation.effect.getComputedTiming().duration / 5;
    } else {
      animation.playbackRate = 0.1;
      animation.play();
    }
    return animation.transitionProperty;
  })"""
# What axe-core's contrast rule finds in the header at this moment, without waiting.
HEADER_CONTRAST_NOW = """async () => (await axe.run(".md-header", {runOnly: ["color-contrast"]})).violations
  .flatMap((violation) => violation.nodes.map((node) => node.target.join(" ")))"""


# Material's fade, on the site MkDocs builds: it shows the harness waiting, which is the same under both builders.
@pytest.mark.parametrize("built", ["mkdocs"], indirect=True)
def test_axe_measures_colours_at_rest_not_in_a_transition(browser):
    """The cause of a contrast failure that came and went under load, held still so that it always shows.

    Material's search box changes background at the desktop width, over 250 ms. Each visit comes back to
    the desktop width from the phone's just before axe-core runs (tests/browser/chromium.py), and measured
    during that change the box's white text sits on a light grey. RUN_AXE waits for the page to be at rest.
    """
    from axe_playwright_python.sync_playwright import Axe

    page = browser.page
    browser.open("404.html")
    try:
        page.evaluate(Axe().axe_script)
        page.set_viewport_size(PHONE)
        page.evaluate(SIDEWAYS)  # lays the page out at the phone's width
        page.evaluate(AT_REST)
        page.set_viewport_size(DESKTOP)  # the background's change begins
        held = page.evaluate(SEARCH_BOX_FADING, True)
        assert held, "Material's search box no longer fades its background at the desktop width"
        page.evaluate(AT_REST)  # every other change ends (the box grows to its width); a held one does not move
        assert ".md-search__input" in page.evaluate(HEADER_CONTRAST_NOW), "axe-core did not see the colours mid-change"

        page.evaluate(SEARCH_BOX_FADING, False)
        assert page.evaluate(RUN_AXE, COLOUR_RULES) == [], "RUN_AXE measured the search box before it came to rest"
    finally:
        page.set_viewport_size(DESKTOP)
        browser.visit = None


# The blocks of the page whose contents are not laid out (content-visibility: auto, away from the screen).
UNPAINTED = """() => [...document.querySelectorAll("MAY_WAIT")]
  .filter((block) => block.firstElementChild && !block.firstElementChild.checkVisibility({contentVisibilityAuto: true}))
  .length""".replace("MAY_WAIT", MAY_WAIT)


@pytest.mark.parametrize("built", ["mkdocs"], indirect=True)
@pytest.mark.parametrize("path", ["vectors/", "workbooks/matrices/"])
def test_axe_measures_blocks_below_the_first_screen_laid_out(browser, path):
    """On a phone, extra.css lays out a long page's later blocks (a workbook's later cells) only when
    they come near the screen; axe-core would measure their text unpainted. RUN_AXE lays every block out
    first, as scrolling does."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.page
    try:
        page.set_viewport_size(PHONE)
        browser.open(path)
        page.evaluate(Axe().axe_script)
        assert page.evaluate(UNPAINTED) > 0, "no block waits to be laid out: has extra.css's rule gone?"
        assert page.evaluate(RUN_AXE, COLOUR_RULES) == []
        assert page.evaluate(UNPAINTED) == 0
    finally:
        page.set_viewport_size(DESKTOP)
        browser.visit = None
