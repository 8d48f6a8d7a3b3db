"""axe-core finds no serious or critical accessibility problem on any page, in either palette.

All rules run in the light palette; the rules about colour run again in the dark one.
"""

import pytest

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
