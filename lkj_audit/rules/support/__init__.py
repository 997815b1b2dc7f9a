"""Helpers used by rules of several families; they never import a rule module."""
