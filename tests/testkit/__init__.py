"""Helpers shared by the tests, imported as ``testkit`` (pytest's ``pythonpath`` holds tests/)."""
