"""Words for measures and comparisons: what a figure counts, its predicate, its scope.

Predicates are grouped in classes: two quantities whose nearest predicates fall in different
classes ("killed" vs "injured") are not about the same measure.
"""

from __future__ import annotations

IRREGULAR_NOUNS: dict[str, str] = {
    "people": "person", "persons": "person", "women": "woman", "men": "man", "children": "child",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "thieves": "thief", "leaves": "leaf", "data": "data",
    "media": "media", "criteria": "criterion", "phenomena": "phenomenon", "analyses": "analysis",
    "crises": "crisis", "theses": "thesis", "series": "series", "species": "species", "police": "police",
    "staff": "staff", "personnel": "personnel", "news": "news", "cattle": "cattle", "sheep": "sheep",
    "fish": "fish", "aircraft": "aircraft", "headquarters": "headquarters", "emails": "email",
    "e-mails": "email", "e-mail": "email", "cops": "officer", "cop": "officer", "gop": "republican",
    "kids": "child", "kid": "child", "folks": "person", "individuals": "person", "individual": "person",
    "humans": "person", "souls": "person", "lads": "man", "ladies": "woman", "lady": "woman",
    "girls": "girl", "boys": "boy", "bus": "bus", "buses": "bus", "status": "status",
}
# Words ending in -s that are not plurals.
NOT_PLURAL = frozenset("""
us as is was has this its his hers yes less news series species always perhaps thus plus bus gas
status focus census campus virus bonus corps crisis analysis basis thesis chaos texas kansas
""".split())

# Heads too generic to identify a measure on their own.
GENERIC_HEADS = frozenset("""
person thing time way one other case number amount figure total part percent lot kind sort type
""".split())

# Heads that say nothing about which group is counted ("hundreds of others"): the predicate decides.
UNSPECIFIC_HEADS = frozenset({"other", "more", "total", "number"})
# Nouns that name the dead themselves ("355 deaths", "1,300 dead"): counted as people who died.
DEATH_HEADS = frozenset({"death", "fatality", "life", "dead"})
# Counted nouns news uses interchangeably for one thing, folded to one (singular lemmas).
HEAD_SYNONYMS: dict[str, str] = {
    "bullet": "round", "ballot": "vote", "soldier": "troop", "pupil": "student", "kid": "child",
    "cop": "officer", "policeman": "officer", "policewoman": "officer", "youngster": "child",
    # who attacked: "two snipers", "the lone gunman" and "a single shooter" count the same people
    "gunman": "attacker", "shooter": "attacker", "sniper": "attacker", "assailant": "attacker",
    "bomber": "attacker",
}
# Modifiers of a counted noun that describe rather than restrict ("hundreds of innocent children").
NON_RESTRICTIVE = frozenset("""
innocent young little tiny helpless defenceless defenseless poor brave beloved precious unsuspecting
""".split())


# Nouns that count people: quantities of these can add up to a total of people. Not the same
# list as lexicon.cues.SPEAKER_PERSON_NOUNS, which describes who speaks ("a source", "a critic").
COUNTED_PERSON_NOUNS: frozenset[str] = frozenset("""
person man woman child boy girl adult teenager baby infant family member fighter militant soldier
troop civilian resident refugee migrant immigrant worker employee student voter prisoner hostage
detainee officer police policeman protester demonstrator passenger victim survivor patient doctor
nurse citizen local villager tourist journalist reporter teacher official lawmaker senator
congressman representative republican democrat delegate supporter volunteer pilgrim evacuee
combatant insurgent rebel jihadist terrorist gunman guard minor elder senior veteran relative
dependant dependent wife husband son daughter mother father parent sibling brother sister
""".split())
# Heads that name the whole of a category ("people in all").
CATEGORY_TOTALS: dict[str, frozenset[str]] = {"person": frozenset({"person", "human", "soul", "evacuee"})}

# Predicate classes: lemma -> the forms to recognise (base forms are added automatically).
PREDICATES: dict[str, tuple[str, ...]] = {
    "depart": ("leave", "left", "escape", "flee", "fled", "evacuate", "exit", "depart", "withdraw",
               "withdrew", "withdrawn", "relocate", "bused", "bussed", "take out", "took out",
               "taken out", "ferry", "transfer", "evacuation", "exodus", "departure", "escapee"),
    "die": ("die", "dead", "death", "deaths", "kill", "slay", "slain", "slew", "massacre", "fatality",
            "fatalities", "perish", "execute", "murder", "toll", "killing", "lives"),
    "injure": ("injure", "wound", "hurt", "injury", "injuries", "hospitalize", "hospitalise"),
    "arrest": ("arrest", "detain", "jail", "imprison", "apprehend", "custody", "round up", "rounded up"),
    "displace": ("displace", "homeless", "uproot", "shelter"),
    "rescue": ("rescue", "save", "saved", "release"),
    "spend": ("spend", "spent", "cost", "pay", "paid", "buy", "bought", "purchase", "expense",
              "expenditure", "charge", "price", "priced", "worth", "reserve", "book", "fee"),
    "raise": ("raise", "donate", "donation", "fundraise", "collect", "contribution", "outraise"),
    "fund": ("fund", "allocate", "budget", "appropriate", "grant", "aid", "commit", "pledge",
             "invest", "investment", "loan", "bailout", "stimulus"),
    "vote": ("vote", "ballot", "elect"),
    "attend": ("attend", "gather", "rally", "march", "crowd", "turn out", "turnout", "protest"),
    "hire": ("hire", "employ", "recruit"),
    "cut": ("lay off", "laid off", "layoff", "eliminate", "slash"),
    "infect": ("infect", "infection", "test positive", "tested positive", "diagnose"),
    "sign": ("sign", "signatory", "endorse", "cosponsor", "co-sponsor"),
    "deport": ("deport", "expel", "remove", "removal", "deportation"),
    "win": ("win", "won", "beat"),
    "sell": ("sell", "sold", "sale", "export"),
    "earn": ("earn", "income", "salary", "revenue", "profit"),
}
# How a measure label reads each predicate class ("people killed", "votes cast").
PREDICATE_LABELS: dict[str, str] = {
    "depart": "who left", "die": "killed", "injure": "injured", "arrest": "arrested",
    "displace": "displaced", "rescue": "rescued", "spend": "spent", "raise": "raised", "fund": "committed",
    "vote": "voting", "attend": "attending", "hire": "hired", "cut": "cut", "infect": "infected",
    "sign": "signing", "deport": "deported", "win": "won", "sell": "sold", "earn": "earned",
}
# Predicate classes that happen to people: a bare figure with one of these counts people.
PERSON_PREDICATES = frozenset({"depart", "die", "injure", "arrest", "displace", "rescue", "attend",
                               "hire", "infect", "deport"})
