"""Verbs of stance-taking acts: what an agent does that states a position, by class.

PolNeAR and PARC annotate more than speech and thought: an agent's act that takes a stance on
something is an attribution of that stance ("the court struck down the law", "she railed
against the deal", "he urged voters to stay home" with a verb outside the speech lexicon). These
verbs report their object only when a person, an organisation or a personal pronoun acts (see
``claimgraph.extract.attribution.acts``). Lemmas as spaCy's English lemmatizer gives them; none of
them is in ``cues.CUE_VERBS``, which keeps its own constructions.
"""

from __future__ import annotations

# Evaluation: the object is what the agent praises, attacks or belittles.
EVALUATION_ACTS: frozenset[str] = frozenset(
    {
        "admire",
        "resent",
        "deride",
        "chastise",
        "berate",
        "reprimand",
        "scorn",
        "disparage",
        "belittle",
        "demean",
        "insult",
        "taunt",
        "malign",
        "vilify",
        "demonize",
        "smear",
        "excoriate",
        "grill",
        "pummel",
        "pound",
        "pepper",
        "lampoon",
        "skewer",
        "downplay",
        "minimize",
        "pooh-pooh",
        "understate",
        "overstate",
        "exaggerate",
        "extol",
        "glorify",
        "idolize",
        "revere",
        "distrust",
        "mistrust",
        "despise",
        "detest",
        "loathe",
        "abhor",
        "resist",
        "spurn",
        "snub",
        "shun",
        "disavow",
        "repudiate",
        "renounce",
        "embrace",
        "cheer",
        "congratulate",
        "thank",
        "salute",
    }
)

# Advocacy: the agent pushes someone to act ("encouraged voters to register").
ADVOCACY_ACTS: frozenset[str] = frozenset(
    {
        "encourage",
        "exhort",
        "implore",
        "entreat",
        "beseech",
        "beg",
        "pressure",
        "prod",
        "nudge",
        "petition",
        "coax",
        "goad",
        "dare",
    }
)

# Framing: the agent ties its object to something or casts it as something ("linked the hack to
# her server", "painted him as a fraud").
FRAMING_ACTS: frozenset[str] = frozenset(
    {
        "link",
        "tie",
        "connect",
        "attribute",
        "equate",
        "paint",
        "portray",
        "cast",
        "frame",
        "depict",
        "pigeonhole",
        "caricature",
    }
)

# Decisions and legal acts of courts, legislators and officials ("vetoed the bill", "the court
# blocked the rule").
DECISION_ACTS: frozenset[str] = frozenset(
    {
        "approve",
        "veto",
        "block",
        "overturn",
        "overrule",
        "override",
        "uphold",
        "strike",
        "sponsor",
        "cosponsor",
        "co-sponsor",
        "enact",
        "repeal",
        "revoke",
        "rescind",
        "ratify",
        "authorize",
        "authorise",
        "appoint",
        "nominate",
        "impose",
        "ban",
        "outlaw",
        "sanction",
        "abolish",
        "unveil",
        "invalidate",
        "annul",
        "halt",
        "suspend",
    }
)

# Acts whose content is introduced by a preposition ("voted against the bill", "railed against
# the rules", "balked at the cost").
PREPOSITION_ACTS: dict[str, frozenset[str]] = {
    "vote": frozenset({"for", "against"}),
    "rail": frozenset({"against", "at"}),
    "balk": frozenset({"at"}),
    "lash": frozenset({"at"}),
    "seize": frozenset({"on", "upon"}),
    "poke": frozenset({"at"}),
    "plot": frozenset({"against"}),
    "crusade": frozenset({"for", "against"}),
    "fume": frozenset({"about", "over", "at"}),
    "rage": frozenset({"against", "at"}),
}

# Verbs that only act with a particle ("struck down the law").
PARTICLE_ONLY: dict[str, frozenset[str]] = {
    "strike": frozenset({"down"}),
}

ACT_VERBS: frozenset[str] = (
    EVALUATION_ACTS | ADVOCACY_ACTS | FRAMING_ACTS | DECISION_ACTS | frozenset(PREPOSITION_ACTS)
)

# Verbs of judging and naming whose agentless passive reports a judgement with nobody named ("He
# has been criticized for his policies", "The plan is described as reckless", "She was accused
# of lying"): the content is the subject with the complement.
PASSIVE_JUDGEMENT_VERBS: frozenset[str] = frozenset(
    {
        "criticize",
        "criticise",
        "praise",
        "accuse",
        "blame",
        "fault",
        "condemn",
        "denounce",
        "describe",
        "call",
        "label",
        "brand",
        "dub",
        "term",
        "characterize",
        "characterise",
        "portray",
        "paint",
        "depict",
        "cast",
        "mention",
        "tout",
        "hail",
        "laud",
        "applaud",
        "commend",
        "credit",
        "attack",
        "slam",
        "deride",
        "ridicule",
        "mock",
        "chastise",
        "castigate",
        "lambaste",
        "rebuke",
        "dismiss",
        "decry",
        "question",
        "tip",
        "bill",
        "view",
        "regard",
        "see",
    }
)
# Prepositions that carry the judgement of such a passive ("criticized for", "described as").
PASSIVE_JUDGEMENT_PREPS: frozenset[str] = frozenset({"as", "for", "of"})

