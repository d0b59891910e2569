"""Rule: one goal-tree builder for both layouts (goals.GoalTree): parent by code prefix, else the last
goal one level up; a heading printed again (same parent and title, a code on one side only) is one goal,
with a warning; another code under the same title is another goal."""

from tertial.extract.goals import GoalTree


def tree():
    return GoalTree([], [])


def test_parent_by_code_prefix_else_the_last_goal_one_level_up():
    t = tree()
    one, _ = t.add("inriktningsmal", "1", "Ett", 1)
    two, _ = t.add("inriktningsmal", "2", "Två", 2)
    sub, _ = t.add("verksamhetsmal", "1.3", "Under ett", 3)  # printed after 2, but its code says 1
    board, _ = t.add("namndmal", None, "Nämndens", 4)
    assert t.goals[sub].parent == one and t.goals[board].parent == sub
    plain, _ = t.add("verksamhetsmal", None, "Utan kod", 5)
    assert t.goals[plain].parent == two


def test_a_heading_printed_again_without_its_code_is_one_goal_and_warned():
    t = tree()
    first, new = t.add("verksamhetsmal", "1.1", "Ett mål", 10)
    again, new_again = t.add("verksamhetsmal", None, "Ett mål", 20)
    assert (first, new, again, new_again) == (0, True, 0, False)
    assert t.warnings == [(20, "goal 'Ett mål' (first on line 10) is printed again without its code 1.1: "
                                "read as one goal")]


def test_another_code_under_the_same_title_is_another_goal():
    t = tree()
    t.add("verksamhetsmal", "1.1", "Ett mål", 10)
    _, new = t.add("verksamhetsmal", "1.2", "Ett mål", 20)
    assert new and len(t.goals) == 2 and t.warnings == []

