"""Reads: functions that return querysets or objects for an actor, built on chainable QuerySet methods."""
