"""``communique events``, ``quotes`` and ``article``: read the database back."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from communique.cli._frames import echo_frame
from communique.cli._options import (
    Actor,
    AttributedTo,
    Cameo,
    Country,
    Db,
    Dyad,
    Format,
    Limit,
    MinConfidence,
    Modality,
    Near,
    Place,
    QuadClass,
    Since,
    Text,
    Type,
    Until,
)
from communique.database import open_store
from communique.errors import InputError
from communique.pipeline import to_contract
from communique.records import ActorRef, CodedDocument

EVENT_TABLE = ["date", "source_code", "target_code", "type", "cameo", "quad_class"]
EVENT_TABLE += ["goldstein", "modality", "attributed_code", "location_name", "evidence"]
QUOTE_TABLE = ["article_published", "speaker_code", "speaker_name", "kind", "text", "doc_id"]


def events_command(
    actor: Actor = None,
    dyad: Dyad = None,
    event_type: Type = None,
    cameo: Cameo = None,
    quad_class: QuadClass = None,
    modality: Modality = None,
    min_confidence: MinConfidence = None,
    attributed_to: AttributedTo = None,
    since: Since = None,
    until: Until = None,
    text: Text = None,
    place: Place = None,
    country: Country = None,
    near: Near = None,
    limit: Limit = None,
    output_format: Format = "table",
    db: Db = None,
) -> None:
    """List the events that match every filter given, earliest first."""
    with open_store(db) as store:
        frame = store.events(
            actor=actor, dyad=dyad, type=event_type, cameo=cameo, quad_class=quad_class,
            modality=modality, min_confidence=min_confidence, attributed_to=attributed_to,
            since=since, until=until, text=text, place=place, country=country, near=near,
            limit=limit,
        )  # fmt: skip
    echo_frame(frame, output_format, EVENT_TABLE, "events match")


def quotes_command(
    speaker: Annotated[str | None, typer.Option(help="Speaker: CAMEO code prefix or name.")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the quote.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct or indirect.")] = None,
    limit: Limit = None,
    output_format: Format = "table",
    db: Db = None,
) -> None:
    """List quotes with their speaker and article, by article date."""
    with open_store(db) as store:
        frame = store.quotes(speaker=speaker, text=text, kind=kind, limit=limit)
    echo_frame(frame, output_format, QUOTE_TABLE, "quotes match")


def article_command(
    doc_id: Annotated[str, typer.Argument(help="The document id (see `communique events`).")],
    output_format: Annotated[
        str, typer.Option("--format", help="text, or json: the object `communique code` prints.")
    ] = "text",
    db: Db = None,
) -> None:
    """Show one stored article: title, date and text, with its events and quotes."""
    if output_format not in ("text", "json"):
        raise typer.BadParameter(f"expected text or json, got {output_format!r}")
    with open_store(db) as store:
        document = store.document(doc_id)
    if document is None:
        raise InputError("unknown-document", f"no document {doc_id!r} in the database.")
    if output_format == "json":
        typer.echo(json.dumps(to_contract(document), ensure_ascii=False))
    else:
        typer.echo(render_document(document))


def render_document(document: CodedDocument) -> str:
    """The article as text, followed by its events and quotes, one line each."""
    article = document.article
    if article is None:
        reasons = "; ".join(r.message() for r in document.rejections) or "no article"
        return f"{document.raw.id}: not coded ({reasons})"
    lines = [
        f"■ {article.title or '(untitled)'}",
        f"  id {article.doc_id} · published {article.published or '?'} · "
        f"source {article.source or article.site_name or '?'} · {article.url or 'no URL'}",
        "",
        article.text,
        "",
        f"events ({len(document.events)}):",
    ]
    for e in document.events:
        said = f" — according to {_name(e.attributed_to)}" if e.attributed_to else ""
        lines.append(
            f"  {e.date or '????-??-??'}  {_name(e.source)} → {_name(e.target)}  {e.type} "
            f"{e.cameo} ({e.goldstein:+.1f}, {e.modality}){said}: {e.evidence}"
        )
    lines.append(f"quotes ({len(document.quotes)}):")
    for q in document.quotes:
        speaker = _name(q.speaker) if q.speaker or not q.speaker_name else q.speaker_name
        lines.append(f"  {speaker} ({q.kind}): “{q.text}”")
    return "\n".join(lines)


def _name(ref: ActorRef | None) -> str:
    return "—" if ref is None else f"{ref.name} [{ref.code}]"
