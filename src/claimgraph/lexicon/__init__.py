"""Every word list claimgraph uses, each defined once, as data.

One module a subject, after spaCy's ``lang/en`` tables: ``cues`` (attribution and hedges),
``numbers`` (number words, scales, fractions), ``bounds`` (modifiers that bound a figure),
``dates`` (months, weekdays, relative times), ``stopwords``, ``names`` (titles and words that
are not names), ``units`` (units of measure and currencies), ``quantities`` (words around a
number), ``measures`` (predicates and scope words for cross-source comparison). Inflected forms
come from :mod:`claimgraph.lexicon.inflection`, a table generated with an inflection library,
never from suffix rules. All entries are lower case unless a comment says otherwise.
"""
