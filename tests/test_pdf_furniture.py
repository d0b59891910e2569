"""Page furniture (running headers, footers, page numbers) is recognised by position and repetition, not
by a list of phrases: text in the page's margin band printed on at least half of the pages goes, text in
the body stays even when it repeats, and a lone page number goes even where nothing can repeat."""

from __future__ import annotations

from tertial.extract.pdfwords import MARGIN, Line, Page, Word, drop_furniture

HEIGHT = 800.0


def line(page: int, top: float, text: str) -> Line:
    words, x = [], 50.0
    for part in text.split():
        words.append(Word(part, x, x + 4 * len(part), top, top + 8, 8, "Regular"))
        x += 4 * len(part) + 2
    return Line(page, words)


def pages(n: int, extra=()) -> list[Page]:
    out = []
    for p in range(1, n + 1):
        lines = [line(p, 20, "Tjänsteutlåtande Kulturnämnden"), line(p, 300, f"Brödtext på sidan {p}"),
                 line(p, 400, "Indikator Periodens utfall"), line(p, HEIGHT - 25, f"Sid {p} ({n})")]
        lines += [line(p, top, text) for q, top, text in extra if q == p]
        out.append(Page(p, 600, HEIGHT, lines))
    return out


def texts(ps: list[Page]) -> list[list[str]]:
    return [[ln.text for ln in p.lines] for p in ps]


def test_running_header_and_page_numbers_go_body_text_stays_even_when_repeated():
    ps = pages(4)
    assert drop_furniture(ps) == 8
    assert texts(ps) == [[f"Brödtext på sidan {p}", "Indikator Periodens utfall"] for p in range(1, 5)]


def test_a_margin_line_on_fewer_than_half_of_the_pages_stays():
    ps = pages(5, extra=[(2, HEIGHT - 45, "Fotnot 1: källa"), (4, HEIGHT - 45, "Fotnot 2: källa")])
    drop_furniture(ps)
    assert "Fotnot 1: källa" in texts(ps)[1] and "Fotnot 2: källa" in texts(ps)[3]


def test_a_line_just_inside_the_body_is_not_furniture():
    ps = pages(3, extra=[(p, HEIGHT * MARGIN + 1, "Samma rad") for p in (1, 2, 3)])
    drop_furniture(ps)
    assert all("Samma rad" in t for t in texts(ps))


def test_a_lone_page_number_goes_on_a_one_page_report():
    ps = [Page(1, 600, HEIGHT, [line(1, 300, "Brödtext"), line(1, HEIGHT - 25, "Sid 1 (1)"), line(1, 20, "Rubrik")])]
    drop_furniture(ps)
    assert texts(ps) == [["Brödtext", "Rubrik"]]
