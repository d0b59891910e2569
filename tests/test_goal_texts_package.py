"""Goal texts (analys, beskrivning, förväntat resultat) go into goal_texts, valid, one row per goal and
section; untrusted text (HTML, script, formula-looking) is kept exactly as printed in the CSV."""

import csv

from goldfixture import gold_extractor, make_project

from tertial import build

TEXTS = [("analys", "Förvaltningen har ökat <script>alert(1)</script> närvaron.\n\n- punkt ett\n- punkt två"),
         ("beskrivning", "=1+1 {{ site.name }}"), ("analys", "Andra stycket.")]


def _with_texts(path, meta):
    ex = gold_extractor(path, meta)
    ex.goals[0].texts = list(TEXTS)
    ex.goals[1].texts = [("forvantat_resultat", "Fler barn deltar.")]
    return ex


def test_goal_texts_published(tmp_path):
    make_project(tmp_path)
    build.build(tmp_path, build.Context(extractor=_with_texts, out=lambda s: None), until="package")
    with (tmp_path / "datapackages" / "hagersten-alvsjo" / "data" / "goal_texts.csv").open(encoding="utf-8") as fh:
        rows = {(r["goal_id"], r["section"]): r["text"] for r in csv.DictReader(fh)}
    first = "hagersten-alvsjo-2023-t2-g001"
    assert rows[(first, "analys")] == TEXTS[0][1] + "\n\nAndra stycket."
    assert rows[(first, "beskrivning")] == "=1+1 {{ site.name }}"
    assert rows[("hagersten-alvsjo-2023-t2-g002", "forvantat_resultat")] == "Fler barn deltar."
    assert len([k for k in rows if k[0].startswith("hagersten-alvsjo")]) == 3
