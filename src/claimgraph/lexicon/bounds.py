"""Words that bound a figure ("about", "more than", "up to") or mark it as a change ("rose")."""

from __future__ import annotations

# Phrases before a number (extract/quantities), by how they bound it: about, nearly (approximate
# and not above), more than, less than, exactly.
APPROX_MODIFIERS = (
    "about", "around", "approximately", "approx.", "approx", "roughly", "some", "circa", "c.", "ca.",
    "an estimated", "estimated", "est.", "just about", "more or less", "in the region of",
    "on the order of", "in the order of", "somewhere around", "somewhere between", "or so",
    "~", "≈", "∼",
)
NEAR_BELOW_MODIFIERS = (  # approximate, and not above the number
    "nearly", "almost", "close to", "just under", "just shy of", "just below", "shy of",
    "not quite", "barely", "just short of",
)
LOWER_BOUND_MODIFIERS = (
    "more than", "over", "at least", "above", "upwards of", "upward of", "in excess of", "exceeding",
    "no fewer than", "no less than", "not less than", "well over", "well above", "just over",
    "just above", "north of", "greater than", "higher than", "a minimum of", "minimum of",
    "as little as", "as few as", "starting at", "starting from", "from as little as", ">", "≥", ">=",
    "over than",
)
# Upper bounds that name the figure itself ("up to 500 people" may well mean 500).
UPPER_FIGURE_MODIFIERS = ("up to", "as many as", "as much as", "as high as")
UPPER_BOUND_MODIFIERS = UPPER_FIGURE_MODIFIERS + (
    "less than", "fewer than", "under", "below", "at most", "no more than", "not more than",
    "a maximum of", "maximum of", "max", "max.",
    "well under", "well below", "lower than", "south of", "<", "≤", "<=", "sub", "sub-",
)
EXACT_MODIFIERS = ("exactly", "precisely", "just", "only", "a mere", "a total of", "totalling", "totaling")

# Verbs/adverbs after which "X to Y" reads as "changed by X, to Y" rather than a range.
CHANGE_WORDS = frozenset("""
by up down rose rise rises rising fell fall falls falling gained gain gains lost lose loses jumped
jump jumps climbed climb climbs dropped drop drops slid slide slides added add adds increased
increase increases decreased decrease decreases grew grow grows declined decline declines plunged
plunge plunges surged surge surges soared soar soars tumbled tumble tumbles slipped slip slips
edged edge edges advanced advance advances eased ease eases rallied rally rallies sank sink sinks
cut cuts raised raise raises lowered lower lowers boosted boost boosts shed sheds slumped slump
slumps dipped dip dips spiked spike spikes plummeted plummet plummets trimmed trim widened narrowed
higher lower
""".split())
