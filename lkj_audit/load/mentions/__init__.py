"""Text analysis of a report, built with its Document: sentences, citations blanked, mentions.

One sentence splitter (:mod:`.sentences`), one blanker for citations of laws and calendar dates
(:mod:`.citations`), and the mentions every rule family reads, each with its offsets: years and
year spans (:mod:`.years`), dates and signature lines (:mod:`.dates`), Renstra periods
(:mod:`.renstra`), percentages (:mod:`.percents`), counts with their number words
(:mod:`.counts`), previous-year comparisons (:mod:`.comparisons`), region and satker names
(:mod:`.regions`), and the chapters rules look in (:mod:`.sections`). ``Document.mentions``
(:class:`.analysis.TextAnalysis`) holds the whole-report collections, built on first use.
Rules read these; no rule module compiles its own pattern for them (tests/rules/test_text_scans.py).
"""
