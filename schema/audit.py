"""The audit log: every response that contains private contactpunten writes one structured
line to the logger ``onderwijsgraaf.audit`` — time, subject, roles and which objects' private
contexts were returned, never the values themselves."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.extensions import SchemaExtension

from schema.context import Context

log = logging.getLogger("onderwijsgraaf.audit")


def record(context: Context, kind: str, code: str, rows: Iterable[Any]) -> None:
    """Note the private contexts among ``rows`` (returned for organisatie ``kind``/``code``)."""
    context.audit.extend((kind, code, row.soort) for row in rows if not row.openbaar)


class AuditLog(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        if not isinstance(context, Context) or not context.audit:
            return
        soorten: dict[tuple[str, str], set[str]] = defaultdict(set)
        for kind, code, soort in context.audit:
            soorten[(kind, code)].add(soort)
        log.info(
            json.dumps(
                {
                    "tijd": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "subject": context.viewer.subject,
                    "rollen": list(context.viewer.roles),
                    "objecten": [
                        {"soort": kind, "code": code, "contexten": sorted(found)}
                        for (kind, code), found in sorted(soorten.items())
                    ],
                }
            )
        )
