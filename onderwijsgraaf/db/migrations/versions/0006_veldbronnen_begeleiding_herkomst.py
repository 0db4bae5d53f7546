"""veldbronnen on every RIO table, the onderwijslicentie of an aangeboden opleiding, the
huisnummertoevoeging of a contactadres,
onderwijsbegeleidingsaanbieder, herkomsttelling

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# every table with bron and afgeleid (Herkomst) before this revision
HERKOMST_TABELLEN = (
    "code",
    "erkenning",
    "onderwijsbestuur",
    "samenwerkingsverband",
    "onderwijsaanbiedersgroep",
    "opleidingseenheid",
    "licentie",
    "onderwijsaanbieder",
    "onderwijslocatie",
    "aangeboden_opleiding",
    "communicatiecontext",
    "juridische_relatie",
    "onderwijslocatiegebruik",
    "samenwerkingsverband_deelname",
    "cohort",
)


def upgrade() -> None:
    for tabel in HERKOMST_TABELLEN:
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("veldbronnen", sa.String(length=400), nullable=False, server_default="")
            )
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            batch_op.alter_column("veldbronnen", server_default=None)
    with op.batch_alter_table("communicatiecontext", schema=None) as batch_op:
        batch_op.add_column(sa.Column("huisnummertoevoeging", sa.String(length=10), nullable=True))
    with op.batch_alter_table("aangeboden_opleiding", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("onderwijslicentie_code", sa.String(length=36), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_onderwijslicentie_code"),
            ["onderwijslicentie_code"],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_aangeboden_opleiding_onderwijslicentie_code_licentie"),
            "licentie",
            ["onderwijslicentie_code"],
            ["code"],
        )
    op.create_table(
        "onderwijsbegeleidingsaanbieder",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("zoeknaam", sa.String(length=200), nullable=False),
        sa.Column("internationale_naam", sa.String(length=225), nullable=True),
        sa.Column("onderwijsbestuur_code", sa.String(length=7), nullable=True),
        sa.Column("expertise", sa.String(length=400), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("veldbronnen", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_onderwijsbegeleidingsaanbieder_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsbestuur_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_onderwijsbegeleidingsaanbieder_onderwijsbestuur_code_onderwijsbestuur"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onderwijsbegeleidingsaanbieder")),
    )
    with op.batch_alter_table("onderwijsbegeleidingsaanbieder", schema=None) as batch_op:
        for column in ("begindatum", "einddatum", "onderwijsbestuur_code", "zoeknaam"):
            batch_op.create_index(
                batch_op.f(f"ix_onderwijsbegeleidingsaanbieder_{column}"), [column], unique=False
            )
    op.create_table(
        "herkomsttelling",
        sa.Column("tabel", sa.String(length=60), nullable=False),
        sa.Column("veld", sa.String(length=60), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.Column("afgeleid", sa.Boolean(), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_herkomsttelling_bron_bron")),
        sa.PrimaryKeyConstraint(
            "tabel", "veld", "bron", "afgeleid", name=op.f("pk_herkomsttelling")
        ),
    )


def downgrade() -> None:
    op.drop_table("herkomsttelling")
    op.drop_table("onderwijsbegeleidingsaanbieder")
    with op.batch_alter_table("aangeboden_opleiding", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_aangeboden_opleiding_onderwijslicentie_code_licentie"),
            type_="foreignkey",
        )
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_onderwijslicentie_code"))
        batch_op.drop_column("onderwijslicentie_code")
    with op.batch_alter_table("communicatiecontext", schema=None) as batch_op:
        batch_op.drop_column("huisnummertoevoeging")
    for tabel in HERKOMST_TABELLEN:
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            batch_op.drop_column("veldbronnen")
