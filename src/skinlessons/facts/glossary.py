"""The glossary: terms a trainee meets in the lessons, each with a plain definition."""

from __future__ import annotations

from pydantic import Field

from .base import Model, RefId, Slug, Text


class GlossaryTerm(Model):
    """One term: its name, other names a lesson may use (``PIH``), a definition, references."""

    id: Slug
    term: Text
    also: list[Text] = Field(default_factory=list)
    definition: Text
    references: list[RefId] = Field(min_length=1)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a lesson may use for the term, the term itself first."""
        return (self.term, *self.also)


class GlossaryFile(Model):
    terms: list[GlossaryTerm] = Field(min_length=1)
