"""Thin views: check input with a serializer, read through selectors, write through services."""
