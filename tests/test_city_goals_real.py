"""One city_goal_id per KF goal on the real reports (the committed city-wide package).

Hägersten-Liljeholmen T1 2020 and Norrmalm VP 2022 follow up the same 2019-2022 KF goals; Norrmalm prints
'svenskunskaper' where Hägersten-Liljeholmen prints 'svenskkunskaper'. Every 2019-mandate city goal has
members from both reports, and each report's KF goal is in exactly one city goal."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from published import HA, HL, NM, read_table

_read = read_table


@pytest.fixture(scope="module")
def goals():
    return _read("goals")


@pytest.fixture(scope="module")
def city_goals():
    return {r["city_goal_id"]: r for r in _read("city_goals")}


def test_every_2019_city_goal_is_followed_by_both_reports(goals, city_goals):
    members = defaultdict(set)
    for g in goals:
        if g["city_goal_id"]:
            members[g["city_goal_id"]].add(g["report_id"])
    mandate_2019 = [cid for cid, c in city_goals.items() if c["mandate_start"] == "2019"]
    # the 2019-2022 KF budget: three inriktningsmål with five, five and two verksamhetsmål
    assert Counter(city_goals[c]["level"] for c in mandate_2019) == {"inriktningsmal": 3, "verksamhetsmal": 12}
    for cid in mandate_2019:
        assert members[cid] == {HL, NM}, cid
    for cid, c in city_goals.items():
        if c["mandate_start"] == "2023":
            assert members[cid] == {HA}, cid


def test_each_report_follows_each_city_goal_once(goals):
    per_report = Counter((g["report_id"], g["city_goal_id"]) for g in goals if g["city_goal_id"])
    assert max(per_report.values()) == 1


def test_a_typo_does_not_split_the_goal(goals, city_goals):
    titles = {g["report_id"]: g for g in goals if g["city_goal_id"] == "2019-1-1"}
    assert "svenskkunskaper" in titles[HL]["title"] and "svenskunskaper" in titles[NM]["title"]
    assert titles[HL]["code"] == titles[NM]["code"] == "1.1"
    assert city_goals["2019-1-1"]["title"] == titles[HL]["title"]  # published with the right spelling


def test_only_kf_goals_have_a_city_goal(goals, city_goals):
    for g in goals:
        assert bool(g["city_goal_id"]) == (g["level"] != "namndmal"), g["goal_id"]
        if g["city_goal_id"]:
            assert city_goals[g["city_goal_id"]]["level"] == g["level"]
    for c in city_goals.values():
        if c["level"] == "verksamhetsmal":
            parent = city_goals[c["parent_city_goal_id"]]
            assert parent["level"] == "inriktningsmal" and parent["mandate_start"] == c["mandate_start"]
