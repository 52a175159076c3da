"""Word lists for attribution and hedge detection: cue verbs and nouns, speakers, hedges.

The lists are lemmas as spaCy's English lemmatizer gives them. They follow the usual
attribution-relation inventories (PARC-style): speech acts, cognition, and evaluative verbs that
take what someone said or thinks as their object.
"""

from __future__ import annotations

from claimgraph.lexicon.acts import (
    ACT_VERBS,
    PASSIVE_JUDGEMENT_VERBS,
    POLL_NOUNS,
    RECEIVED_JUDGEMENTS,
    STANCE_PERSON_NOUNS,
)

# Verbs whose clausal complement ("X said [that ...]") is reported content.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "note", "write", "report", "claim", "state", "announce", "declare",
    "explain", "argue", "insist", "assert", "maintain", "contend", "suggest", "acknowledge",
    "admit", "concede", "confirm", "deny", "warn", "caution", "predict", "promise", "pledge",
    "vow", "threaten", "demand", "ask", "answer", "reply", "respond", "comment", "remark",
    "observe", "mention", "recall", "tweet", "post", "testify", "allege", "charge", "complain",
    "boast", "brag", "stress", "emphasize", "emphasise", "underscore", "indicate", "disclose",
    "reveal", "uncover", "show", "conclude", "estimate", "forecast", "project", "propose",
    "recommend", "advise", "agree", "disagree", "counter", "retort", "quip", "joke", "muse",
    "concur", "reiterate", "repeat", "signal", "hint", "imply", "speculate",
    "guarantee", "assure", "reassure", "swear", "affirm", "proclaim", "pronounce",
    "lament", "grumble", "exclaim", "shout", "scream", "yell", "whisper", "murmur", "mutter",
    "read", "clarify", "elaborate", "specify", "summarize", "describe", "detail",
    "highlight", "point", "find", "learn", "discover", "determine", "rule", "decide", "order",
    "urge", "recount", "relate", "inform", "notify", "brief", "remind", "convince",
    "persuade", "accuse", "blame", "fault", "question",
    "wonder", "theorize", "posit", "hypothesize", "publish", "document",
    "demonstrate", "prove", "establish", "verify", "certify", "attest", "plead",
    "bet", "scoff", "sneer", "snap", "gush", "rave", "crow", "chant", "sing",
})

# Cognition / attitude verbs whose complement is what the subject believes.
COGNITION_VERBS: frozenset[str] = frozenset({
    "believe", "think", "know", "expect", "hope", "fear", "worry", "feel", "suspect", "assume",
    "doubt", "understand", "realize", "realise", "recognize", "recognise", "reckon", "figure",
    "guess", "suppose", "presume", "imagine", "trust", "consider", "judge", "calculate",
    "anticipate", "foresee", "envision", "see", "sense", "conclude", "want", "wish", "prefer",
    "plan", "intend", "seek", "refuse", "decline", "agree", "offer", "regret", "remember",
    "forget", "dread", "bemoan", "acknowledge", "extrapolate", "infer", "deduce", "surmise",
})

# Verbs whose noun-phrase object is an evaluation, a stance or a reported act
# ("condemned the test", "endorses Clinton", "cited the report").
NP_CONTENT_VERBS: frozenset[str] = frozenset({
    "condemn", "denounce", "criticize", "criticise", "praise", "deny", "reject", "announce",
    "reveal", "uncover", "disclose", "propose", "demand", "discuss", "cite", "blast", "slam",
    "attack", "accuse", "question", "dispute", "endorse", "oppose", "dismiss", "welcome",
    "acknowledge", "admit", "confirm", "describe", "mention", "recall", "detail", "outline",
    "highlight", "emphasize", "stress", "decry", "deplore", "lament", "applaud", "hail",
    "laud", "commend", "defend", "rebut", "refute", "contest", "challenge", "ridicule", "mock",
    "lambaste", "castigate", "rebuke", "chide", "scold", "fault", "blame", "predict", "forecast",
    "estimate", "report", "promise", "pledge", "vow", "threaten", "warn", "urge", "label",
    "brand", "dub", "characterize", "term", "liken", "compare", "tout", "trumpet", "champion",
    "advocate", "favor", "favour", "support", "back", "recommend", "suggest", "reference",
    "invoke", "reiterate", "repeat", "echo", "document", "chronicle", "tweet", "express", "voice",
    "explain", "offer", "promote", "view", "regard", "push", "seek", "want",
    "prefer", "fear", "protest", "decline", "refuse", "ignore", "concede", "hammer", "rip",
    "bash", "knock", "pan", "assail", "condone", "excuse", "justify", "rule", "examine",
    "explore", "address", "identify", "weigh", "consider", "doubt",
    # speech acts whose object is the stance itself ("declared bankruptcy", "proclaimed a goal of
    # X", "underscored a weakness")
    "declare", "proclaim", "underscore", "reaffirm", "affirm",
})

