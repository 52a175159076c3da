"""Words around a number that tell whether it is an amount, and what it counts (extract/quantities)."""

from __future__ import annotations

from claimgraph.lexicon.dates import MONTH_ABBREVIATIONS, MONTHS

# Months as written before or after a day ("Sept. 11", "11 Oct."): a number there is a date.
DATE_MONTHS: frozenset[str] = MONTHS | frozenset(abbreviation + "." for abbreviation in MONTH_ABBREVIATIONS)

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

# Plural nouns that make a glued lower-case "m" mean millions ("1.5m people"), not metres.
PERSON_PLURALS = frozenset({"people", "men", "women", "children", "persons", "staff", "police", "cattle"})
# Words that may stand before a hyphen glued to a number ("minus-130", "nearly-50").
HYPHEN_PREFIXES = frozenset({"minus", "sub", "now", "nearly", "almost", "about", "some", "over", "under"})
# Determiners skipped before the counted noun phrase ("3,500 of their family members").
NP_SKIP_FIRST = frozenset("the a an their his her its our your my these those this that such all some".split())
# Words that never open a counted noun phrase ("2.1 last year" is a time).
NOT_NP_START = frozenset("last next this that these those every each per".split())

# Words that make "257-167" a vote tally (two counts) rather than a score or a range.
VOTE_WORDS = frozenset("""
vote votes voted voting ballot ballots tally passed passes approved confirmed confirm rejected defeated
""".split())

# Counts written without a numeral (extract/quantities/implied.py). Only nouns whose number is a
# fact of the event that reports tell one way or another: who attacked, and what they carried.
# Attackers: "the lone gunman" is one, "multiple shooters" two or more.
ATTACKER_NOUNS = frozenset("""
gunman gunmen shooter shooters sniper snipers attacker attackers assailant assailants bomber bombers
""".split())
# Weapons, counted one by one in an inventory ("armed with a rifle, a shotgun and a handgun").
WEAPON_NOUNS = frozenset("""
handgun handguns pistol pistols revolver revolvers rifle rifles shotgun shotguns knife knives
machete machetes
""".split())
# "lone", "sole", "single" before a noun say there was exactly one.
EXCLUSIVE_COUNT_WORDS = frozenset({"lone", "sole", "single"})
# "multiple" before a plural says two or more.
PLURAL_COUNT_WORDS = frozenset({"multiple"})
# What opens an inventory of what someone carried: each item of it is counted.
INVENTORY_CUES = ("armed with", "carried", "carrying", "was carrying", "equipped with")
# Words every such count holds, so a parse-less run parses their sentence (extract/condense); the
# nouns, not "single" or "carried", which would send far more sentences to the parser.
IMPLIED_COUNT_TRIGGERS = ATTACKER_NOUNS | WEAPON_NOUNS
