"""The audit log: every response that contains private contactpunten writes one structured
line to the logger ``onderwijsgraaf.audit`` — time, subject, roles and which objects' private
contexts were returned, never the values themselves. Every change to the objecten van toezicht
writes one line too: time, subject, roles, the mutation and the codes of the objects it
concerned (``write_change``)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.extensions import SchemaExtension

from onderwijsgraaf.auth import Viewer
from schema.context import Context

log = logging.getLogger("onderwijsgraaf.audit")


def record(context: Context, kind: str, code: str, rows: Iterable[Any]) -> None:
    """Note the private contexts among ``rows`` (returned for organisatie ``kind``/``code``)."""
    context.audit.extend((kind, code, row.soort) for row in rows if not row.openbaar)


def record_codes(context: Context, found: Iterable[tuple[str, str, str]]) -> None:
    """Note private data returned about objects other than a context row: (objecttype, code,
    the private soort it is about), e.g. a missing TOEZICHT contactpunt (controle C21)."""
    context.audit.extend(found)


class AuditLog(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        if isinstance(context, Context):
            write_audit(context.viewer, context.audit)


def write_audit(viewer: Viewer, audit: Iterable[tuple[str, str, str]]) -> None:
    """One line for an answer to ``viewer`` holding the private contexts ``audit`` lists
    ((organisatie kind, code, soort)); nothing when it lists none."""
    soorten: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, code, soort in audit:
        soorten[(kind, code)].add(soort)
    if not soorten:
        return
    log.info(
        json.dumps(
            {
                "tijd": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "subject": viewer.subject,
                "rollen": list(viewer.roles),
                "objecten": [
                    {"soort": kind, "code": code, "contexten": sorted(found)}
                    for (kind, code), found in sorted(soorten.items())
                ],
            }
        )
    )


def write_change(viewer: Viewer, mutatie: str, codes: Iterable[str]) -> None:
    """One line for a change ``viewer`` made to the objecten van toezicht ``codes``."""
    log.info(
        json.dumps(
            {
                "tijd": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "subject": viewer.subject,
                "rollen": list(viewer.roles),
                "mutatie": mutatie,
                "objectenVanToezicht": list(codes),
            }
        )
    )
