"""Find the quantities in a parsed article: counts, money, percentages and measures.

How it works (one left-to-right pass, linear in the text):

1. ``_CORE_RE`` finds a *number core*: digits ("4,000", ".5"), number words ("twenty-five",
   "a dozen"), vague amounts ("hundreds", "a few dozen") or fractions ("two-thirds of").
2. Around each core, small anchored regexes read the left context (modifiers such as "about",
   "more than", "up to"; a currency prefix; a sign) and the right context (scale words, "+",
   percent, currency words, units, a second number making a range, "per" rates).
3. Filters drop what is not an amount: dates, times, years, ordinals, phone and street numbers,
   list numbering, labels ("Game 7", "iPhone 11"), codes glued to letters ("COVID-19", "V10").
   spaCy's entity labels help on bare numbers (DATE/TIME/ORDINAL).
4. For counts, the counted noun phrase ("IS fighters", "family members") is the run of
   adjective/noun tokens (spaCy tags) after the number, or after "of" ("3,500 of their family
   members").

Values stay in the unit as written; ``normalized`` holds pint-normalised values for measures.

The package: ``patterns`` (regexes and tables, built from :mod:`claimgraph.lexicon`), ``reading``
(one number and what is glued to it), ``filters`` (what is not an amount), ``counted`` (the
counted noun phrase) and ``assemble`` (the pass over the text, ranges, bounds, normalisation).
Names starting with an underscore stay inside their module.
"""

from claimgraph.extract.quantities.assemble import find_quantities

__all__ = ["find_quantities"]
