"""Text-from-PDF layout: an indicator's name block. Where a name line hands over to the row's cells
('Sjukfrånvaro 7,4 % ...'), whether a name was left open at a line end (so its rest may follow a page
break), and a name that ends in a range closed on the next line ('dag 1-' / '14')."""

from __future__ import annotations

import re

from .values import EMPTY_MARKS
from .words import PERIOD_TAIL as _PERIOD_TAIL
from .words import TEXT_VERBS as _TEXT_VERBS
from .words import UNITS as _UNITS
from .words import is_number as _is_number
from .words import opens_with_sign as _opens_with_sign
from .words import YEAR, period_at_end

_NAME_OPEN_NUMBER = re.compile(r"\d\s*[-–]\s*$")  # a name ending in an open range: 'dag 1-' / '14'
NAME_GLUE = {"som", "med", "i", "av", "för", "inom", "efter", "till", "och", "per", "på", "under",
              "över", "mellan", "samt", "vid", "är", "har", "enligt", "utan", "från", "mot", "där"}
# Words of running text that no cell goes on with (a cell is a number, its unit, a text target): after a
# number they make the line a name's ('3 timmar eller mer', '14 dagar efter', 'åk 9 som är'). Not 'per':
# units go on with it ('kg per kg livsmedel').
PROSE_WORDS = (NAME_GLUE - {"per"}) | {"eller", "fler", "mer", "minst", "högst", "än"}


def inline_split(text: str, next_text: str | None, year: int | None = None) -> int | None:
    """Where the cells start on a name line ('Sjukfrånvaro 7,4 % ...'), as a word index, else None.
    `next_text`: the next line when it follows without a blank line; `year`: the report's year."""
    words = text.split()
    for k in range(1, len(words)):
        starts_cell = _is_number(words[k]) or _opens_with_sign(words[k])
        if starts_cell and not re.search(r"\d-\d", words[k]):
            tail = words[k:]
            if number_opens_prose(tail):
                continue  # 'åk 9 som är': the number belongs to the name
            if words[k - 1].lower() in NAME_GLUE:
                return None  # 'ligger på 5 procentenheter': the number belongs to the sentence
            if name_ends_in_number(tail, next_text, year):
                return None
            numbers = sum(1 for w in tail if _is_number(w))
            cellish = _cellish(tail)
            if len(" ".join(words[:k])) > 60 or (numbers < 0.3 * len(tail) and cellish < 0.7 * len(tail)):
                return None  # prose with numbers in it, not a name followed by cells
            if cellish == len(tail) and (numbers >= 1 and len(tail) >= 3):
                return k  # '88 % Tas fram av', '+/-1 % +/- 1 %': nothing but cells
            if numbers >= 2 or _PERIOD_TAIL.search(" ".join(tail)):
                return k
            if next_text is not None:
                nxt = next_text.strip().split()
                if nxt and nxt[0].lower() in NAME_GLUE:
                    return None
            return k
    return None


def number_opens_prose(words: list[str]) -> bool:
    """Rule number_opens_prose: a number followed (after at most one word, its unit or a noun) by a word of
    running text (PROSE_WORDS) is a piece of a name, not a cell: '2 eller fler besök', '3 timmar eller
    mer', '5 kurser eller fler', '9 som är'."""
    if len(words) < 2 or not _is_number(words[0]):
        return False
    noun = words[1].lower() not in PROSE_WORDS and not _is_number(words[1]) and len(words) > 2
    after = words[2] if noun else words[1]
    return after.lower() in PROSE_WORDS


def name_line_in_block(line: str, following: str | None, year: int | None, above: str | None = None) -> bool:
    """Rule name_line_opens_with_number: inside a name block (the line right below a name line), a line
    that opens with its only number and goes on in running text ('3 timmar eller mer', number_opens_prose),
    or a lone year ('2022') that the row's own cells follow (`following`: the next non-blank line, which
    opens with a value and ends with the period cell), is the name's next line: a period cell is only a
    period where the row's values are. So is any line that opens with a number right below a name line
    left open by its last word (`above`: '... hjälp inom' / '14 dagar'), when the row's cells follow."""
    words = line.split()
    if not words or line.startswith(" ") or not _is_number(words[0]):
        return False
    nxt = (following or "").split()
    if above is not None and name_left_open([above], False) and not period_at_end(line, year) and bool(nxt) \
            and (_is_number(nxt[0]) or _opens_with_sign(nxt[0])) and period_at_end(following, year):
        return True  # '... hjälp inom' / '14 dagar' / the cells: a name left open by its last word goes on
    if len(words) == 1 and YEAR.match(words[0]):
        nxt = (following or "").split()
        return bool(nxt) and (_is_number(nxt[0]) or _opens_with_sign(nxt[0]) or nxt[0] in EMPTY_MARKS) and (
            period_at_end(following, year) or following.startswith(" "))  # cells indented by empty ones
    return sum(1 for w in words if _is_number(w)) == 1 and not period_at_end(line, year) and \
        number_opens_prose(words)


