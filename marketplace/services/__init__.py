"""Writes: every change to the marketplace goes through a function here, named ``<entity>_<action>``."""