# Verbs whose content is an (object +) to-infinitive ("urged North Korea to resume talks").
TO_INF_VERBS: frozenset[str] = frozenset({
    "urge", "ask", "call", "warn", "tell", "encourage", "pledge", "vow", "promise", "threaten",
    "refuse", "decline", "agree", "offer", "want", "plan", "intend", "hope", "expect", "demand",
    "order", "implore", "beg", "advise", "instruct", "push", "press", "challenge", "invite",
    "seek", "propose", "appeal", "caution", "direct", "request", "swear", "claim", "appear",
    "seem",
})

# Prepositions that introduce content after these verbs ("warned of", "called for").
CONTENT_PREPS: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}),
    "warn": frozenset({"of", "about", "against"}),
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"about", "of"}),
    "complain": frozenset({"about", "of"}),
    "worry": frozenset({"about"}),
    "boast": frozenset({"about", "of"}),
    "point": frozenset({"to"}),
    "argue": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "lobby": frozenset({"for"}),
    "appeal": frozenset({"for"}),
    "testify": frozenset({"about"}),
    "comment": frozenset({"on"}),
    "insist": frozenset({"on"}),
    "joke": frozenset({"about"}),
    "ask": frozenset({"about", "for"}),
    "vow": frozenset({"to"}),
    # a response is an act towards what it answers, or made with what it says
    "respond": frozenset({"to", "with"}),
    "reply": frozenset({"to", "with"}),
}

# Every lemma that can head a verbal cue.
CUE_VERBS: frozenset[str] = SPEECH_VERBS | COGNITION_VERBS | NP_CONTENT_VERBS | frozenset(CONTENT_PREPS) | {"deem"}

# Verbs that only count as cues with a clausal or quoted complement, never with a bare noun
# object (too many literal uses: "find a job", "show a car", "see the city", "issue a permit").
CLAUSE_ONLY: frozenset[str] = frozenset({
    "say", "tell", "add", "note", "write", "state", "see", "find", "learn", "know", "think",
    "feel", "understand", "read", "figure", "guess", "imagine", "sense", "judge", "calculate",
    "determine", "decide", "order", "show", "prove", "establish", "demonstrate", "point",
    "answer", "reply", "respond", "hope", "expect", "wish", "plan", "intend", "agree",
    "remember", "forget", "trust", "realize", "realise", "recognize", "recognise", "presume",
    "suppose", "assume", "believe", "hint", "sing", "chant", "relate", "inform", "brief",
    "remind", "convince", "persuade", "notify", "project", "post", "issue", "release", "publish",
    "signal", "call", "discover", "verify", "bet", "appear", "seem", "anticipate", "regret",
    "rule",
})

# Verbs of naming and judging whose content is an object with its predicate ("called Trump a
# liar", "found the rule unconstitutional", "deemed the plan reckless").
NAMING_VERBS: frozenset[str] = frozenset({
    "call", "label", "brand", "dub", "term", "deem", "declare", "pronounce", "consider", "find", "judge",
})

# Verbs that ask for an utterance and report nothing on their own ("asked about X").
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "wonder", "question"})

# Verbs of evidence: a document or organisation "shows/finds" a noun phrase ("Polls show a tie").
EVIDENCE_VERBS: frozenset[str] = frozenset({"show", "find", "indicate", "suggest", "reveal", "document",
                                            "put", "estimate", "project", "give", "rate"})

# Cue verbs that can be inserted into or appended to the clause they report
# ("The test, officials said, was the biggest yet"; "..., The Post has learned.").
PARENTHETICAL_VERBS: frozenset[str] = SPEECH_VERBS - {"find", "show", "read", "order", "decide", "rule", "point"} | {
    "believe", "think", "know", "expect", "fear", "suspect", "estimate", "learn", "hear", "understand"}

