"""Pages from Jinja2 templates (site/templates/): whatever a template prints is escaped (HTML and the
braces of any template syntax), what the markup pieces built stays as built, and no page module grows
past ~400 lines."""

from pathlib import Path

from markupsafe import Markup

from tertial.site.templating import environment

PAYLOAD = "<script>alert('x')</script> {{ config.site_name }} {% raw %}"


def render(source: str, **ctx) -> str:
    return environment().from_string(source).render(**ctx)


def test_printed_values_are_escaped_braces_too():
    out = render("<p>{{ x }}</p>", x=PAYLOAD)
    assert "<script" not in out and "{{" not in out and "{%" not in out
    assert out == ("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &#123;&#123; config.site_name "
                   "&#125;&#125; &#123;% raw %&#125;</p>")
    assert render("{{ x }}", x=float("nan")) == "" and render("{{ x }}", x=None) == ""


def test_markdown_heading_and_prose_filters_escape():
    assert render("# {{ x|md }}", x="1. <b>Mål</b> *viktigt*") == "# 1\\. &lt;b&gt;Mål&lt;/b&gt; \\*viktigt\\*"
    prose = render("{{ x|block }}", x="[klick](javascript:alert(1)) <img src=x onerror=alert(1)> {{ 7*7 }}")
    assert "href" not in prose and "<img" not in prose and "{{" not in prose


def test_pieces_are_kept_and_escape_their_own_input():
    out = render("{{ link('a/', 'b/', x) }} {{ badge('helt') }}", x=PAYLOAD)
    assert out.startswith('<a href="../b/">&lt;script&gt;') and 'class="tertial-badge tertial-helt"' in out
    assert render("{{ x }}", x=Markup("<em>ok</em>")) == "<em>ok</em>"


def test_no_site_module_is_long():
    site = Path(__file__).resolve().parents[1] / "scripts" / "tertial" / "site"
    long = {p.name: n for p in site.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 420}
    assert not long
