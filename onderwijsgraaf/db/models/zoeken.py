"""What name search reads: every name of every object in its search form, and the words of
those names with their one-letter-less variants (for typo tolerance). Built by the seed
(``seed.zoeknamen``), read by ``onderwijsgraaf.db.naamzoeken``."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from onderwijsgraaf.db.models.base import Base


class Zoeknaam(Base):
    """One name of one object: ``soort`` is the object's table, ``code`` its code, ``veld`` the
    GraphQL field the name comes from (``naam``, ``eigenNaamEngels``, ``opleidingseenheid.naamLang``,
    …), ``zoekvorm`` the name as ``zoekvorm()`` writes it. The database's text index
    (SQLite: FTS5 table ``zoeknaam_fts``; PostgreSQL: a pg_trgm GIN index) is made by the
    migration."""

    __tablename__ = "zoeknaam"
    __table_args__ = (Index("ix_zoeknaam_code_soort", "code", "soort"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(36))
    veld: Mapped[str] = mapped_column(String(60))
    zoekvorm: Mapped[str] = mapped_column(String(250))


class Zoekwoord(Base):
    """A word of the names (``positie`` -1: ``variant`` is the word itself) or, for a word of
    at least ``naamzoeken.MIN_TIKFOUT`` letters, the word without the letter at ``positie``
    (0-based): ``("psychlogie", 5, "psychologie")``."""

    __tablename__ = "zoekwoord"

    variant: Mapped[str] = mapped_column(String(250), primary_key=True)
    positie: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    woord: Mapped[str] = mapped_column(String(250), primary_key=True)
