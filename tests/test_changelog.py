"""The release diff between two publications, on small hand-made tables, and the changelog entries."""

from __future__ import annotations

import csv
import json

from hypothesis import given
from hypothesis import strategies as st
import pytest

from tertial import changelog, releasediff

COLS = ("period_outcome", "forecast", "annual_target", "annual_target_text", "city_target", "city_target_text")


def report(rid, district, year, rtype, sha="s"):
    return {"report_id": rid, "district_id": district, "year": str(year), "report_type": rtype,
            "title": f"title of {rid}", "source_file": f"sources/reports/{rid}.txt", "source_sha256": sha}


def row(rid, iid, line, **values):
    r = {"report_id": rid, "goal_id": f"{rid}-g001", "indicator_id": iid, "name": iid.replace("-", " "),
         "unit": "%", "source_line": str(line), "needs_review": "false"}
    r.update({c: "" for c in COLS})
    r.update(values)
    return r


OLD = {
    "reports": [report("farsta-2023-t1", "farsta", 2023, "T1"), report("bromma-2023-t1", "bromma", 2023, "T1")],
    "indicator_results": [
        row("farsta-2023-t1", "andel-nojda", 10, period_outcome="80", annual_target="85"),
        row("farsta-2023-t1", "antal-besok", 20, period_outcome="120", annual_target_text="öka"),
        row("farsta-2023-t1", "gammal-indikator", 30, period_outcome="5"),
        row("bromma-2023-t1", "andel-nojda", 10, period_outcome="70", annual_target="80"),
    ],
}
NEW = {
    "reports": [report("farsta-2023-t1", "farsta", 2023, "T1"), report("bromma-2023-t1", "bromma", 2023, "T1", "s2"),
                report("farsta-2023-t2", "farsta", 2023, "T2")],
    "indicator_results": [
        row("farsta-2023-t1", "andel-nojda", 10, period_outcome="80.0", annual_target="85"),  # same value
        row("farsta-2023-t1", "antal-besok", 20, period_outcome="120", annual_target_text="Öka"),  # corrected
        row("farsta-2023-t1", "gammal-indikator", 30, period_outcome="5"),
        row("bromma-2023-t1", "andel-nojda", 10, period_outcome="72", annual_target="80"),  # bromma replaced
        row("farsta-2023-t2", "andel-nojda", 11, period_outcome="82", annual_target="90"),
        row("farsta-2023-t2", "antal-besok", 21, period_outcome="240", annual_target_text="öka"),
        row("farsta-2023-t2", "ny-indikator", 22, period_outcome="3"),
    ],
}


def test_new_replaced_and_removed_reports():
    d = changelog.diff(OLD, NEW)
    assert [r["report_id"] for r in d["reports_added"]] == ["farsta-2023-t2"]
    assert [r["report_id"] for r in d["reports_replaced"]] == ["bromma-2023-t1"]
    assert d["reports_removed"] == []
    assert changelog.diff(NEW, OLD)["reports_removed"][0] == {
        "report_id": "farsta-2023-t2", "district_id": "farsta", "year": 2023, "report_type": "T2",
        "title": "title of farsta-2023-t2"}


def test_indicators_new_dropped_and_changed_against_the_previous_publication():
    ind = changelog.diff(OLD, NEW)["indicators"]
    assert ind["new"] == [{"indicator_id": "ny-indikator", "name": "ny indikator"}]
    assert ind["dropped"] == []
    assert ind["new_values"] == {"andel-nojda": 1, "antal-besok": 1, "ny-indikator": 1}
    assert ind["changed"] == [  # '80' and '80.0' are the same number; a changed text target is a change
        {"report_id": "bromma-2023-t1", "indicator_id": "andel-nojda", "column": "period_outcome", "old": "70", "new": "72"},
        {"report_id": "farsta-2023-t1", "indicator_id": "antal-besok", "column": "annual_target_text",
         "old": "öka", "new": "Öka"},
    ]
    assert changelog.diff(NEW, OLD)["indicators"]["dropped"] == [{"indicator_id": "ny-indikator", "name": "ny indikator"}]


