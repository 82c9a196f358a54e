"""Wagtail admin viewsets of the caseworkers' workspace, registered in cms/wagtail_hooks.py."""
