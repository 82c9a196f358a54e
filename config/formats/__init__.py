"""Date formats shown to people, one per language (``FORMAT_MODULE_PATH``); Django's own fill in the rest.

Dates are written with the month in words, day first, in both languages: "5 december 2026" and
"5 December 2026". Django's English default ("Dec. 5, 2026") and short forms are not used on pages.
"""
