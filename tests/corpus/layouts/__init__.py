"""A layout corpus that tells the truth (issue 7, point 6).

One consistent report (a :class:`tests.corpus.builder.Spec`) is rendered through independent
layout traits drawn at random with a fixed seed, plus noise models; every render comes with
its TRUTH: the traits used, the values a correct reader must get for each printed table row
(with its source line), and defects injected at known lines with the rule that must find them.

Modules: ``traits`` (the axes and their values, with where each was seen), ``printing``
(numbers as reports print them), ``tables`` (page furniture, headers, wrapping), ``model``
(the printed rows of one report), ``report`` (the whole text), ``defects``, ``truth``
(comparison with what the reader got) and ``known_weak`` (traits the reader fails today).
"""
