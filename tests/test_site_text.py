"""Untrusted report text is shown, never run; numbers are written the Swedish way."""

from tertial.site.text import NBSP, block, esc, inline, number, with_unit

PAYLOAD = ("<script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3)) "
           "![b](javascript:alert(4)) <https://evil.example> {{ config }} {% include 'x' %}")


def test_block_has_no_markup_of_its_own():
    out = block(PAYLOAD)
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert "&lt;script&gt;" in out
    assert "{{" not in out and "{%" not in out and "&#123;&#123;" in out
    assert "javascript:alert(3)" in out  # shown as text, not as a link


def test_block_keeps_simple_formatting():
    assert block("Ett *viktigt* ord\n\n- a\n- b") == (
        "<p>Ett <em>viktigt</em> ord</p> <ul> <li>a</li> <li>b</li> </ul>")
    assert block("") == "" and block(float("nan")) == ""


def test_block_headings_and_code_stay_paragraphs():
    out = block("# Rubrik\n\n    indragen text")
    assert "<h1>" not in out and "<pre>" not in out


def test_inline_escapes_html_markdown_and_templates():
    out = inline("Mål <b>1</b> {{ x }} *y* [z](w) # |")
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "{" not in out.replace("&#123;", "").replace("&#125;", "")
    assert r"\*y\*" in out and r"\[z\]\(w\)" in out and r"\#" in out and r"\|" in out


def test_esc_quotes_and_braces():
    assert esc('"{x}"') == "&quot;&#123;x&#125;&quot;"
    assert esc(None) == "" and esc(float("nan")) == ""


def test_swedish_numbers():
    assert number(9000) == f"9{NBSP}000"
    assert number(23.4) == "23,4"
    assert number(1234567.5) == f"1{NBSP}234{NBSP}567,5"
    assert number(1320.0) == f"1{NBSP}320"
    assert number(-0.5) == "−0,5"
    assert number(None) == "" and number(float("nan")) == ""
    assert with_unit(85.5, "%") == f"85,5{NBSP}%"
    assert with_unit(9000, "st") == f"9{NBSP}000{NBSP}st"
    assert with_unit(None, "st") == ""


def test_esc_fast_path_matches_full_escaping():
    import html
    for s in ["vanlig text 12,5 %", "a & b", "<b>", 'citat "x"', "it's", "{x}", "åäö – ”"]:
        assert esc(s) == html.escape(s, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def test_block_repeated_text_same_output_and_new_text_rendered():
    assert block("Samma *text*") == block("Samma *text*") == "<p>Samma <em>text</em></p>"
    assert block("Samma <b>text</b>") == "<p>Samma &lt;b&gt;text&lt;/b&gt;</p>"
