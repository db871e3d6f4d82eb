"""The Stage protocol, the Pipeline that checks stage order, and per-document error guarding."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from communique.actors import EMPTY_ROLES, RoleSnapshot
from communique.errors import CommuniqueError, ConfigError, InputError
from communique.records import CodedDocument, Rejection

ErrorPolicy = Literal["record", "raise"]

# Fields of CodedDocument that exist before any stage runs.
INITIAL_FIELDS = frozenset({"raw"})


@dataclass(frozen=True, slots=True)
class RunContext:
    """What a run hands every stage besides the settings: read-only, the same for every
    document of the run (so a document's result never depends on the documents before it).

    Attributes:
        roles: The roles the store remembered when the run started (empty for a run with no
            store: ``communique code``, evaluations). Roles read during the run come back on
            each document (``CodedDocument.learned_roles``) and reach later runs.
    """

    roles: RoleSnapshot = EMPTY_ROLES


EMPTY_CONTEXT = RunContext()


class Stage(Protocol):
    """A pipeline stage: reads ``requires`` fields of each document and fills ``produces``."""

    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def __call__(self, batch: Sequence[CodedDocument]) -> Iterator[CodedDocument]:
        """Return one document per input document, in order."""
        ...


class Pipeline:
    """An ordered list of stages whose requirements are checked when it is built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        """Build the pipeline.

        Raises:
            ConfigError: A stage requires a field that no earlier stage produces.
        """
        available = set(INITIAL_FIELDS)
        for stage in stages:
            missing = [name for name in stage.requires if name not in available]
            if missing:
                raise ConfigError(
                    f"Stage {stage.name!r} requires {missing}, which no earlier stage produces. "
                    f"Available before it: {sorted(available)}. Reorder the stages or add the "
                    "stage that produces them."
                )
            available.update(stage.produces)
        self.stages = tuple(stages)

    @property
    def names(self) -> list[str]:
        """The stage names, in order."""
        return [stage.name for stage in self.stages]

    def __call__(self, batch: Sequence[CodedDocument]) -> list[CodedDocument]:
        """Run every stage over one batch and return the documents, in input order."""
        documents = list(batch)
        for stage in self.stages:
            documents = list(stage(documents))
        return documents


def guard(
    document: CodedDocument,
    stage: str,
    work: Callable[[CodedDocument], CodedDocument],
    policy: ErrorPolicy,
) -> CodedDocument:
    """Run ``work`` on one document; turn a failure into a Rejection under the ``record`` policy.

    A document that already carries a rejection passes through untouched, so
    later stages never see half-processed input.
    """
    if document.rejections:
        return document
    try:
        return work(document)
    except InputError as exc:
        if policy == "raise":
            raise
        return reject(document, stage, exc.reason, exc.detail)
    except Exception as exc:  # under 'record', a bug in one document must not sink the batch
        if policy == "raise" or isinstance(exc, CommuniqueError):
            raise
        return reject(document, stage, "internal-error", f"{type(exc).__name__}: {exc}")


def reject(document: CodedDocument, stage: str, reason: str, detail: str) -> CodedDocument:
    """Return ``document`` with a Rejection for ``stage`` added."""
    rejection = Rejection(
        origin=document.raw.origin,
        stage=stage,
        reason=reason,
        detail=detail,
        doc_id=document.raw.id,
    )
    return dataclasses.replace(document, rejections=(*document.rejections, rejection))
