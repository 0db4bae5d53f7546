"""The query compiler: an operation it covers becomes one SQL statement per root field that
returns the finished JSON of the field's whole subtree, built by the database from the graph
description (``onderwijsgraaf.graph``). Everything else is resolved field by field by the
strawberry schema; both give byte-identical answers.

- ``operations``: documents and plans (cached), running a plan;
- ``roots``: root fields (lookups, lists with filters, radius search);
- ``objects``: an object's JSON from its row (columns, links, lists, interfaces);
- ``pages``: a page of a list as a connection's JSON;
- ``veldbronnen``: ``herkomst { velden }``, the pairs of one ``veld=bron,…`` column;
- ``selection``: walking the selections as GraphQL executes them;
- ``sqljson``: JSON text in SQL, for PostgreSQL and SQLite.
"""
