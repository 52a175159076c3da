"""Stop words, one list per task.

The three lists differ on purpose, and each is tuned to its task's evaluation: the cleaner counts
short function words to tell prose from menus; measures drop function, reporting and bound words
from the context of a figure; story clustering also drops words every news report uses ("said",
"year", "told"), weekdays and months. Merging them would change what each task finds.
"""

from __future__ import annotations

from claimgraph.lexicon.dates import MONTH_NAMES, WEEKDAYS

# Short English function words: prose has many of them, lists and menus have few (clean/).
FUNCTION_WORDS: frozenset[str] = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has
    have had do does did not no it its this that these those there their they them he she his her
    we our you your i my me who which what when where how than then so because about into over
    after before while would could should will can may might must also just very all any some more
    most such only own same other""".split()
)

# Function words, reporting verbs and bound words: never the context of a figure (link/measures).
MEASURE_STOPWORDS: frozenset[str] = frozenset("""
a an the and or but nor of to in on at by for with from into onto upon about as than then that this
these those there here it its it's is are was were be been being am has have had having do does did
done will would shall should can could may might must not no so such too very just only also even
still yet again ever never he she they we you i me him her them us my your his their our hers theirs
ours who whom whose which what when where why how all any both each either neither other another some
most more less few many much own same s t said says say told tells according who've we've they've
i'm he's she's they're we're you're mr mrs ms dr up out over off down if while because though although
per via like around nearly almost about approximately roughly some estimated least
""".split())

# Function words plus verbs and nouns that every news report uses ("said", "told", "year"):
# they carry no event identity and would otherwise dominate the early, idf-poor documents
# (link/features, story clustering).
STORY_STOPWORDS: frozenset[str] = frozenset(
    """
    a about above according across after afterwards again against ago ah all almost alone along already
    also although always am among amongst an and another any anybody anyhow anyone anything anyway
    anywhere are aren't around as ask asked asking at away back be became because become becomes been
    before began behind being below beside besides between beyond both brief but by call called came can
    cannot can't come comes could couldn't day days did didn't do does doesn't doing done don't down
    during each early either else elsewhere end enough even ever every everyone everything except far few
    first five for former four from further get gets getting give given go goes going gone good got had
    hadn't has hasn't have haven't having he he'd he'll her here here's hers herself he's him himself his
    how however i i'd if i'll i'm in including indeed instead into is isn't it its it's itself i've just
    know known last late later least less let like likely little look made make makes many may maybe me
    mean meanwhile might more moreover most mostly mr mrs ms much must my myself near nearly need never
    new next no nobody none nor not nothing now of off often on once one only onto or other others
    otherwise our ours ourselves out over own part past per perhaps put rather really recent recently
    reported reporter reporters s said same say saying says second see seem seemed seems seen several
    she she'd she'll she's should shouldn't show showed since six so some somehow someone something
    sometimes somewhere soon still such take taken tell tells than that that's the their theirs them
    themselves then there thereby therefore these they they'd they'll they're they've thing things
    think third this those though thought three through throughout thus time times to today together
    told too took toward towards two under until up upon us use used very via want wanted wants was
    wasn't way we we'd well we'll went were we're weren't we've what whatever what's when whenever where
    whereas whether which while who whoever whole who's whom whose why will with within without won't
    would wouldn't year years yes yet you you'd you'll your you're yours yourself yourselves you've
    week weeks month months
    percent told news article story read photo image video share comment comments click sign
    """.split()
) | WEEKDAYS | frozenset(MONTH_NAMES)
