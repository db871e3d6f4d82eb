"""Actors: Annotation → ActorMentions, coded with CAMEO actor codes.

Who is who in an article: countries, their governments and armed forces, organisations and
people, from a knowledge base written by us (``actors/data``), roles stated in the text
(which win over the knowledge base), a corpus memory of roles seen before, and light
coreference. See ``docs/knowledge.md`` and ``docs/actors.md``.
"""

from __future__ import annotations

from datetime import date

from communique.actors.knowledge import KnowledgeBase, load_knowledge_base
from communique.actors.memory import (
    EMPTY_ROLES,
    DocumentRoles,
    RoleMemory,
    RoleRecall,
    RoleSnapshot,
    usable_fact,
)
from communique.actors.mentions import ActorFinder
from communique.actors.places import PlaceCode
from communique.records import ActorMention, Annotation, Article, RoleFact
from communique.textview import TextView

__all__ = [
    "EMPTY_ROLES",
    "DocumentRoles",
    "KnowledgeBase",
    "PlaceCode",
    "RoleFact",
    "RoleMemory",
    "RoleSnapshot",
    "find_actors",
    "load_knowledge_base",
    "usable_fact",
]

PRODUCER = "communique.actors.v1"


def find_actors(
    article: Article,
    annotation: Annotation,
    kb: KnowledgeBase | None = None,
    memory: RoleRecall | None = None,
    places: PlaceCode | None = None,
) -> tuple[ActorMention, ...]:
    """Find and code every actor mention of an article.

    Args:
        article: The article (its date picks who held a role).
        annotation: Its parse.
        kb: The knowledge base; the built-in one when omitted.
        memory: Roles seen in earlier articles (recalled), and where the roles read here are
            recorded (``remember``); a :class:`DocumentRoles` over the run's snapshot in the
            pipeline.
        places: The CAMEO code and country of a place name (the gazetteer's, handed in by
            the pipeline), so that towns, provinces and regions that act or are acted on are
            actors ("shelled Mosul" → IRQ); without it only the knowledge base's countries
            and capitals are.

    Returns:
        The mentions in text order, each with the actor's id, code, name and role.
    """
    view = TextView(article.text, annotation)
    finder = ActorFinder(
        view, kb or load_knowledge_base(), article_date(article), memory, places=places
    )
    mentions = []
    for found in finder.run():
        start, end = view.chars(found.start, found.end)
        actor = found.actor
        mentions.append(
            ActorMention(
                doc_id=article.doc_id,
                actor_id=actor.key,
                start=start,
                end=end,
                code=actor.code,
                name=actor.name,
                country=actor.country,
                sector=actor.sector,
                role=actor.role,
                producer=PRODUCER,
                members=actor.members,
            )
        )
    return tuple(mentions)


def article_date(article: Article) -> date | None:
    """The article's publication day, or ``None`` when it has no readable date."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None
