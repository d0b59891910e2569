"""Rule: when the options given to `tertial add-report` (or `tertial extract`) say otherwise than the report's own text (district,
type, year), or name a district that is not Stockholm's, the report is taken as asked and a warning
says so (the maintainer should look)."""

from __future__ import annotations

from pathlib import Path

from tertial import add_report as ar
from tertial.extract.reader import read_lines

HA_T2 = Path(__file__).resolve().parents[1] / "sources" / "reports" / "hagersten-alvsjo-2023-t2.txt"


def _warnings(district=None, report_type=None, year=None) -> list[str]:
    inferred = ar.infer(read_lines(HA_T2))
    rep = ar.resolve_meta(HA_T2, inferred, district, report_type, year)
    return ar.disagreements(inferred, rep)


def test_options_that_agree_with_the_text_give_no_warning():
    assert _warnings() == []
    assert _warnings("Hägersten-Älvsjö", "T2", 2023) == []


def test_each_disagreement_is_named():
    assert _warnings(year=2024) == ["taken as 2024, but the text says 2023"]
    assert _warnings(report_type="VB") == ["taken as VB, but the text says T2"]
    assert _warnings(district="Farsta") == ["taken as Farsta, but the text names Hägersten-Älvsjö"]


def test_a_district_that_is_not_stockholms_is_warned_about():
    (first, second) = _warnings(district="Hägersten-Älvsjöö")
    assert first == "taken as Hägersten-Älvsjöö, but the text names Hägersten-Älvsjö"
    assert second.startswith("Hägersten-Älvsjöö is not one of Stockholm's districts (Rinkeby-Kista, ")
    assert second.endswith("Skärholmen); check the spelling")


def test_the_cli_prints_the_warnings_on_stderr(tmp_path, capsys, monkeypatch):
    from tertial.cli import main

    project = tmp_path / "p"
    (project / "sources" / "reports").mkdir(parents=True)
    monkeypatch.setattr(ar, "find_build", lambda: None)  # record only: this test is about the warning
    assert main(["--root", str(project), "add-report", str(HA_T2), "--year", "2024"]) == 0
    err = capsys.readouterr().err
    assert f"tertial: warning: {HA_T2}: taken as 2024, but the text says 2023" in err


def test_tertial_extract_warns_the_same_way(tmp_path, capsys):
    from tertial.cli import main

    assert main(["extract", str(HA_T2), "--district", "Farsta", "--type", "T2", "--year", "2023",
                 "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"tertial: warning: {HA_T2}: taken as Farsta, but the text names Hägersten-Älvsjö" in err