def test_added_report_is_compared_with_the_districts_previous_report():
    added = changelog.diff(OLD, NEW)["reports_added"][0]
    assert added["previous_report_id"] == "farsta-2023-t1"
    assert added["indicator_rows"] == 3
    assert added["against_previous"] == {
        "new_indicators": ["ny-indikator"],
        "dropped_indicators": ["gammal-indikator"],
        "changed": [
            {"indicator_id": "andel-nojda", "name": "andel nojda", "column": "period_outcome", "old": "80.0", "new": "82"},
            {"indicator_id": "andel-nojda", "name": "andel nojda", "column": "annual_target", "old": "85", "new": "90"},
            {"indicator_id": "antal-besok", "name": "antal besok", "column": "period_outcome", "old": "120", "new": "240"},
            {"indicator_id": "antal-besok", "name": "antal besok", "column": "annual_target_text", "old": "Öka",
             "new": "öka"},
        ],
    }


def test_previous_report_orders_by_year_then_vp_t1_t2_vb():
    reps = [report(f"farsta-{y}-{t.lower()}", "farsta", y, t) for y, t in
            [(2022, "VB"), (2023, "VP"), (2023, "T1"), (2023, "T2")]] + [report("bromma-2023-t1", "bromma", 2023, "T1")]
    prev = lambda rid: (releasediff.previous_report(reps, next(r for r in reps if r["report_id"] == rid)) or {}).get("report_id")  # noqa: E731
    assert prev("farsta-2023-t2") == "farsta-2023-t1"
    assert prev("farsta-2023-t1") == "farsta-2023-vp"
    assert prev("farsta-2023-vp") == "farsta-2022-vb"
    assert prev("farsta-2022-vb") is None and prev("bromma-2023-t1") is None


def test_no_change_gives_an_empty_diff():
    assert changelog.is_empty(changelog.diff(NEW, NEW))
    assert not changelog.is_empty(changelog.diff(OLD, NEW))


