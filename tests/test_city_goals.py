"""One city_goal_id per KF goal and mandate: typos do not split a goal, different goals stay apart,
curation/city_goals.yml overrides."""

from pathlib import Path

from tertial.curation import city_goals

SVENSK = "I Stockholm är människor självförsörjande och vägen till arbete och svenskkunskaper är kort"
TYPO = "I Stockholm är människor självförsörjande och vägen till arbete och svenskunskaper är kort"


def _goal(rid, n, level, code, title, parent=""):
    return {"goal_id": f"{rid}-g{n:03d}", "report_id": rid, "parent_goal_id": parent, "level": level,
            "code": code, "title": title, "source_line": n}


REPORTS = {"hagersten-liljeholmen-2020-t1": {"year": 2020}, "norrmalm-2022-vp": {"year": 2022},
           "norrmalm-2023-vp": {"year": 2023}}
RULES = {"threshold": 0.9, "overrides": {}}


def _goals():
    hl, nm, nm23 = "hagersten-liljeholmen-2020-t1", "norrmalm-2022-vp", "norrmalm-2023-vp"
    return [
        _goal(hl, 1, "inriktningsmal", "1", "En modern storstad med möjligheter och valfrihet för alla"),
        _goal(hl, 2, "verksamhetsmal", "1.1", SVENSK, f"{hl}-g001"),
        _goal(hl, 3, "namndmal", "", "Invånare klarar sin egen försörjning", f"{hl}-g002"),
        _goal(hl, 4, "verksamhetsmal", "1.2", "Stockholm är en trygg, säker och välskött stad att bo och vistas i",
              f"{hl}-g001"),
        _goal(nm, 1, "inriktningsmal", "1", "En modern storstad med möjligheter och valfrihet för alla."),
        _goal(nm, 2, "verksamhetsmal", "1.1", TYPO, f"{nm}-g001"),
        _goal(nm, 3, "verksamhetsmal", "1.2", "Stockholm är en trygg, säker och välskött stad att bo och vistas i",
              f"{nm}-g001"),
        _goal(nm23, 1, "verksamhetsmal", "1.1", SVENSK),  # same title, next mandate: another goal
    ]


def test_typo_does_not_split_a_city_goal():
    goals = _goals()
    table = {t["city_goal_id"]: t for t in city_goals.assign(goals, REPORTS, RULES)}
    by = {g["goal_id"]: g["city_goal_id"] for g in goals}
    assert by["hagersten-liljeholmen-2020-t1-g002"] == by["norrmalm-2022-vp-g002"] == "2019-1-1"
    assert by["hagersten-liljeholmen-2020-t1-g001"] == by["norrmalm-2022-vp-g001"] == "2019-1"
    assert by["hagersten-liljeholmen-2020-t1-g004"] == by["norrmalm-2022-vp-g003"] == "2019-1-2"
    assert by["hagersten-liljeholmen-2020-t1-g003"] == ""  # nämndmål have none
    assert by["norrmalm-2023-vp-g001"] == "2023-1-1"
    assert table["2019-1-1"]["title"] == SVENSK and table["2019-1-1"]["parent_city_goal_id"] == "2019-1"
    assert (table["2019-1-1"]["mandate_start"], table["2019-1-1"]["mandate_end"]) == (2019, 2022)


def test_different_goals_with_the_same_code_stay_apart():
    goals = [_goal("norrmalm-2022-vp", 1, "verksamhetsmal", "1.1", SVENSK),
             _goal("hagersten-liljeholmen-2020-t1", 1, "verksamhetsmal", "1.1",
                   "Stockholm har Sveriges bästa företagsklimat och ett internationellt konkurrenskraftigt näringsliv")]
    city_goals.assign(goals, REPORTS, RULES)
    assert goals[0]["city_goal_id"] != goals[1]["city_goal_id"]
    assert {g["city_goal_id"][:8] for g in goals} == {"2019-1-1"}


def test_similar_titles_with_different_codes_stay_apart():
    goals = [_goal("norrmalm-2022-vp", 1, "verksamhetsmal", "2.1", "Stockholm ska vara en stad där mångfalden ökar"),
             _goal("norrmalm-2022-vp", 2, "verksamhetsmal", "2.2", "Stockholm ska vara en stad där mångfalden ökar.")]
    city_goals.assign(goals, REPORTS, RULES)
    assert [g["city_goal_id"] for g in goals] == ["2019-2-1", "2019-2-2"]


def test_override_joins_and_names_a_goal(tmp_path: Path):
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / "city_goals.yml").write_text(f"""
threshold: 1.0
goals:
  - mandate: 2019
    level: verksamhetsmal
    city_goal_id: 2019-1-1
    title: "{SVENSK}"
    aliases: ["{TYPO}"]
""", encoding="utf-8")
    rules = city_goals.load(tmp_path)
    goals = _goals()
    city_goals.assign(goals, REPORTS, rules)
    by = {g["goal_id"]: g["city_goal_id"] for g in goals}
    assert by["hagersten-liljeholmen-2020-t1-g002"] == by["norrmalm-2022-vp-g002"] == "2019-1-1"
    # without the override, at this threshold the typo would split the goal
    goals = _goals()
    city_goals.assign(goals, REPORTS, {"threshold": 1.0, "overrides": {}})
    by = {g["goal_id"]: g["city_goal_id"] for g in goals}
    assert by["hagersten-liljeholmen-2020-t1-g002"] != by["norrmalm-2022-vp-g002"]