# Nouns for a person by the stance they hold on something ("a staunch opponent of the death
# penalty", "X, a longtime supporter of the plan,"): the "of" object is what they hold it on.
STANCE_PERSON_NOUNS: frozenset[str] = frozenset(
    {
        "supporter",
        "opponent",
        "critic",
        "defender",
        "proponent",
        "advocate",
        "champion",
        "backer",
        "foe",
        "skeptic",
        "sceptic",
        "detractor",
        "admirer",
        "booster",
        "enemy",
        "adversary",
    }
)

# Measurements whose findings are reported with "in" ("Clinton led by 5 points in the poll").
POLL_NOUNS: frozenset[str] = frozenset({"poll", "survey", "polling", "census"})

# Verbs whose subject receives a judgement ("drew criticism", "faced ridicule", "won praise"):
# the subject is what the judgement is about, and the judge, if named, follows "from".
RECEIVING_VERBS: frozenset[str] = frozenset(
    {
        "draw",
        "face",
        "receive",
        "attract",
        "earn",
        "garner",
        "win",
        "get",
        "court",
        "invite",
    }
)
# Judgements that can be received.
RECEIVED_JUDGEMENTS: frozenset[str] = frozenset(
    {
        "criticism",
        "ridicule",
        "praise",
        "condemnation",
        "backlash",
        "scrutiny",
        "fire",
        "flak",
        "blame",
        "rebuke",
        "applause",
        "acclaim",
        "endorsement",
        "opposition",
        "pushback",
        "derision",
        "scorn",
        "outrage",
        "censure",
        "accolade",
        "plaudit",
        "complaint",
        "accusation",
        "attack",
        "allegation",
        "charge",
        "question",
        "objection",
        "protest",
    }
)

# Light verbs that make their subject the owner of a nominal cue object ("raised concerns about
# X", "made the case that X", "has no illusions about X", "took offense at X"). Verbs of receiving
# ("faced criticism", "drew questions", "got a warning") are left out: their subject is the target.
LIGHT_VERBS: frozenset[str] = frozenset(
    {
        "make",
        "have",
        "take",
        "raise",
        "voice",
        "air",
        "give",
        "send",
        "issue",
        "file",
        "lodge",
        "register",
        "level",
        "sign",
        "reach",
        "extract",
        "throw",
        "lend",
        "renew",
        "hold",
        "harbor",
        "harbour",
        "share",
        "present",
        "deliver",
        "float",
        "put",
        "strike",
        "forge",
        "broker",
        "launch",
        "mount",
        "wage",
        "step",
        "restrict",
        "pepper",
    }
)

# Nouns of stance, besides the nominal cues, that a light verb gives to its subject.
LIGHT_VERB_NOUNS: frozenset[str] = frozenset(
    {
        "case",
        "secret",
        "offense",
        "offence",
        "illusion",
        "reservation",
        "misgiving",
        "qualm",
        "agreement",
        "deal",
        "motion",
        "grievance",
        "suspicion",
        "request",
        "appeal",
        "vision",
        "commitment",
        "point",
        "interest",
        "campaign",
        "effort",
        "bid",
        "pitch",
    }
)

# Prepositions that introduce the content of a light-verb noun ("took offense at X"); "to", "for"
# and "with" mostly name whom it was addressed to ("a question for the president").
LIGHT_VERB_PREPS: frozenset[str] = frozenset(
    {
        "about",
        "of",
        "on",
        "over",
        "against",
        "regarding",
        "at",
        "behind",
        "in",
    }
)

# Cue verbs whose object names a feeling or stance rather than what was said ("expressed concern
# about X", "voiced outrage over X"): the content is what the feeling is about.
EXPRESSIVE_VERBS: frozenset[str] = frozenset({"express", "voice", "air", "register"})
# Feelings that are expressed about something, besides the nominal cues and light-verb nouns.
EXPRESSED_FEELINGS: frozenset[str] = frozenset(
    {
        "outrage",
        "anger",
        "dismay",
        "alarm",
        "frustration",
        "disappointment",
        "displeasure",
        "skepticism",
        "scepticism",
        "unease",
        "regret",
        "optimism",
        "pessimism",
        "confidence",
        "reservation",
        "misgiving",
        "indignation",
        "anxiety",
        "surprise",
        "shock",
    }
)

# Verbs of impression: "X seems Y" reports an impression of X with nobody named as its holder.
SEEM_VERBS: frozenset[str] = frozenset({"seem", "appear"})

# Nouns of pleading whose "for" names what is pleaded for ("made the case for X", "voiced support
# for X"), where elsewhere "for" names whom something is meant for.
ADVOCACY_NOUNS: frozenset[str] = frozenset(
    {"case", "argument", "support", "call", "push", "plea", "appeal", "campaign", "advocacy", "backing"}
)

# Verbs of accusing: in "accused X of Y" the accused is part of the act and Y is what is claimed.
ACCUSING_VERBS: frozenset[str] = frozenset({"accuse", "suspect"})