def write_published(root, tables):
    data = root / changelog.PUBLISHED_DATA
    data.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (data / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


def test_update_writes_numbered_deterministic_entries_and_is_idempotent(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for root in (a, b):
        reports = root / "sources" / "reports"
        reports.mkdir(parents=True)
        (reports / "farsta-2023-t2.txt").write_text("Tertialrapport 2 för 2023\n2023-09-27\n", encoding="utf-8")
        first = changelog.update(root, OLD)
        assert first["number"] == 1 and first["version"] == "1.0.0"
        assert first["date"] == "2023-04-30"  # no printed date: the end of tertial 1
        write_published(root, OLD)
        assert changelog.update(root, OLD) is None  # nothing new: no entry
        second = changelog.update(root, NEW)
        assert second["version"] == "1.1.0" and second["date"] == "2023-09-27"
        assert changelog.update(root, NEW) is None  # the same tables again: idempotent
    files = sorted(p.name for p in (a / "changelog").iterdir())
    assert files == ["0001.json", "0002.json"]
    for name in files:  # same inputs, same bytes: no clock
        assert (a / "changelog" / name).read_bytes() == (b / "changelog" / name).read_bytes()
    assert changelog.current_version(a) == "1.1.0"
    assert json.loads((a / "changelog" / "0002.json").read_text(encoding="utf-8"))["reports_added"][0]["report_id"] == "farsta-2023-t2"


def test_current_version_before_any_publication(tmp_path):
    assert changelog.current_version(tmp_path) == "0.0.0"


cell = st.one_of(st.just(""), st.integers(-1000, 1000).map(str), st.sampled_from(["öka", "minska", "1,5 %"]))
rows_strategy = st.lists(st.builds(lambda rid, iid, line, v, t: row(rid, iid, line, period_outcome=v, annual_target=t),
                                   st.sampled_from(["farsta-2023-t1", "farsta-2023-t2"]),
                                   st.sampled_from(["a", "b", "c"]), st.integers(1, 50), cell, cell), max_size=8)


@pytest.mark.fuzz
@given(rows_strategy, rows_strategy)
def test_diff_properties(old_rows, new_rows):
    reps = [report("farsta-2023-t1", "farsta", 2023, "T1"), report("farsta-2023-t2", "farsta", 2023, "T2")]
    old, new = {"reports": reps, "indicator_results": old_rows}, {"reports": reps, "indicator_results": new_rows}
    assert changelog.is_empty(changelog.diff(new, new))
    forward, backward = changelog.diff(old, new)["indicators"], changelog.diff(new, old)["indicators"]
    assert forward["new"] == backward["dropped"] and forward["dropped"] == backward["new"]
    assert forward["new_values"] == backward["dropped_values"]
    assert len(forward["changed"]) == len(backward["changed"])
    assert (changelog.tables_sha256(old) == changelog.tables_sha256(new)) <= changelog.is_empty(changelog.diff(old, new))


def test_fingerprint_ignores_value_types():
    typed = {"reports": [dict(r, year=int(r["year"])) for r in NEW["reports"]],
             "indicator_results": [dict(r, source_line=int(r["source_line"])) for r in NEW["indicator_results"]]}
    assert changelog.tables_sha256(typed) == changelog.tables_sha256(NEW)
    assert changelog.tables_sha256(OLD) != changelog.tables_sha256(NEW)


def test_stage_reads_the_manifest_and_curated_rows(tmp_path):
    from tertial import sources

    root = tmp_path
    (root / "sources" / "reports").mkdir(parents=True)
    (root / "sources" / "reports" / "farsta-2023-t1.txt").write_text("2023-05-20\n", encoding="utf-8")
    rec = sources.SourceReport("farsta-2023-t1", "Farsta", "farsta", "T1", 2023,
                               "sources/reports/farsta-2023-t1.txt", "s", "Tertialrapport 1 2023")
    (root / sources.MANIFEST).write_text(sources.dump_manifest([rec]), encoding="utf-8")
    curated = root / changelog.CURATED
    curated.mkdir(parents=True)
    rows = [r for r in OLD["indicator_results"] if r["report_id"] == "farsta-2023-t1"]
    with (curated / "indicator_results.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    assert changelog.run(root) == [
        "changelog: entry 1, data version 1.0.0 (reports added: farsta-2023-t1; 0 changed values or targets; "
        "0 changed goal cells; 0 indicator rows changed in other columns)"]
    assert changelog.run(root) == ["changelog: no change, data version 1.0.0"]
    assert changelog.load_entries(root)[0]["date"] == "2023-05-20"


def test_only_texts_float_refuses_skip_the_number_reading():
    """canonical skips float() for a text whose first character float() never accepts; that must never
    skip a number (any script's digits, signs, dots, inf and nan)."""
    import sys

    from tertial.releasediff import _may_be_number

    for code in range(sys.maxunicode + 1):
        first = chr(code)
        for text in (first + "1", first + "nf", first + "an", first):
            try:
                float(text)
            except ValueError:
                continue
            assert _may_be_number(text.strip()[0]), (hex(code), text)


def goal(rid, n, assessment, title="Ett mål", line=None):
    return {"goal_id": f"{rid}-g{n:03d}", "report_id": rid, "level": "namndmal", "code": title[:3], "title": title,
            "assessment": assessment, "city_goal_id": "", "source_line": str(line or n * 10)}


def activity(rid, n, end):
    return {"activity_id": f"{rid}-a{n:03d}", "report_id": rid, "text": "Gör något", "start_date": "2023-01-01",
            "end_date": end, "deviation": "", "source_line": str(n * 10)}


def test_goals_and_activities_of_reports_published_before():
    """A verdict or an activity corrected in a report published before is a change (listed, counted, and a
    new fingerprint); the goals and activities of an added report are that report's, not changes."""
    old = {"reports": OLD["reports"], "indicator_results": OLD["indicator_results"],
           "goals": [goal("farsta-2023-t1", 1, "delvis"), goal("farsta-2023-t1", 2, "helt")],
           "activities": [activity("farsta-2023-t1", 1, "2023-06-30")]}
    new = {"reports": OLD["reports"] + [report("farsta-2023-t2", "farsta", 2023, "T2")],
           "indicator_results": OLD["indicator_results"],
           "goals": [goal("farsta-2023-t1", 1, "helt"), goal("farsta-2023-t1", 2, "helt"),
                     goal("farsta-2023-t1", 3, ""), goal("farsta-2023-t2", 1, "ej")],
           "activities": [activity("farsta-2023-t1", 1, "2023-12-31"), activity("farsta-2023-t2", 1, "")]}
    d = changelog.diff(old, new)
    assert d["goals"] == {"changed": [{"report_id": "farsta-2023-t1", "goal_id": "farsta-2023-t1-g001",
                                       "title": "Ett mål", "column": "assessment", "old": "delvis", "new": "helt"}],
                          "new": 1, "dropped": 0, "other": 0}
    assert d["activities"] == {"changed": 1, "new": 0, "dropped": 0, "other": 0}
    only_verdict = dict(new, reports=OLD["reports"], goals=new["goals"][:2], activities=old["activities"])
    assert not changelog.is_empty(changelog.diff(old, only_verdict))
    assert changelog.tables_sha256(old) == changelog.tables_sha256(only_verdict)  # the entries' tables_sha256
    assert changelog.tables_sha256(old, changelog.TEXT_TABLES) != changelog.tables_sha256(only_verdict,
                                                                                          changelog.TEXT_TABLES)
    assert changelog.is_empty(changelog.diff(old, old))


def test_an_entry_from_before_a_fingerprint_existed():
    """An entry without `goals_sha256` or `more_sha256` (written before those tables were compared): the
    tables published now stand in for it, so a verdict corrected since is a change, and a project with
    nothing published (a build from the committed sources alone) is not."""
    def prints(goals="g", more="m"):
        return {"tables_sha256": "t", "goals_sha256": goals, "more_sha256": more}

    def published(**known):
        return lambda key: known.get(key)

    last = {"tables_sha256": "t"}
    assert changelog.unchanged(last, prints(), published(goals_sha256="g", more_sha256="m"))
    assert not changelog.unchanged(last, prints(), published(goals_sha256="other", more_sha256="m"))
    assert not changelog.unchanged(last, prints(), published(goals_sha256="g", more_sha256="other"))
    assert changelog.unchanged(last, prints(), published())  # nothing published
    assert not changelog.unchanged(last, dict(prints(), tables_sha256="other"), published(goals_sha256="g"))
    assert changelog.unchanged({"tables_sha256": "t", "goals_sha256": "g"}, prints(),
                               published(goals_sha256="x", more_sha256="m"))
    assert not changelog.unchanged({"tables_sha256": "t", "goals_sha256": "g2"}, prints(), published(goals_sha256="g"))
    assert not changelog.unchanged({**prints(), "more_sha256": "m2"}, prints(), published(more_sha256="m"))
    assert changelog.unchanged(prints(), prints(), published(goals_sha256="x", more_sha256="y"))
    assert not changelog.unchanged(None, prints(), published())


def test_one_more_goal_found_is_not_a_change_of_the_others():
    """goal_id counts goals, so one more goal found in a report (a better extraction) shifts the ids of the
    goals after it: matched by source line, their verdicts are unchanged (only counted as changed ids), and
    the new goal is new. A replaced report's goals are that report's, not changes."""
    reps = OLD["reports"]
    a, b, c = ("Trygg stadsdel", 100), ("Ren stadsdel", 200), ("Grön stadsdel", 300)
    old = {"reports": reps, "goals": [goal("farsta-2023-t1", 1, "helt", *a), goal("farsta-2023-t1", 2, "delvis", *b),
                                      goal("farsta-2023-t1", 3, "ej", *c)]}
    new = {"reports": reps, "goals": [goal("farsta-2023-t1", 1, "helt", *a), goal("farsta-2023-t1", 2, "", "Ny", 150),
                                      goal("farsta-2023-t1", 3, "delvis", *b), goal("farsta-2023-t1", 4, "ej", *c)]}
    d = changelog.diff(old, new)
    assert d["goals"] == {"changed": [], "new": 1, "dropped": 0, "other": 2}
    assert not changelog.is_empty(d)
    replaced = dict(new, reports=[dict(reps[0], source_sha256="other"), reps[1]])
    assert changelog.diff(old, replaced)["goals"] == {"changed": [], "new": 0, "dropped": 0, "other": 0}


def test_update_with_an_entry_from_before_goals_were_compared(tmp_path):
    """Through update(): an entry without goals_sha256 and the same indicator tables adds nothing while the
    published goals are the same, and writes an entry (with goals_sha256) when a verdict was corrected."""
    tables = {"reports": OLD["reports"], "indicator_results": OLD["indicator_results"],
              "goals": [goal("farsta-2023-t1", 1, "delvis")], "activities": []}
    legacy = changelog.make_entry(1, changelog.diff({}, tables), "2023-05-20", changelog.tables_sha256(tables))
    assert "goals_sha256" not in legacy
    changelog.save_entry(tmp_path, legacy)
    assert changelog.update(tmp_path, tables, old_tables=tables) is None
    corrected = dict(tables, goals=[goal("farsta-2023-t1", 1, "helt")])
    entry = changelog.update(tmp_path, corrected, old_tables=tables)
    assert entry["number"] == 2 and entry["goals"]["changed"][0]["new"] == "helt"
    assert entry["goals_sha256"] == changelog.tables_sha256(corrected, changelog.TEXT_TABLES)
    assert changelog.update(tmp_path, corrected, old_tables=corrected) is None


def test_the_packages_a_publication_changes():
    """An entry names the packages whose data it changes: the city-wide one and each district with a report
    added, replaced or removed or a changed row; a district's version is that of the newest entry naming it
    (an entry from before entries named packages changed them all)."""
    assert changelog.diff(OLD, NEW)["packages"] == ["stockholm", "bromma", "farsta"]
    only_bromma = dict(OLD, reports=[OLD["reports"][0], report("bromma-2023-t1", "bromma", 2023, "T1", "s2")])
    assert changelog.diff(OLD, only_bromma)["packages"] == ["stockholm", "bromma"]
    assert changelog.diff(OLD, OLD)["packages"] == []
    entries = [{"version": "1.0.0"},  # from before entries named their packages
               {"version": "1.1.0", "packages": ["stockholm", "farsta"]},
               {"version": "1.2.0", "packages": ["stockholm", "bromma"]}]
    v = changelog.package_versions(entries)
    assert [changelog.version_of_package(v, n) for n in ("stockholm", "farsta", "bromma", "norrmalm")] == [
        "1.2.0", "1.1.0", "1.2.0", "1.0.0"]
    assert changelog.version_of_package(changelog.package_versions([]), "farsta") == "0.0.0"


def test_every_published_difference_is_a_change():
    """A version that stays the same promises the same data: a review flag, last year's outcome, a
    report's title, an analysis text or a reference row changed in place each give an entry, counted or
    listed, naming the packages whose data changed."""
    texts = [{"goal_id": "farsta-2023-t1-g001", "section": "analys", "text": "Bra."},
             {"goal_id": "bromma-2023-t1-g001", "section": "analys", "text": "Bra."}]
    indicators = [{"indicator_id": "andel-nojda", "name": "Andel nöjda", "unit": "%", "direction": "higher"},
                  {"indicator_id": "antal-besok", "name": "Antal besök", "unit": "st", "direction": "higher"}]
    city_goals = [{"city_goal_id": "1", "title": "En stad"}]
    old = {"reports": OLD["reports"], "indicator_results": OLD["indicator_results"], "goal_texts": texts,
           "indicators": indicators, "city_goals": city_goals}
    assert changelog.is_empty(changelog.diff(old, old))

    def changed(**tables):
        d = changelog.diff(old, {**old, **tables})
        assert not changelog.is_empty(d)
        return d

    rows = [dict(r) for r in OLD["indicator_results"]]
    rows[3]["needs_review"] = "true"
    d = changed(indicator_results=rows)
    assert d["indicators"]["other"] == [{"report_id": "bromma-2023-t1", "indicator_id": "andel-nojda",
                                         "name": "andel nojda", "columns": ["needs_review"]}]
    assert d["indicators"]["changed"] == []
    assert d["packages"] == ["stockholm", "bromma"]

    rows = [dict(r) for r in OLD["indicator_results"]]
    rows[0]["previous_year"] = "77"
    d = changed(indicator_results=rows)
    assert d["indicators"]["changed"] == [{"report_id": "farsta-2023-t1", "indicator_id": "andel-nojda",
                                           "column": "previous_year", "old": "", "new": "77"}]
    assert d["packages"] == ["stockholm", "farsta"]

    d = changed(reports=[dict(OLD["reports"][0], title="Tertialrapport 1 2023"), OLD["reports"][1]])
    assert [r["report_id"] for r in d["reports_changed"]] == ["farsta-2023-t1"]
    assert d["packages"] == ["stockholm", "farsta"]

    d = changed(goal_texts=[texts[0], dict(texts[1], text="Bättre.")])
    assert d["goal_texts"] == {"reports": ["bromma-2023-t1"]} and d["packages"] == ["stockholm", "bromma"]

    d = changed(indicators=[indicators[0], dict(indicators[1], direction="none")])
    assert d["reference"] == {"indicators": {"new": 0, "dropped": 0, "changed": 1}}
    assert d["packages"] == ["stockholm", "farsta"]  # only Farsta reports antal-besok

    d = changed(city_goals=[dict(city_goals[0], title="En stad för alla")])
    assert d["reference"] == {"city_goals": {"new": 0, "dropped": 0, "changed": 1}}
    assert d["packages"] == ["stockholm", "bromma", "farsta"]  # a city goal can reach every district


def test_the_packages_own_columns_are_not_a_change():
    """The published indicator rows carry district_id and year, added by the package stage; the curated rows
    they are compared with do not."""
    published = [dict(r, district_id=r["report_id"].split("-")[0], year="2023") for r in OLD["indicator_results"]]
    assert changelog.is_empty(changelog.diff({**OLD, "indicator_results": published}, OLD))


def test_a_column_added_or_white_space_changed_is_a_change():
    """What is compared is what is published: a column added to a table's schema changes every package's
    files, and text is published as it is, so white space alone is a change too (numbers keep one
    spelling: 23.40 is 23.4)."""
    cols = {"reports": ["report_id", "title"], "indicator_results": ["report_id", "analysis"]}
    old = {**OLD, changelog.COLUMNS: cols}
    assert changelog.is_empty(changelog.diff(old, old))
    d = changelog.diff(old, {**OLD, changelog.COLUMNS: {**cols, "reports": ["report_id", "title", "comment"]}})
    assert d["columns"] == {"reports": {"added": ["comment"], "dropped": []}}
    assert d["packages"] == ["stockholm", "bromma", "farsta"]
    assert changelog.columns_sha256(old) != changelog.columns_sha256({changelog.COLUMNS: {**cols, "reports": []}})

    rows = [dict(r) for r in OLD["indicator_results"]]
    rows[0]["name"] += " "
    rows[1]["annual_target_text"] = "öka "
    d = changelog.diff(OLD, {**OLD, "indicator_results": rows})
    assert [o["columns"] for o in d["indicators"]["other"]] == [["name"]]
    assert [c["column"] for c in d["indicators"]["changed"]] == ["annual_target_text"]
    assert changelog.tables_sha256(OLD) != changelog.tables_sha256({**OLD, "indicator_results": rows})
    assert releasediff.same_cell("23.40", "23.4") and not releasediff.same_cell("öka", "öka ")


def test_news_reads_an_entry_that_counted_the_other_rows():
    """An entry from one early build kept `indicators.other` as a count, not a list of rows."""
    from tertial import news

    entry = {"version": "1.1.0", "date": "2023-09-28", "indicators": {"other": 3}}
    assert "3 indikatorrader ändrade i andra kolumner" in news.entry_summary(entry)
    assert "3 indikatorrader" in news.entry_page(entry)
