"""Issue 15: the curated synonyms (curation/synonyms.yml) are data the search hook checks: the real
file loads; a malformed one stops the build with one line naming the file (and the line)."""

import sys

import pytest
from mkdocs.exceptions import PluginError
from siteutil import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import tertial_search  # noqa: E402


def test_the_curated_synonyms_load():
    synonyms = tertial_search.load_synonyms(ROOT / "curation" / "synonyms.yml")
    assert "hemtjänst" in synonyms["äldreomsorg"] and "förskola" in synonyms["skola"]
    assert all(term == term.lower() and words for term, words in synonyms.items())


@pytest.mark.parametrize("text, line", [("äldreomsorg: [hemtjänst\nskola: x\n", 2), ("- a\n- b\n", None),
                                        ("Skola: [förskola]\n", None), ("skola: [förskola, 3]\n", None),
                                        ("skola: förskola\n", None)])
def test_a_malformed_file_is_refused_naming_it(tmp_path, text, line):
    path = tmp_path / "synonyms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as e:
        tertial_search.load_synonyms(path)
    message = str(e.value)
    assert message.startswith(str(path)) and "\n" not in message.strip()
    if line:
        assert message.startswith(f"{path}:{line}")