# What happens to people in an unfolding event, counted as a running toll that rises as reports
# come in (the dead, the injured, the arrested, the displaced).
TOLL_PREDICATES = frozenset({"die", "injure", "arrest", "displace", "rescue", "infect", "deport"})
# Classes that describe the same event from two sides (leaving alive vs dying do not mix).
COMPATIBLE_PREDICATES: frozenset[frozenset[str]] = frozenset({
    frozenset({"depart", "rescue"}), frozenset({"depart", "deport"}), frozenset({"depart", "displace"}),
    frozenset({"spend", "fund"}), frozenset({"raise", "earn"}), frozenset({"raise", "fund"}),
    frozenset({"win", "vote"}), frozenset({"cut", "hire"}),
})

# Markers that put a number in a narrower or different scope than the same noun elsewhere.
SCOPE_MARKERS = frozenset("""
alone apiece respectively each remaining
""".split())
SCOPE_PHRASES = ("of them", "of whom", "of which", "in my", "in our", "in his", "in her", "in their",
                 "on my", "on our", "just in", "in one", "at one")
# An increment, not a stock ("thousands more troops", "another 50 people").
INCREMENT_MARKERS = frozenset("""more another additional extra further new added fresh second third other
others""".split())
# A difference between two totals, not a total ("a margin of 20,715 votes", "won by 12 points").
DIFFERENCE_PHRASES = ("margin", "margins", "lead", "led by", "won by", "lost by", "winning by", "gap", "difference",
                      "edge", "ahead by", "behind by")
# A rate, not a total ("a day", "per year").
RATE_PHRASES = ("a day", "a week", "a month", "a year", "per day", "per week", "per month", "per year",
                "per person", "per capita", "each day", "each year", "daily", "weekly", "monthly",
                "annually", "yearly", "an hour", "per hour", "a night", "per night", "every day")
# Totals that are still moving ("so far", "rose to"): a different figure may be an update.
RUNNING_PHRASES = ("so far", "to date", "as of", "rose to", "risen to", "climbed to", "rising",
                   "increased to", "jumped to", "up from", "down from", "fell to", "dropped to",
                   "latest", "updated", "revised", "now stands", "has grown", "has risen",
                   "initial", "initially", "preliminary", "previously")
# Expectation, intent or hypothesis: not a reported outcome.
MODAL_WORDS = frozenset("""
would could might may should will shall thought think thinks believed believe expect expected
expects expecting plan plans planned planning hope hoped hopes aim aims aimed target targets goal
goals want wants wanted propose proposes proposed proposal estimate projected projection forecast
predicted predict if unless promise promised promises pledge pledged vow vowed intend intended
seek seeks sought try tried
""".split())
NEGATIONS = frozenset({"not", "no", "never", "n't", "neither", "nor", "without"})
# Words that may stand between a negation and the figure it denies ("not have a", "is not even").
NEGATION_BRIDGES = frozenset("""
a an the be is are was were been being have has had do does did any even exactly quite really
""".split())
# Words that say a figure revises an earlier one ("rose to 44"): a different figure is an update.
REVISION_PHRASES = ("rose to", "risen to", "climbed to", "increased to", "jumped to", "up from",
                    "raised to", "revised", "updated", "now stands", "has grown", "has risen",
                    "fell to", "dropped to", "down from", "lowered to")

# Joining words between two amounts of one sentence.
ADDITIVE_JOINS = ("with", "and", "plus", "along with", "as well as", "together with", "accompanied by",
                  "alongside", "in addition to")
SUBSET_JOINS = ("including", "among them", "among whom", "of whom", "of them", "of which", "out of",
                "such as", "mostly", "mainly", "among", "included", "includes", "comprising")

# A number inside a group already counted ("of them, 30 were children").
SCOPE_JOINS = ("among them", "among whom", "of whom", "of them", "of which", "out of")
# Prepositions that introduce a place ("from Raqqa", "in Deir Ezzor").
PLACE_PREPOSITIONS = frozenset({"in", "from", "at", "near", "outside", "inside", "into", "across",
                                "throughout", "around"})

# Universal quantifiers for stated intents ("all fighters ... would die").
UNIVERSALS = frozenset({"all", "every", "each"})

# Words that turn a share into its complement ("a 23 percent cut" leaves 77 percent).
DECREASE_WORDS = frozenset("""cut cuts reduction reductions decrease decline drop loss lose fall shortfall
less fewer lower""".split())
