"""Onderwijsgraaf: a GraphQL API over RIO, the Dutch register of education institutions."""

__version__ = "0.1.0"
