"""Words around proper names: titles, name particles, and capitalised words that are no names."""

from __future__ import annotations

from claimgraph.lexicon.dates import MONTH_NAMES, MONTHS, WEEKDAYS

# Words after "By" that show it is a sentence, not a byline ("By Tuesday the ...") (clean/).
NOT_A_NAME: frozenset[str] = WEEKDAYS | frozenset(MONTH_NAMES) | frozenset(
    """the this that then now today tomorrow yesterday noon midnight contrast comparison far all some
    most many mid late early night morning evening afternoon""".split()
)

# Lower-case words inside a person's name ("Ursula von der Leyen") (clean/metadata).
NAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "van", "von", "al", "el", "da", "di", "la", "le", "bin", "der", "den", "du", "and", "&"})

# Capitalised words of calls to action and headings that are not an outlet's name ("Sign up",
# "Support local journalism") (clean/metadata).
GENERIC_CAPITALISED: frozenset[str] = frozenset(
    """the a an and or of to in on for with by from at as is are we our you your it this that i
    sign subscribe donate support help get save read more latest recommend related share follow
    newsletter magazine daily weekly news update important finances journalism please thank""".split()
)

# Titles that open a capitalised run without belonging to the name ("President Obama" -> "Obama")
# (link/features).
NAME_PREFIXES: frozenset[str] = frozenset(
    """
    mr mrs ms dr gov sen rep president senator representative governor gen general secretary sheriff
    judge justice chairman chairwoman minister prime king queen prince pope rev
    """.split()
)
# Words that open a capitalised run by position only ("The White House", "But Senator Reid").
NAME_LEADING_WORDS: frozenset[str] = NAME_PREFIXES | frozenset(
    """
    a an and as at but by for from he her here his how i if in it its my of on or our she so that the
    their then there these they this those to we what when where while who why with
    """.split()
)

# Capitalised words after "in"/"from" that are not places (link/measures).
NOT_PLACES: frozenset[str] = WEEKDAYS | MONTHS | frozenset(
    {"the", "a", "an", "this", "that", "mr", "mrs", "ms", "dr", "president", "senator", "sen", "rep", "gov",
     "governor"})