# Prepositions that introduce the content of any cue verb without an object
# ("complained about his microphone", "warned against hackers", "rallied over school funding").
GENERIC_CONTENT_PREPS: frozenset[str] = frozenset({"about", "against", "over"})

# Prepositions after a nominal cue ("claims about", "criticism of", "call for").
NOMINAL_PREPS: frozenset[str] = frozenset({"about", "of", "on", "over", "for", "against", "that", "regarding"})

# Adjectives of stance with a clause or prepositional content ("skeptical of", "confident that").
STANCE_ADJECTIVES: frozenset[str] = frozenset({
    "confident", "sure", "certain", "convinced", "skeptical", "sceptical", "critical", "supportive",
    "worried", "concerned", "afraid", "fearful", "hopeful", "optimistic", "pessimistic", "doubtful",
    "adamant", "clear", "insistent", "proud", "angry", "upset", "furious", "frustrated", "happy",
    "pleased", "glad", "disappointed", "unhappy", "wary", "suspicious", "dismissive", "aware",
    "opposed", "passionate", "enthusiastic", "unconvinced", "unsure", "uncertain", "eager",
    "determined", "reluctant", "unwilling", "willing", "keen", "firm", "vocal", "outspoken",
    "coy", "silent", "quiet", "mum", "candid", "frank", "open",
})
STANCE_PREPS: frozenset[str] = frozenset({"about", "of", "on", "over", "that", "with", "to", "toward", "towards"})


# Nouns that carry a cue when a speaker owns them ("X's statement", "a statement from X").
NOMINAL_CUES: frozenset[str] = frozenset({
    "statement", "claim", "allegation", "assertion", "accusation", "warning", "promise",
    "pledge", "announcement", "testimony", "remark", "comment", "argument", "contention",
    "suggestion", "prediction", "estimate", "admission", "denial", "insistence", "demand",
    "view", "belief", "position", "complaint", "charge", "criticism", "concern", "call",
    "declaration", "proposal", "vow", "threat", "assessment", "finding", "conclusion",
    "explanation", "insinuation", "theory", "assurance", "boast", "plea", "recommendation",
    "attack", "praise", "support", "opposition", "endorsement", "rejection", "objection",
    "question", "doubt", "fear", "hope", "worry", "message", "rhetoric", "description",
    "characterization", "depiction", "portrayal", "tweet", "speech", "interview",
    "report", "plan", "idea", "answer", "response", "reply", "reaction", "adulation", "disdain", "contempt", "condemnation", "denunciation", "defense", "defence",
})

# Nouns of intention and decision whose owner's to-infinitive is an attribution ("her decision to
# meet him", "his refusal to concede", "the president's eagerness to campaign").
INTENTION_NOUNS: frozenset[str] = frozenset({
    "decision", "determination", "refusal", "eagerness", "willingness", "unwillingness",
    "reluctance", "intention", "intent", "desire", "wish", "commitment", "resolve", "readiness",
    "plan", "promise", "pledge", "vow", "threat", "offer", "proposal", "demand", "call", "bid",
    "push", "effort", "attempt", "pressure", "urge", "hope", "ambition", "goal",
})

# Nominal cues that report speech even with nobody named ("allegations of fraud", "reports that").
SOURCELESS_NOUNS: frozenset[str] = frozenset({
    "allegation", "claim", "charge", "report", "accusation", "rumor", "rumour", "speculation",
    "suspicion", "criticism", "question", "complaint", "assertion", "warning", "prediction",
})

# Line labels that are page furniture, not speakers ("Correction: ...", "Video: ...").
RUBRIC_LABELS: frozenset[str] = frozenset({
    "correction", "update", "updated", "video", "photo", "watch", "read more", "related",
    "editor's note", "editor\u2019s note", "note", "source", "credit", "caption", "image",
    "the latest", "breaking", "live", "opinion", "analysis", "listen", "audio", "graphic",
})

# Adverbs that report with no speaker named.
REPORT_ADVERBS: frozenset[str] = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})

