"""Rule (tab-separated layout): goal texts - sections, paragraphs, bullet lists, where the goal part ends."""

from tabular_fixture import extract
from tertial.extract.tabular import section_label

REPORT = """Innehållsförteckning

Sammanfattning→4
Nämndmål: Barn erbjuds en trygg fritid→8
Uppföljning av ekonomi→85
Investeringar→86

Nämndmål: Barn erbjuds en trygg fritid

 Uppfylls helt

Beskrivning

Målen nås genom att mötesplatser erbjuder verksamhet och

plaskdammar. Inriktningen har fokus på kultur.

Förväntat resultat

- Fler barn deltar i verksamheten.
- Fritidsverksamheterna är jämlika och trygga.

Analys

Stadsdelsnämnden bedömer att målet uppnås helt.

Parklekar

 
Parklekarnas verksamhet pågår.
Den når både flickor och pojkar.

Aktivitet→Startdatum→Slutdatum→Avvikelse
 Stadsdelsnämnden ska utreda öppettider→2023-01-01→2023-12-31→

KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor självförsörjande

Nämnden bidrar till målet genom <b>stöd</b>.

Investeringar

Sammanfattning

Nya lokaler.

Uppföljning av ekonomi

Budgeten är i balans.
"""


def texts(goal):
    return dict(goal.texts)


def test_sections_paragraphs_and_bullets():
    goal = extract(REPORT).goals[0]
    assert [s for s, _ in goal.texts] == ["beskrivning", "forvantat_resultat", "analys"]
    assert texts(goal)["beskrivning"] == (
        "Målen nås genom att mötesplatser erbjuder verksamhet och plaskdammar. Inriktningen har fokus på kultur.")
    assert texts(goal)["forvantat_resultat"] == (
        "- Fler barn deltar i verksamheten.\n- Fritidsverksamheterna är jämlika och trygga.")
    assert texts(goal)["analys"] == (
        "Stadsdelsnämnden bedömer att målet uppnås helt.\n\nParklekar\n\n"
        "Parklekarnas verksamhet pågår. Den når både flickor och pojkar.")


def test_tables_and_verdicts_are_not_text():
    goal = extract(REPORT).goals[0]
    assert "Uppfylls" not in goal.texts[-1][1] and "öppettider" not in goal.texts[-1][1]


def test_unlabelled_text_kept_as_printed_and_the_goal_part_ends_at_a_chapter():
    goal = extract(REPORT).goals[1]
    # 'Investeringar' and 'Sammanfattning' are in the table of contents too, but not the chapter after the goals.
    assert goal.texts == [("text", "Nämnden bidrar till målet genom <b>stöd</b>.\n\nInvesteringar\n\n"
                                   "Sammanfattning\n\nNya lokaler.")]


def test_section_labels():
    assert section_label("Förväntat resultat") == "forvantat_resultat"
    assert section_label("Analys") == "analys"
    assert section_label("Beskrivning:") == "beskrivning"
    assert section_label("Parklekar") is None
    assert section_label("Analys av balansräkning") is None
