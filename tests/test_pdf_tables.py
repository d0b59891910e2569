"""Tables read by position (extract/pdftables.py), on lines of words placed by hand: column bands from the
header (also a header word split over lines), right-aligned numbers, the 'Analys' line, a row broken by a
page break, a word across a column edge."""

from __future__ import annotations

from tertial.extract import pdftables as T
from tertial.extract.pdfwords import Line, Word

SIZE = 8.0


def word(text: str, x0: float, top: float, font: str = "Regular") -> Word:
    return Word(text, x0, x0 + len(text) * SIZE * 0.5, top, top + SIZE, SIZE, font)


def line(top: float, *cells: tuple[float, str], font: str = "Regular", page: int = 1) -> Line:
    words = []
    for x, text in cells:
        for part in text.split():
            words.append(word(part, x, top, font))
            x = words[-1].x1 + SIZE * 0.25
    return Line(page, words)


# Columns start at: name 50, outcome 200, men 250, women 300, VB 350, forecast 400, annual 450, city 500, period 550
HEADER = [
    line(100, (50, "Indikator"), (200, "Periodens"), (250, "Utfall"), (300, "Utfall"), (350, "Utfall"),
         (400, "Prognos"), (450, "Årsmål"), (500, "KF:s"), (550, "Period"), font="Bold"),
    line(109, (200, "utfall"), (250, "män/"), (300, "kvinn"), (350, "VB"), (400, "helår"), (500, "årsmål"), font="Bold"),
    line(118, (250, "pojkar"), (300, "or/"), (350, "2022"), font="Bold"),
    line(127, (300, "flicko"), font="Bold"),
    line(136, (300, "r"), font="Bold"),
]


def table(*rows: Line) -> tuple[T.Header, list[T.Strip]]:
    lines = HEADER + list(rows)
    header = T.read_header(lines, 0, 2023)
    assert header is not None
    end = T.body(lines, len(header.lines), header)
    strips = T.strips(lines[len(header.lines):end], header.size)
    T.place_edges(header, strips)
    for s in strips:
        T.read_cells(s, header)
    return header, strips


def test_header_word_split_over_lines_is_one_column():
    header = T.read_header(HEADER, 0, 2023)
    assert header is not None and len(header.lines) == 5
    assert header.text.split("\t")[3] == "Utfall kvinn or/ flicko r"
    assert header.text.split("\t")[4] == "Utfall VB 2022"


def test_a_line_starting_with_indikator_that_is_no_table_header():
    assert T.read_header([line(100, (50, "Indikatorerna visar att målet nås"))], 0, 2023) is None


def test_cells_by_band_with_empty_cells_and_a_wrapped_name():
    _, strips = table(line(150, (50, "Andel nöjda"), (200, "85 %"), (350, "80 %"), (550, "Tertial 2")),
                      line(159, (50, "brukare"), (550, "2023")))
    assert [s.cells for s in strips] == [["Andel nöjda brukare", "85 %", "", "", "80 %", "", "", "", "Tertial 2 2023"]]


def test_right_aligned_number_under_a_left_aligned_header_stays_in_its_column():
    # '81' printed flush right in the Årsmål column (450..500), nearer to 'KF:s' than to 'Årsmål'
    _, strips = table(line(150, (50, "Index"), (486, "81"), (500, "83"), (550, "2023")),
                      line(170, (50, "Annat index"), (480, "9 %"), (500, "Tas fram"), (550, "2023")))
    assert strips[0].cells[6:] == ["81", "83", "2023"]
    assert strips[1].cells[6:] == ["9 %", "Tas fram", "2023"]


def test_rows_are_separated_by_a_gap_taller_than_a_line_break():
    gap = T.ROW_GAP * SIZE
    _, strips = table(line(150, (50, "Första"), (200, "1")),
                      line(158 + gap - 0.5, (50, "raden"), (250, "2")),
                      line(166 + gap + 0.5 + gap + 0.5, (50, "Andra"), (200, "3")))
    assert [s.cells[0] for s in strips] == ["Första raden", "Andra"]


def test_analysis_under_a_row_is_text_across_the_columns():
    _, strips = table(line(150, (50, "Andel"), (200, "1 %"), (550, "2023")),
                      line(170, (50, "Analys", )), line(179, (50, "Resultatet ligger på 1 % vilket är i nivå med målet för året")))
    assert strips[1].analysis and strips[1].text.startswith("Analys Resultatet ligger")


