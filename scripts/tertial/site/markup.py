"""The site's building blocks: addresses, the Page, and small HTML pieces (each escapes what it is given).

Untrusted values pass through text.esc / text.inline / text.block; nothing else writes them.
Addresses follow CONTRACT.md (site addresses); `url_*` give them, `rel` links between them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

import pandas as pd

from . import charts as ch
from . import status as st
from ..labels import DIRECTION_NAMES, LEVEL_NAMES, TYPE_NAMES  # noqa: F401  the pages take them from here
from ..schema import ASSESSMENTS
from .text import esc



# --- addresses ---------------------------------------------------------------------------------
def url_district(did): return f"stadsdelar/{did}/"
def url_report(did, year, rtype): return f"stadsdelar/{did}/{int(year)}-{str(rtype).lower()}/"
def url_goal(cg): return f"mal/{cg}/"
def url_indicator(iid): return f"indikatorer/{iid}/"
def url_source(rid): return f"kallor/{rid}/"


def rel(src: str, dst: str) -> str:
    """Relative link from directory address src to address dst ('' is the start page; a dst not
    ending in '/' is a file, e.g. 'data/stockholm.zip')."""
    is_dir = dst == "" or dst.endswith("/")
    r = posixpath.relpath("/" + dst, "/" + src)
    if is_dir:
        return "./" if r == "." else r + "/"
    return r


@dataclass
class Page:
    path: str                      # address, e.g. 'stadsdelar/norrmalm/'
    title: str                     # plain title for <title> (sanitised)
    wide: bool = False             # hide the (six-link) navigation sidebar to give tables room
    searchable: bool = True        # False: left out of the search index (a report's source text)
    body: list[str] = field(default_factory=list)
    charts: list[ch.Chart] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)   # extra files beside the page

    def add(self, *parts: str):
        self.body.extend(parts)

    def markdown(self) -> str:
        hide = "hide:\n  - navigation\n" if self.wide else ""
        hide += "" if self.searchable else "search:\n  exclude: true\n"
        front = f"---\ntitle: \"{self.title}\"\n{hide}---\n\n"
        return front + "\n\n".join(p.strip("\n") for p in self.body if p) + "\n"


def safe_title(s) -> str:
    """A page <title>: untrusted text minus anything a template or HTML could act on."""
    out = "".join(c for c in str(s) if c not in '<>&{}"`\\%')
    return " ".join(out.split())[:120]


# --- small HTML pieces ---------------------------------------------------------------------------
def link(src, dst, text) -> str:
    return f'<a href="{esc(rel(src, dst))}">{esc(text)}</a>'


def crumbs(src: str, trail: list[tuple[str, str]]) -> str:
    items = [link(src, "", "Översikt")] + [link(src, dst, t) for dst, t in trail[:-1]] + [esc(trail[-1][1])]
    return f'<nav class="tertial-crumbs" aria-label="Här är du">{" › ".join(items)}</nav>'


def badge(assessment) -> str:
    a = assessment if assessment in ASSESSMENTS else "ingen"
    label = ch.VERDICT_NAMES.get(assessment if a != "ingen" else "", "Ingen bedömning")
    return f'<span class="tertial-badge tertial-{a}">{esc(label)}</span>'


def status_badge(s: st.Status) -> str:
    return (f'<span class="tertial-status tertial-status-{s.key}" title="{esc(s.basis)}">'
            f'{esc(s.label)}<span class="tertial-visually-hidden"> ({esc(s.basis)})</span></span>')


def line_ref(line, end=None, source: str | None = None, page=None) -> str:
    """'rad 302' (or 'rad 340–342'), a link to that line of the report's source page when `source`
    (the relative address of /kallor/<report_id>/) is given; 's. 4' beside it for a row of a PDF."""
    if line is None or pd.isna(line):
        return ""
    text = f"rad {esc(line)}"
    if end is not None and not pd.isna(end) and str(end) not in ("", str(line)):
        text += f"–{esc(end)}"
    if source is None:
        return f'<span class="tertial-line">{text}</span>'
    out = f'<a class="tertial-line" href="{esc(source)}#L{esc(line)}">{text}</a>'
    if page is not None and not pd.isna(page) and str(page) != "":
        out += f' <a class="tertial-line" href="{esc(source)}#p{esc(page)}">s. {esc(page)}</a>'
    return out


def deferred(html: str) -> str:
    """Mark a generated HTML block for the MkDocs hook overrides/hooks/tertial_deferred.py: it is put
    into the page as is, without Python-Markdown re-parsing it and without filling the search index."""
    return f"<!--tertial:html-->\n{html}\n<!--/tertial:html-->"


def table(columns: list[str], rows: list[list[str]], caption: str, raw: bool = False,
          search: bool = False) -> str:
    """An HTML table in a focusable scroll region (so a phone never scrolls sideways); wide tables
    turn into one card per row on a phone (each cell labelled by its column). Cells are escaped
    unless raw=True (then the caller built them from escaped pieces)."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    cards = " tertial-cards" if len(columns) > 3 else ""
    # a cell's column name is only shown (by CSS) in the phone's card layout
    opens = [f'<td data-label="{esc(h)}">' for h in columns] if cards else ["<td>"] * len(columns)
    body = "".join("<tr>" + "".join(f"{o}{c if raw else esc(c)}</td>" for o, c in zip(opens, r)) + "</tr>"
                   for r in rows)
    html = (f'<p class="tertial-caption" aria-hidden="true">{esc(caption)}</p>'
            f'<div class="tertial-table{cards}" role="region" tabindex="0" aria-label="{esc(caption)}">'
            f'<table><caption class="tertial-visually-hidden">{esc(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')
    return html if search else deferred(html)


def figure(chart: ch.Chart, caption: str) -> str:
    data = table(chart.columns, chart.rows, f"Data bakom diagrammet: {caption}", search=True)
    return deferred(ch.embed(chart, caption) + f'<details class="tertial-data"><summary>Visa data som tabell</summary>{data}</details>')


def report_label(r) -> str:
    return f"{int(r.year)} {r.report_type}"



def goal_label(code, title) -> str:
    return f"{code} {title}" if code else str(title)


INDICATOR_COLUMNS = ["Indikator", "Utfall", "Prognos helår", "Årsmål", "Beräknad status", "Källa",
                     "Kvinnor", "Män", "Föregående år", "KF:s årsmål", "Period"]
GLOSSARY = "om/ordlista/"


def glossary(src: str, term: str, text: str) -> str:
    """A word linked to its explanation in the glossary (/om/ordlista/#term)."""
    return f'<a class="tertial-term" href="{esc(rel(src, GLOSSARY))}#{esc(term)}">{esc(text)}</a>'


def status_note(src: str) -> str:
    """What the computed status is (beside every table or list of indicator rows)."""
    return (f'<p class="tertial-note"><strong>{glossary(src, "beraknad-status", "Beräknad status")}</strong> är vår '
            f'jämförelse av {glossary(src, "prognos", "prognos")} (tertialrapporter) eller '
            f'{glossary(src, "utfall", "utfall")} (verksamhetsberättelse) mot {glossary(src, "arsmal", "årsmålet")} '
            f'och indikatorns {glossary(src, "riktning", "riktning")}. Den är inte nämndens egen bedömning. '
            f'Läs mer under <em>Om</em>.</p>')


def section_name(section) -> str:
    return {"analys": "Analys", "beskrivning": "Beskrivning",
            "forvantat_resultat": "Förväntat resultat"}.get(section, str(section).replace("_", " ").capitalize())