# Passive verbs of saying or thinking that report with no speaker named ("is expected to").
PASSIVE_REPORT_VERBS: frozenset[str] = frozenset({
    "expect", "think", "believe", "consider", "say", "report", "know", "rumor", "rumour",
    "estimate", "project", "predict", "suspect", "allege", "understand", "regard", "see",
})

# Nouns for documents and recordings (speaker_type "document").
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "report", "study", "poll", "survey", "statement", "document", "footage", "video", "memo",
    "letter", "analysis", "data", "filing", "record", "email", "e-mail", "investigation",
    "audit", "review", "paper", "research", "census", "figure", "estimate", "complaint",
    "lawsuit", "indictment", "affidavit", "transcript", "recording", "tape", "photo",
    "photograph", "image", "chart", "map", "ad", "advertisement", "release", "tweet", "post",
    "book", "article", "story", "website", "site", "page", "model", "projection", "ruling",
    "order", "decision", "bill", "law", "resolution", "draft", "testimony", "leak", "cable",
    "assessment", "evaluation", "inquiry", "probe", "test", "experiment", "trial", "evidence",
    "account", "list", "table", "graph", "log", "minutes", "announcement", "average", "result",
    "tally", "count", "number", "return", "sample", "forecast",
})

# Common nouns for people: an unnamed speaker described by one of these is "anonymous". Not the
# same list as lexicon.measures.COUNTED_PERSON_NOUNS: a speaker can be "a source" or "a critic",
# while a count of people is of "fighters" or "hostages"; each list is tuned to its own task.
SPEAKER_PERSON_NOUNS: frozenset[str] = frozenset({
    "source", "official", "driver", "witness", "resident", "person", "people", "aide",
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "expert", "analyst",
    "economist", "lawyer", "attorney", "doctor", "nurse", "soldier", "fighter", "commander",
    "officer", "diplomat", "insider", "employee", "worker", "staffer", "member", "activist",
    "critic", "supporter", "opponent", "voter", "protester", "protestor", "student", "teacher",
    "parent", "mother", "father", "man", "woman", "child", "friend", "neighbor", "neighbour",
    "victim", "survivor", "observer", "researcher", "scientist", "scholar", "professor",
    "investigator", "detective", "agent", "prosecutor", "judge", "lawmaker",
    "legislator", "senator", "congressman", "congresswoman", "representative", "candidate",
    "politician", "leader", "minister", "president", "governor", "mayor", "chief", "director",
    "executive", "manager", "owner", "farmer", "pilot", "guard", "villager", "refugee",
    "migrant", "local", "citizen", "journalist", "reporter", "correspondent", "editor",
    "columnist", "writer", "author", "historian", "strategist", "operative", "consultant",
    "pollster", "organizer", "campaigner", "negotiator", "mediator", "envoy", "ambassador",
    "secretary", "chairman", "chairwoman", "chair", "counsel", "clerk", "staff", "democrat",
    "republican", "conservative", "liberal", "progressive", "fan", "customer", "client",
    "patient", "relative", "someone", "somebody", "anyone", "everyone", "nobody", "insurgent",
    "militant", "rebel", "trucker", "passenger", "onlooker", "bystander", "eyewitness",
})

# Organisation-like common nouns ("the coalition", "the ministry").
ORG_NOUNS: frozenset[str] = frozenset({
    "coalition", "ministry", "department", "agency", "government", "administration", "army",
    "military", "police", "campaign", "party", "company", "firm", "committee", "council",
    "court", "commission", "board", "office", "bureau", "group", "organization",
    "organisation", "union", "alliance", "authority", "authorities", "regime", "newspaper",
    "network", "channel", "outlet", "station", "paper", "magazine", "white house", "kremlin",
    "pentagon", "navy", "force", "forces", "congress", "senate", "house", "parliament",
    "cabinet", "panel", "team", "bank", "fund", "institute", "university", "foundation",
    "center", "centre", "association", "federation", "league", "club", "church", "school",
    "hospital", "prosecution", "defense", "defence", "state", "city", "country", "nation",
    "embassy", "consulate", "mission", "secretariat", "spokesman",
})

# Determiners / modifiers that make a described person anonymous ("one driver", "a source").
INDEFINITE_MARKERS: frozenset[str] = frozenset({
    "a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "other",
    "few", "various", "multiple", "numerous", "unnamed", "anonymous", "senior", "certain",
})