def test_a_word_across_a_column_edge_is_text():
    header, strips = table(line(150, (50, "Andel"), (200, "1 %"), (550, "2023")),
                           line(170, (50, "Text som löper tvärs över alla kolumnerna på sidan, från namnet ända bort till perioden")))
    assert not strips[1].analysis and strips[1].text and not T.looks_like_row(strips[1], header)


def test_a_row_broken_by_a_page_break_is_joined_and_a_new_row_is_not():
    header, strips = table(line(150, (50, "Andel brukare som upplever"), (200, "85 %"), (400, "90 %"), (550, "2023")))
    _, (rest,) = table(line(150, (50, "att de får stöd"), page=2))
    assert T.join_across_pages(strips[0], rest, header)
    assert strips[0].cells[0] == "Andel brukare som upplever att de får stöd" and strips[0].cells[1] == "85 %"
    _, (new,) = table(line(150, (50, "Antal besök"), (200, "12"), (550, "2023"), page=2))
    assert not T.join_across_pages(strips[0], new, header)


def test_the_table_ends_at_a_line_in_another_size_or_after_a_tall_gap_before_text():
    lines = HEADER + [line(150, (50, "Andel"), (200, "1 %"), (550, "2023"))]
    heading = Line(1, [Word("Nämndmål:", 50, 110, 170, 182, 12, "Bold")])
    header = T.read_header(lines + [heading], 0, 2023)
    assert T.body(lines + [heading], 5, header) == 6
    far_text = line(150 + T.END_GAP * SIZE + 10, (50, "En vanlig mening i samma storlek."))
    assert T.body(lines + [far_text], 5, header) == 6
    far_row = line(150 + T.END_GAP * SIZE + 10, (50, "Antal"), (200, "3"), (550, "2023"))
    assert T.body(lines + [far_row], 5, header) == 7


def test_a_row_whose_name_starts_like_a_table_header_word_does_not_end_the_table():
    # the header in the rows' own font: only the gap under it tells it from the rows
    plain = [Line(1, [Word(w.text, w.x0, w.x1, w.top, w.bottom, w.size, "Regular") for w in ln.words])
             for ln in HEADER]
    rows = [line(150, (50, "Aktivitetscenter för unga"), (200, "12"), (550, "2023")),
            line(159, (50, "aktivitetscenter och")),
            line(175, (50, "Indikatorn för nöjdhet"), (200, "80 %"), (550, "2023"))]
    header = T.read_header(plain + rows, 0, 2023)
    assert header is not None and len(header.lines) == 5
    assert T.body(plain + rows, 5, header) == 8


def test_rows_with_no_padding_are_separated_by_the_rule_between_them():
    first = line(150, (50, "Första"), (200, "1"))
    wrapped = line(159, (50, "raden"))
    second = line(168, (50, "Andra"), (200, "3"))
    _, strips = table(first, wrapped, second)
    assert [s.cells[0] for s in strips] == ["Första raden Andra"]  # no gap, no rule: one row
    second.rule_above = True
    _, strips = table(first, wrapped, second)
    assert [s.cells[0] for s in strips] == ["Första raden", "Andra"]


def test_a_narrow_white_strip_right_before_the_next_column_is_the_edge():
    # a name wrapped up to 2 points before 'Periodens' (x=200), the numbers flush right in their column
    _, strips = table(line(150, (50, "Andel barn som bor i"), (226, "1,1 %"), (550, "2023")),
                      line(159, (48, "familjer med ekonomiskt bistånd och stöd")))  # ends at x=198
    assert strips[0].cells[:2] == ["Andel barn som bor i familjer med ekonomiskt bistånd och stöd", "1,1 %"]


def test_after_an_analysis_broken_by_a_page_a_row_with_one_number_stays_a_row():
    header, strips = table(line(150, (50, "Andel"), (200, "1 %"), (550, "2023")),
                           line(170, (50, "Analys")), line(179, (50, "Resultatet följs upp löpande under året")))
    analysis = strips[1]
    _, (row,) = table(line(150, (50, "Andel boende som upplever"), (450, "68 %"),
                           (500, "Tas fram"), (550, "År"), page=2))
    assert T.looks_like_row(row, header) and not T.join_across_pages(analysis, row, header)
    _, (rest,) = table(line(150, (50, "och redovisas i nämndens uppföljning där hela texten löper över sidan"), page=2))
    assert not T.looks_like_row(rest, header) and T.join_across_pages(analysis, rest, header)
    assert analysis.text.endswith("löpande under året och redovisas i nämndens uppföljning där hela texten löper över sidan")
