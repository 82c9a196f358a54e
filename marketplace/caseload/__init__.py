"""Caseload categories as plain rules: which category to propose for a person, and the standard approaches.

No Django here, so the rule is read, tested and changed on its own; see ``proposal.py``.
"""
