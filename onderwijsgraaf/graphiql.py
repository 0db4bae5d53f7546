"""The GraphiQL page: served with its scripts from /static (no CDN needed), opening with a
worked example query."""

from __future__ import annotations

import html
import json
from pathlib import Path

VOORBEELDEN = Path(__file__).parent / "voorbeelden"
STATIC = Path(__file__).parent / "static"

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <title>Onderwijsgraaf — GraphiQL</title>
    <link rel="stylesheet" href="/static/graphiql/graphiql.min.css">
    <style>body {{ margin: 0; height: 100vh; }} #graphiql {{ height: 100vh; }}</style>
  </head>
  <body>
    <div id="graphiql">GraphiQL laadt… / loading…</div>
    <script src="/static/graphiql/react.production.min.js"></script>
    <script src="/static/graphiql/react-dom.production.min.js"></script>
    <script src="/static/graphiql/graphiql.min.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({{ url: window.location.pathname }});
      ReactDOM.createRoot(document.getElementById("graphiql")).render(
        React.createElement(GraphiQL, {{
          fetcher,
          defaultQuery: {query},
          isHeadersEditorEnabled: true,
          shouldPersistHeaders: false,
        }})
      );
    </script>
    <noscript>{noscript}</noscript>
  </body>
</html>
"""


def graphiql_page() -> str:
    query = (VOORBEELDEN / "gemeente.graphql").read_text(encoding="utf-8")
    # json.dumps gives a JS string; "</" is escaped so the query cannot close the script tag.
    literal = json.dumps(query).replace("</", "<\\/")
    return PAGE.format(query=literal, noscript=html.escape("GraphiQL needs JavaScript."))