PERSONAL_PRONOUNS: dict[str, str] = {
    # pronoun -> the kind of antecedent it can take
    "he": "person", "him": "person", "she": "person", "her": "person",
    "i": "self", "me": "self", "we": "group", "us": "group",
    "they": "group", "them": "group", "it": "thing",
}

# Words written before a name that are not part of it ("Mayor Ana Ruiz", "Sen. Jo Park").
TITLE_WORDS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "father", "sister", "president", "vice", "prime", "minister", "secretary",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov", "governor",
    "mayor", "councillor", "councilor", "councilman", "councilwoman", "alderman", "judge",
    "justice", "chief", "general", "gen", "admiral", "adm", "colonel", "col", "major", "maj",
    "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "officer", "detective", "inspector",
    "commissioner", "superintendent", "ambassador", "envoy", "special", "king", "queen", "prince",
    "princess", "chairman", "chairwoman", "chancellor", "director", "attorney", "speaker",
    "pope", "cardinal", "bishop", "rabbi", "imam", "sheikh", "coach", "nurse", "former", "acting",
    "deputy", "assistant", "state", "us", "u.s", "democratic", "republican", "labour", "gop",
})

RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})


ELLIPSIS_MARKS: tuple[str, ...] = ("\u2026", "...")

# Hedges: modal and epistemic words marking speculation or opinion.
HEDGE_VERBS: frozenset[str] = frozenset({
    "seem", "appear", "assume", "guess", "suppose", "suspect", "speculate", "presume",
    "believe", "think", "reckon", "imagine", "feel", "doubt", "estimate", "suggest", "hope",
    "expect", "fear", "wonder",
})
HEDGE_ADVERBS: frozenset[str] = frozenset({
    "perhaps", "maybe", "possibly", "probably", "likely", "unlikely", "apparently",
    "reportedly", "allegedly", "supposedly", "presumably", "seemingly", "arguably",
    "conceivably", "purportedly", "ostensibly", "roughly", "approximately", "somewhat",
    "potentially", "evidently",
})
HEDGE_ADJECTIVES: frozenset[str] = frozenset({
    "possible", "likely", "unlikely", "probable", "unclear", "uncertain", "doubtful",
    "alleged", "suspected", "apparent", "presumed", "rumored", "rumoured", "unconfirmed",
    "plausible", "conceivable",
})
# Multi-word hedges matched on lower-cased text.
HEDGE_PHRASES: tuple[str, ...] = (
    "in my opinion", "in my view", "i assume", "i think", "i believe", "i guess", "i suppose",
    "i suspect", "i doubt", "i imagine", "i feel", "it seems", "it appears", "as far as",
    "according to some", "it is possible", "it's possible", "it is likely", "it's likely",
    "there is a chance", "may or may not", "sort of", "kind of", "to some extent",
    "it is unclear", "it's unclear", "not clear", "is said to", "are said to", "was said to",
    "were said to", "is thought to", "are thought to", "is believed to", "are believed to",
    "was believed to", "is expected to", "are expected to", "in theory",
)

# Everything that can make a sentence hold an attribution, for the cheap pre-filter of parse-less
# runs (extract/condense): verb lemmas, matched in every inflected form, and nouns/adjectives
# matched as words. Lines opening with "Name:" (headline and transcript labels) and quotes
# credited "― Name" carry no such word and need their own check.
TRIGGER_VERBS: frozenset[str] = (SPEECH_VERBS | COGNITION_VERBS | NP_CONTENT_VERBS | TO_INF_VERBS
                                 | EVIDENCE_VERBS | QUESTION_VERBS | ACT_VERBS | PASSIVE_JUDGEMENT_VERBS)
TRIGGER_NOUNS: frozenset[str] = NOMINAL_CUES | STANCE_PERSON_NOUNS | POLL_NOUNS | RECEIVED_JUDGEMENTS
TRIGGER_ADJECTIVES: frozenset[str] = STANCE_ADJECTIVES
# Words that mark reported speech on their own ("in an interview", "was quoted", "reportedly").
TRIGGER_EXTRA_WORDS: frozenset[str] = frozenset({"interview", "quote", "quoted", "reportedly", "allegedly",
                                                 "apparently"})
