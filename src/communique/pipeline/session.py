"""One ingest session: the only way documents get coded into the store.

``communique ingest``, ``communique watch``, ``communique demo`` and ``POST /api/documents``
all go through :class:`IngestSession`, which does, in order:

1. **start a run**: read the store's role facts into a read-only snapshot (the run's
   :class:`~communique.pipeline.RunContext`), build the pipeline from registered stage names,
   and record the run (resolved configuration and every component's version) in ``runs``;
2. **skip stored ids** before the expensive stages run (unless recoding);
3. **code** serially, in a process pool or on Dask — the same outcomes either way, since
   every document is coded against the same snapshot;
4. **write** each batch through the single :class:`~communique.store.StoreWriter`, in one
   transaction with the roles its documents learned (merged in input order);
5. **refresh** the event clusters the run touched and **close** the run.

Roles learned in a run reach the documents of later runs, never other documents of the same
run: the same input into a fresh store gives identical rows whatever the number of workers,
the runner or the batch size. The API's session is one run for the server's life; each posted
document is coded against a snapshot refreshed with what earlier posts learned (a post is its
own batch, so the rule is the same: a document sees what was stored before it was coded).
"""

from __future__ import annotations

import platform
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from itertools import islice
from typing import Any

from communique import store
from communique.actors import RoleMemory, usable_fact
from communique.pipeline._stage import Pipeline, RunContext
from communique.pipeline.runners.pool import run_pool
from communique.pipeline.runners.serial import Outcome, run_serial
from communique.records import CodedDocument, RawDocument, Rejection, RoleFact
from communique.settings import Settings

Item = RawDocument | Rejection
PipelineFactory = Callable[[Settings, RunContext], Pipeline]
Runner = Callable[[Iterable[Item]], Iterator[Outcome]]


@dataclass(frozen=True, slots=True)
class BatchWritten:
    """One committed batch: the inputs it held, how many were new and how many coded."""

    read: int
    coded: int
    skipped: int


