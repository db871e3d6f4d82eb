"""Attribution: who says an event happened ("Stoltenberg said that …", "according to X")."""

from __future__ import annotations

from communique.events._arguments import ActorIndex
from communique.events._doers import subject_of
from communique.records import ActorMention
from communique.speech import REPORT_NOUNS, according_to, reporting_cue
from communique.textview import TextView


def speaker_of(
    view: TextView, actors: ActorIndex, trigger: int, besides: ActorMention | None = None
) -> ActorMention | None:
    """The actor who reports the event at ``trigger``, or ``None`` when nobody is named.

    Takes the subject of the first verb of saying the trigger hangs from; falls back to an
    "according to X" in the same sentence. A report, statement or investigation that says
    it speaks for the actor behind it ("a Senate investigation revealed", "the ministry's
    statement said", "according to a report by the UN"). A speaker who is ``besides`` (the
    event's own source) claims nothing beyond its own act, so the "according to X" that
    reports the speaker is the claimer ("Choe said the U.S. would …, according to Yonhap").
    """
    cue = reporting_cue(view, trigger, claims=True)
    if cue is not None:
        subject = subject_of(view, cue)
        speakers = actors.of_phrase(subject, owners=False) or _behind(view, actors, subject)
        if speakers and not any(_same(s, besides) for s in speakers):
            # not when the source is one of them ("A, B and C said …"); "officials and the
            # army said": the named institution before the unnamed officials
            return min(speakers, key=lambda s: _unnamed(view, s))
    source = according_to(view, view.tokens[trigger].sentence)
    found = actors.of_phrase(source, owners=False) or _behind(view, actors, source)
    return found[0] if found and not _same(found[0], besides) else None


def _unnamed(view: TextView, mention: ActorMention) -> bool:
    """Whether a speaker is only "officials" or "sources", nobody named."""
    words = view.text[mention.start : mention.end].lower().split()
    return bool(words) and words[-1] in {"official", "officials", "source", "sources"}


def _same(mention: ActorMention, other: ActorMention | None) -> bool:
    return other is not None and mention.actor_id == other.actor_id


def _behind(view: TextView, actors: ActorIndex, noun: int | None) -> list[ActorMention]:
    """The actor a report-like noun names as its author (its owner, modifier or "by" phrase)."""
    if noun is None or view.lemma(noun) not in REPORT_NOUNS:
        return []
    for k in view.subtree(noun):
        if k != noun and (mention := actors.at(k)) is not None:
            return [mention]
    return []
