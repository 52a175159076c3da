"""Word lists used by the number parser and the quantity extractor.

Kept apart from the logic so they can be read (and extended) at a glance. All entries are
lower case; matching code lower-cases the text it compares.
"""

from __future__ import annotations

# ---------------------------------------------------------------- number words

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words written out; "dozen" behaves like a (small) scale: "two dozen", "a dozen".
SCALE_WORDS: dict[str, float] = {
    "dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
}
# Abbreviated scales glued to or right after digits ("$3.6bn", "4.3M", "10k").
# "m" and "b" are ambiguous (metre, bit) and only read as scales in a money context.
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thou": 1e3,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "MM": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "Bn": 1e9,
    "tn": 1e12, "trn": 1e12, "T": 1e12,
}
AMBIGUOUS_SCALES = frozenset({"m", "b", "T", "B"})

FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
UNICODE_FRACTIONS: dict[str, float] = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

# Vague plural amounts ("hundreds of", "tens of thousands"): the scale they multiply.
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12, "tens": 10.0, "scores": 20.0,
}
# Vague multipliers in front of a scale word: (low, high) in units of that scale.
# "a few dozen" -> 2..6 dozen (24..72); a bare plural ("hundreds") -> 2..<10 of the scale.
VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {
    "a few": (2, 6), "few": (2, 6), "several": (3, 9), "a couple of": (2, 3), "a couple": (2, 3),
    "many": (2, 10), "some": (2, 10),
}
PLURAL_RANGE: tuple[float, float] = (2, 10)

# ---------------------------------------------------------------- modifiers in front of a number

# Each maps a lower-cased phrase to how it bounds the number after it.
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
UPPER_BOUND_MODIFIERS = (
    "less than", "fewer than", "under", "below", "up to", "at most", "no more than", "not more than",
    "as many as", "as much as", "as high as", "a maximum of", "maximum of", "max", "max.",
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

# ---------------------------------------------------------------- things that are not quantities

MONTHS = frozenset("""
january february march april may june july august september october november december
jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
nov nov. dec dec.
""".split())
# Months that are also ordinary words: only read as months when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

TIME_SUFFIXES = frozenset("""
am a.m. a.m pm p.m. p.m o'clock gmt bst utc et est edt pt pst pdt ct cst cdt mt mst mdt hrs
""".split())

# Nouns after which a number is a label, not an amount ("category 4", "Game 7", "No. 5").
IDENTIFIER_NOUNS = frozenset("""
no no. nos. number num. # category cat. game round level stage phase grade class type version
chapter chap. page p. pp. section sec. article art. room gate platform exit route highway interstate
district ward precinct unit apartment apt apt. suite flight week day season episode ep. act scene
verse item step option tier group pool division zone channel model series volume vol. issue
lot plot bus line track tracks lane pier dock hole court paragraph para. clause rule amendment point
figure fig. table appendix annex exhibit slide question q question lap mile-marker post box
bay row seat block building floor terminal gen generation mark mk mk. size code ticket
""".split())

STREET_SUFFIXES = frozenset("""
street st st. road rd rd. avenue ave ave. boulevard blvd blvd. lane ln ln. drive dr dr. way place
pl pl. court ct ct. terrace crescent close square parkway pkwy highway hwy circle cir plaza
""".split())

# Words that make a following "one" a pronoun ("no one", "each one", "the same one").
ONE_PRONOUN_BEFORE = frozenset("""
no each every any the this that which same another someone such last little big only
""".split())
# Heads after which "one" is a pronoun: "one that ...", "one who ...".
ONE_PRONOUN_AFTER = frozenset("that who which whose another by thing".split())

REPORTING_LEMMAS = frozenset("""
say tell claim add explain note recall write describe insist admit argue report warn
state suggest estimate believe think allege acknowledge confirm deny reckon
""".split())