class IngestSession:
    """Code documents into one store as one run (see the module docstring).

    Use it as a context manager: the run starts on entry and is closed (clusters refreshed,
    counts recorded) on a normal exit. A run interrupted by an exception stays open in
    ``runs`` (no ``finished_at``), and what it committed stays stored; the next run skips it.
    """

    def __init__(
        self,
        connection: store.Connection,
        settings: Settings,
        *,
        interface: str,
        stage_names: Sequence[str] | None = None,
        recode: bool = False,
        workers: int | None = None,
        dask: str | None = None,
        config: Mapping[str, Any] | None = None,
        pipeline_factory: PipelineFactory | None = None,
    ) -> None:
        """Prepare a session; nothing is read or built before :meth:`start`.

        Args:
            connection: The store's (only) writing connection or a cursor of it.
            settings: The run's settings.
            interface: Who started the run (``ingest``, ``watch``, ``api``, ``demo``).
            stage_names: Registered stage names; the configured pipeline when None.
            recode: Code and replace documents already stored instead of skipping them.
            workers: Code in this many worker processes; serially when None.
            dask: Code on this Dask scheduler (or ``"local"``) instead.
            config: More facts to record with the run (paths, db).
            pipeline_factory: Builds the pipeline for serial coding (tests pass fakes);
                ``build_pipeline`` when None.
        """
        from communique.pipeline import build_pipeline, configured_stages

        self.connection = connection
        self.settings = settings
        self.interface = interface
        self.stage_names = tuple(stage_names or configured_stages(settings))
        self.recode = recode
        self.workers = workers
        self.dask = dask
        self.extra_config = dict(config or {})
        self._factory: PipelineFactory = pipeline_factory or (
            lambda s, c: build_pipeline(s, self.stage_names, c)
        )
        self.writer = store.StoreWriter(connection, recode=recode)
        self._memory = RoleMemory()
        self._stored: dict[str, RoleFact] = {}
        self._pipeline: Pipeline | None = None
        self._roles_changed = False  # facts stored since the context's snapshot was taken
        self.context = RunContext()
        self.clusters = 0

    # -- the run ---------------------------------------------------------------------------

    def start(self) -> str:
        """Snapshot the stored roles, build the pipeline and record the run; its id.

        Raises:
            ConfigError: The pipeline cannot be built (missing spaCy model, unknown stage).
            StorageError: The run cannot be recorded.
        """
        for fact in store.role_facts(self.connection):
            if usable_fact(fact):  # a store written before titles were checked may hold junk
                self._memory.remember(fact)
        self._stored = {fact.name: fact for fact in self._memory.facts()}
        self.context = RunContext(self._memory.snapshot())
        self._pipeline = self._factory(self.settings, self.context)
        return self.writer.start_run(self._run_config(), self._versions())

    def finish(self) -> int:
        """Refresh the event clusters the run touched and close the run; clusters written."""
        self.clusters = self.writer.refresh_event_clusters(self.settings.cluster_window_days)
        self.writer.finish_run()
        return self.clusters

    def __enter__(self) -> IngestSession:
        self.start()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.finish()

    @property
    def pipeline(self) -> Pipeline:
        """The run's pipeline (built by :meth:`start`)."""
        if self._pipeline is None:
            raise RuntimeError("the session has not started: use it as a context manager")
        return self._pipeline

    @property
    def totals(self) -> store.WriteResult:
        """What the run has written so far."""
        return self.writer.totals

    # -- coding and writing ----------------------------------------------------------------

    def ingest(self, inputs: Iterable[Item]) -> Iterator[BatchWritten]:
        """Code and store every new document of ``inputs``, one transaction per
        ``ingest_batch_size`` inputs; yields after each committed batch."""
        batches = self._batches(iter(inputs))
        if self.workers is None and self.dask is None:
            coded = self._code_serially(batches)
        else:
            coded = self._code_ahead(batches, self._parallel_runner())
        for batch, outcomes, known in coded:
            self._write(outcomes, known)
            yield BatchWritten(
                read=len(batch),
                coded=sum(isinstance(o, CodedDocument) and not o.rejections for o in outcomes),
                skipped=known,
            )

    def ingest_document(self, raw: RawDocument) -> bool:
        """Code and store one document in its own transaction (the API's unit).

        The document is coded against the stored roles, including those learned by the
        documents stored before it in this run. Returns False when it was already stored.
        """
        if not self.recode and store.known_document_ids(self.connection, [raw.id]):
            return False
        if self._roles_changed:  # the model and knowledge are cached: rebuilding is cheap
            self.context = RunContext(self._memory.snapshot())
            self._pipeline = self._factory(self.settings, self.context)
            self._roles_changed = False
        outcomes = list(run_serial(self.pipeline, [raw], 1))
        self._write(outcomes, 0)
        self.writer.refresh_event_clusters(self.settings.cluster_window_days)
        return True

    def _write(self, outcomes: Sequence[Outcome], known: int) -> None:
        for outcome in outcomes:  # merged in input order: the same store for any runner
            if isinstance(outcome, CodedDocument):
                for fact in outcome.learned_roles:
                    self._memory.remember(fact)
        changed = [f for f in self._memory.facts() if self._stored.get(f.name) != f]
        self.writer.write(outcomes, role_facts=changed, skipped=known)
        self._stored.update((fact.name, fact) for fact in changed)
        self._roles_changed = self._roles_changed or bool(changed)

    def _batches(self, inputs: Iterator[Item]) -> Iterator[tuple[list[Item], list[Item], int]]:
        """Each transaction batch, its items not yet stored, and how many were stored."""
        size = self.settings.ingest_batch_size
        while batch := list(islice(inputs, size)):
            fresh, known = self._unstored(batch)
            yield batch, fresh, known

    def _code_serially(
        self, batches: Iterator[tuple[list[Item], list[Item], int]]
    ) -> Iterator[tuple[list[Item], list[Outcome], int]]:
        for batch, fresh, known in batches:
            outcomes = list(run_serial(self.pipeline, fresh, self.settings.spacy_batch_size))
            yield batch, outcomes, known

    def _code_ahead(
        self, batches: Iterator[tuple[list[Item], list[Item], int]], code: Runner
    ) -> Iterator[tuple[list[Item], list[Outcome], int]]:
        """As serial coding, with ``code`` coding later batches while earlier ones are written.

        A document stored twice in batches still in flight is coded twice; the writer skips
        the second copy, so nothing is doubled.
        """
        plan: deque[tuple[list[Item], int, int]] = deque()  # batch, fresh documents, known

        def fresh_items() -> Iterator[Item]:
            for batch, fresh, known in batches:
                plan.append((batch, len(fresh), known))
                yield from fresh

        done: list[Outcome] = []
        for outcome in code(fresh_items()):
            done.append(outcome)
            while plan and len(done) >= plan[0][1]:
                batch, size, known = plan.popleft()
                yield batch, done[:size], known
                done = done[size:]
        for batch, _, known in plan:  # trailing batches with nothing left to code
            yield batch, [], known

    def _parallel_runner(self) -> Runner:
        """Code with a process pool, or on a Dask cluster when ``dask`` names one."""
        names, size, context = self.stage_names, self.settings.spacy_batch_size, self.context
        settings, workers = self.settings, self.workers
        if self.dask is None:
            return lambda items: run_pool(names, settings, items, workers or 1, size, None, context)
        from communique.pipeline.runners.dask import run_dask  # imports distributed: if asked

        address = self.dask
        return lambda items: run_dask(
            names, settings, items, address, size, workers=workers, context=context
        )

    def _unstored(self, batch: list[Item]) -> tuple[list[Item], int]:
        """The batch without documents already stored or repeated in it, and how many went."""
        ids = [item.id for item in batch if isinstance(item, RawDocument)]
        stored = set() if self.recode else store.known_document_ids(self.connection, ids)
        fresh: list[Item] = []
        seen: set[str] = set()
        for item in batch:
            if isinstance(item, RawDocument):
                if item.id in stored or item.id in seen:
                    continue
                seen.add(item.id)
            fresh.append(item)
        return fresh, len(batch) - len(fresh)

    # -- what the run records --------------------------------------------------------------

    def _run_config(self) -> dict[str, Any]:
        return {
            **self.extra_config,
            "interface": self.interface,
            "recode": self.recode,
            "workers": self.workers,
            "dask": self.dask,
            "stages": list(self.stage_names),
            "roles_at_start": len(self.context.roles),
            "settings": self.settings.model_dump(mode="json"),
        }

    def _versions(self) -> dict[str, str]:
        versions = {
            "communique": version("communique"),
            "python": platform.python_version(),
            "spacy": version("spacy"),
        }
        for stage in self.pipeline.stages:
            versions.update(getattr(stage, "components", {}))
        return versions
