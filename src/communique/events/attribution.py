"""Attribution: who says an event happened ("Stoltenberg said that …", "according to X")."""

from __future__ import annotations

from communique.events._arguments import ActorIndex, subject_of
from communique.records import ActorMention
from communique.speech import according_to, reporting_cue
from communique.textview import TextView


def speaker_of(view: TextView, actors: ActorIndex, trigger: int) -> ActorMention | None:
    """The actor who reports the event at ``trigger``, or ``None`` when nobody is named.

    Takes the subject of the first verb of saying the trigger hangs from; falls back to an
    "according to X" in the same sentence.
    """
    cue = reporting_cue(view, trigger)
    if cue is not None:
        speakers = actors.of_phrase(subject_of(view, cue), owners=False)
        if speakers:
            return speakers[0]
    source = according_to(view, view.tokens[trigger].sentence)
    found = actors.of_phrase(source, owners=False)
    return found[0] if found else None