def name_ends_in_number(tail: list[str], next_text: str | None, year: int | None) -> bool:
    """Rule name_ends_in_number: a lone bare number closing a name line, with a blank line (or nothing)
    after it, ends the name ('Antal utbildade inom Agenda 2030', then the cells below): a row's cells run
    on from its name line, they do not stop after one. A year near the report's (the period cell of a
    row that prints nothing else) or a number with a unit is a cell."""
    if len(tail) != 1 or next_text is not None or not re.fullmatch(r"\d+", tail[0]):
        return False
    return year is None or not (YEAR.match(tail[0]) and abs(int(tail[0]) - year) <= 1)


def name_opens_with_number(text: str, year: int | None) -> bool:
    """Rule name_opens_with_number: a line that opens with its only number and goes on in words that are
    no cells ('10 mest förskrivna läkemedel', '65 år och äldre som är nöjda'), with no period cell at its
    end, reads as a name, not as a row's cells: at least three words, fewer than half of them cell-like,
    or running text right after the number and its unit ('14 dagar efter', number_opens_prose).
    The callers take it as a name only where a row may start (after a row's period cell and a blank line,
    with cells below it)."""
    words = text.split()
    if len(words) < 3 or not _is_number(words[0]) or period_at_end(text, year):
        return False
    return sum(1 for w in words if _is_number(w)) == 1 and (
        _cellish(words) < 0.5 * len(words) or number_opens_prose(words))


def _cellish(tail: list[str]) -> int:
    """How many words of a line's tail read as table cells: numbers, a unit right after a number,
    '+/-', and the words of a text target ('Tas fram av nämnd/styrelse', 'öka', 'minska')."""
    count = 0
    target = False
    for n, w in enumerate(tail):
        lw = w.lower().rstrip(".")
        if _is_number(w) or _opens_with_sign(w) or lw in _TEXT_VERBS:
            count += 1
            target = False
        elif n and (_is_number(tail[n - 1]) or _opens_with_sign(tail[n - 1])) and lw in _UNITS:
            count += 1
        elif w == "Tas" or (target and lw in ("fram", "av", "nämnd", "nämnd/", "nämnd/styrelse", "styrelse")):
            count += 1
            target = True
    return count


def name_left_open(name_raws: list[str], clue: bool) -> bool:
    """Does the name's last line show that the name goes on (wrapped between words)? With the wrap clue, a
    trailing space; in every report, a bracket left open ('(stöd och service'), or a last word that
    cannot end a name ('från', 'med', 'och': NAME_GLUE) or a comma."""
    last = name_raws[-1] if name_raws else ""
    if not last.strip():
        return False
    if clue and last != last.rstrip():
        return True
    name = " ".join(name_raws)
    words = last.split()
    return name.count("(") > name.count(")") or words[-1].lower() in NAME_GLUE or last.rstrip().endswith(",")


def closes_range(name_line: str, line: str, spacing: bool) -> bool:
    """Does `line` open with the number that closes the range a name line leaves open ('dag 1-' / '14')?
    A range goes up: the number is a whole number above the opening one ('14- ' / '12,5' is a name cut
    at a hyphen followed by its cells); a line indented by empty cells (spacing convention) holds cells."""
    m = _NAME_OPEN_NUMBER.search(name_line)
    first = line.split()[0] if line.split() else ""
    if not m or not re.fullmatch(r"\d+", first) or (spacing and line.startswith(" ")):
        return False
    opening = re.search(r"(\d+)\s*[-–]\s*$", name_line)
    return int(first) > int(opening.group(1))


def split_before_unit_printed_again(text: str, later: str | None) -> int | None:
    """Rule unit_printed_again: where the cells start on a name line whose first cell carries a unit
    that wraps below it ('Antal barn per grupp 17,3 barn' / 'per' / 'avdelnin' / 'g'): at a number
    followed by words when the next block opens with a number followed by the same words ('16,5 barn').
    As a word index, else None."""
    words, nxt = text.split(), (later or "").split()
    if len(nxt) < 2 or not _is_number(nxt[0]):
        return None
    for k in range(1, len(words) - 1):
        unit = words[k + 1:]
        if _is_number(words[k]) and not _is_number(words[k - 1]) and words[k - 1].lower() not in NAME_GLUE \
                and nxt[1:1 + len(unit)] == unit:
            return k
    return None


def split_at(text: str, split: int) -> tuple[str, str]:
    """A line that holds a name's words and then the cells, cut before word `split`: (the name's part,
    the value line). The spaces between the name and the first cell, less the one that follows every cell,
    tell how many cells were left empty before it (in a report that prints empty cells as spaces)."""
    words = list(re.finditer(r"\S+", text))
    run = words[split].start() - words[split - 1].end()
    return " ".join(w.group() for w in words[:split]), " " * (run - 1) + text[words[split].start():]
