"""The Excel workbook: one sheet per table, numbers as numbers, a Swedish sheet explaining every column,
and a text that looks like a formula stays text (read back with openpyxl)."""

import zipfile

import openpyxl
from goldfixture import build_project

from tertial import schema

EVIL = ["=HYPERLINK(\"http://example.com\",\"klicka\")", "+46 8 508 000", "-1 % jämfört med 2022", "@SUM(A1:A2)"]


def _project_with_formula_texts(root):
    # Corrections put formula-looking text into cells, as a report could print them.
    build_project(root, until="extract")
    (root / "curation" / "corrections.yml").write_text(
        "corrections:\n"
        f"  - {{report_id: hagersten-alvsjo-2023-t2, source_line: 302, column: name, value: '{EVIL[0].replace(chr(39), chr(39) * 2)}', reason: test}}\n"
        f"  - {{report_id: hagersten-alvsjo-2023-t2, source_line: 303, column: annual_target_text, value: '{EVIL[1]}', reason: test}}\n"
        f"  - {{report_id: hagersten-alvsjo-2023-t2, source_line: 158, table: goals, column: title, value: '{EVIL[2]}', reason: test}}\n"
        f"  - {{report_id: hagersten-alvsjo-2023-t2, source_line: 201, table: activities, column: deviation, value: '{EVIL[3]}', reason: test}}\n",
        encoding="utf-8")
    from goldfixture import gold_extractor

    from tertial import build
    build.build(root, build.Context(extractor=gold_extractor, out=lambda s: None), until="package")


def test_formula_looking_text_stays_text(tmp_path):
    _project_with_formula_texts(tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "build" / "downloads" / "hagersten-alvsjo.xlsx")
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in EVIL:
                    found[cell.value] = cell
    assert sorted(found) == sorted(EVIL)
    for text, cell in found.items():
        assert cell.data_type == "s", text  # a string, not a formula ('f')
        assert cell.quotePrefix, text  # and marked so Excel keeps it text when edited
    # the CSV keeps the text exactly as given
    csv_text = (tmp_path / "datapackages" / "hagersten-alvsjo" / "data" / "indicator_results.csv").read_text("utf-8")
    assert '"=HYPERLINK(""http://example.com"",""klicka"")"' in csv_text


def test_sheets_numbers_and_swedish_column_sheet(tmp_path):
    build_project(tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "build" / "downloads" / "stockholm.xlsx")
    in_workbook = [t for t in schema.table_names() if t != "goal_texts"]  # too long for cells: zip and CSV
    assert wb.sheetnames == ["Om", *in_workbook, "Kolumner"]
    assert any("goal_texts" in (r[1] or "") for r in wb["Om"].iter_rows(values_only=True))
    ws = wb["indicator_results"]
    header = [c.value for c in ws[1]]
    assert header == schema.columns("indicator_results")
    col = {name: i for i, name in enumerate(header)}
    numbers = [r[col["period_outcome"]] for r in ws.iter_rows(min_row=2, values_only=True)
               if r[col["period_outcome"]] is not None]
    assert numbers and all(isinstance(v, (int, float)) for v in numbers)
    assert all(isinstance(r[col["source_line"]], int) for r in ws.iter_rows(min_row=2, values_only=True))
    assert all(isinstance(r[col["needs_review"]], bool) for r in ws.iter_rows(min_row=2, values_only=True))
    help_rows = list(wb["Kolumner"].iter_rows(min_row=2, values_only=True))
    explained = {(r[0], r[2]) for r in help_rows}
    assert explained == {(t, c) for t in in_workbook for c in schema.columns(t)}
    level = next(r for r in help_rows if r[0] == "goals" and r[2] == "level")
    assert "inriktningsmål" in level[5] and "namndmal" in level[5]


def test_zip_holds_the_package(tmp_path):
    build_project(tmp_path)
    with zipfile.ZipFile(tmp_path / "build" / "downloads" / "stockholm.zip") as zf:
        names = zf.namelist()
        assert "stockholm/datapackage.json" in names
        assert {f"stockholm/data/{t}.csv" for t in schema.table_names()} <= set(names)
        pkg = tmp_path / "datapackages" / "stockholm"
        assert zf.read("stockholm/data/goals.csv") == (pkg / "data" / "goals.csv").read_bytes()
