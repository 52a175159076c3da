"""Word and mark lists of the attribution extractor (constants only, no logic).

Every list the attribution extractor (``claimgraph.extract.attribution``) matches tokens or
characters against, beyond the big inventories of ``claimgraph.lexicon.cues`` (cue verbs, nominal
cues, ...): its own small lists.
"""

from __future__ import annotations

# Opening quote marks, double ones first (the scanner uses the first four as "double").
OPEN_MARKS = ("\u201c", '"', "''", "``", "\u2018", "'")
# What may stand right before an opening straight double quote.
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:;\u2026")

# A content that is one of these words alone says nothing ("said so", "denied it").
BAD_CONTENT = frozenset({"it", "that", "this", "so", "what", "which", "something", "anything",
                         "nothing", "more", "much", "otherwise", "yes", "no", "these",
                         "those", "everything", "all", "one", "them", "him", "her", "us", "me"})
# Prepositions that carry an argument of the reported act, so a noun-phrase content runs over
# them ("showed Clinton with a lead", "likened the plan to a tax"); others are circumstances.
NP_ARGUMENT_PREPS = frozenset({"with", "to", "as", "against", "into", "onto", "toward", "towards"})
# Words between an outer content and a report nested at its end ("..., which he said ...",
# "..., though she noted ..."): they belong to neither content.
NESTED_LINKERS = frozenset({"which", "who", "whom", "that", "though", "although", "while", "and", "but",
                            "as", "whereas"})
# Tokens trimmed from the edges of a content.
TRIM_PUNCT = frozenset({",", ";", ":", "-", "\u2014", "\u2013", "(", ")", "[", "]", "."})
# Subjects that are never a speaker.
SKIP_SPEAKERS = frozenset({"there", "what", "which", "this", "these", "those", "you", "one",
                           "nobody", "anyone", "everybody", "everyone", "both", "each"})
# The author's own voice.
SELF = frozenset({"i", "we", "me", "us"})
# Modals that make a cue speculative ("might say").
SPECULATIVE = frozenset({"might", "may", "could"})
# Cue verbs that are hedges in themselves.
HEDGE_CUES = frozenset({"speculate", "guess", "suspect", "assume", "suppose", "presume",
                        "imagine", "wonder", "hope", "fear"})

# Dashes that credit a quote ("― Name") or stand for a cue.
DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})
# Tokens a quote's cue never reaches across.
STOPS = frozenset({".", "!", "?", "\u201c", "\u201d", '"', "''", "``", ";"})

# Cue verbs that announce what the next sentence details ("X admits the part it played.").
ANNOUNCING = frozenset({"admit", "reveal", "disclose", "confirm", "acknowledge", "uncover",
                        "announce", "detail", "outline", "describe", "explain", "concede"})

# Characters trimmed from the edges of a speaker mention.
EDGE_CHARS = " \t\n.,;:\u2026-\u2013\u2014\u2015\"'\u201c\u201d\u2018\u2019()[]"
