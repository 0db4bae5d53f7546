"""initial RIO schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bron",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("titel", sa.String(length=200), nullable=False),
        sa.Column("uitgever", sa.String(length=80), nullable=False),
        sa.Column("licentie", sa.String(length=200), nullable=False),
        sa.Column("bestand", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("rijen", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_bron")),
    )
    op.create_table(
        "erkenning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("code", sa.String(length=22), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=True),
        sa.Column("erkenner", sa.String(length=20), nullable=True),
        sa.Column("opleidingsstelsel", sa.String(length=20), nullable=True),
        sa.Column("denominatie", sa.String(length=40), nullable=True),
        sa.Column("bekostiging", sa.String(length=30), nullable=True),
        sa.Column("hoofd_neven_vestiging", sa.String(length=20), nullable=True),
        sa.Column("postcodecijfers", sa.String(length=4), nullable=True),
        sa.Column("plaatsnaam", sa.String(length=80), nullable=True),
        sa.Column("instellingserkenning_id", sa.Integer(), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_erkenning_bron_bron")),
        sa.ForeignKeyConstraint(
            ["instellingserkenning_id"],
            ["erkenning.id"],
            name=op.f("fk_erkenning_instellingserkenning_id_erkenning"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erkenning")),
        sa.UniqueConstraint("soort", "code", name=op.f("uq_erkenning_soort_code")),
    )
    with op.batch_alter_table("erkenning", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erkenning_begindatum"), ["begindatum"], unique=False)
        batch_op.create_index(batch_op.f("ix_erkenning_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_erkenning_einddatum"), ["einddatum"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_erkenning_instellingserkenning_id"),
            ["instellingserkenning_id"],
            unique=False,
        )

    op.create_table(
        "onderwijsbestuur",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("zoeknaam", sa.String(length=200), nullable=False),
        sa.Column("bevoegd_gezag_nummer", sa.String(length=5), nullable=True),
        sa.Column("kvk_nummer", sa.String(length=8), nullable=True),
        sa.Column("rsin", sa.String(length=9), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_onderwijsbestuur_bron_bron")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onderwijsbestuur")),
        sa.UniqueConstraint(
            "bevoegd_gezag_nummer", name=op.f("uq_onderwijsbestuur_bevoegd_gezag_nummer")
        ),
    )
    with op.batch_alter_table("onderwijsbestuur", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onderwijsbestuur_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsbestuur_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsbestuur_zoeknaam"), ["zoeknaam"], unique=False
        )

    op.create_table(
        "provincie",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("naam", sa.String(length=40), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_provincie_bron_bron")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_provincie")),
        sa.UniqueConstraint("naam", name=op.f("uq_provincie_naam")),
    )
    op.create_table(
        "samenwerkingsverband",
        sa.Column("code", sa.String(length=22), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_samenwerkingsverband_bron_bron")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_samenwerkingsverband")),
    )
    with op.batch_alter_table("samenwerkingsverband", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_samenwerkingsverband_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_samenwerkingsverband_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_samenwerkingsverband_soort"), ["soort"], unique=False)

    op.create_table(
        "gemeente",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("naam", sa.String(length=80), nullable=False),
        sa.Column("provincie_code", sa.String(length=2), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_gemeente_bron_bron")),
        sa.ForeignKeyConstraint(
            ["provincie_code"],
            ["provincie.code"],
            name=op.f("fk_gemeente_provincie_code_provincie"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_gemeente")),
    )
    with op.batch_alter_table("gemeente", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gemeente_naam"), ["naam"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_gemeente_provincie_code"), ["provincie_code"], unique=False
        )

    op.create_table(
        "onderwijsaanbiedersgroep",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("onderwijsbestuur_code", sa.String(length=7), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_onderwijsaanbiedersgroep_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsbestuur_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_onderwijsaanbiedersgroep_onderwijsbestuur_code_onderwijsbestuur"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onderwijsaanbiedersgroep")),
    )
    with op.batch_alter_table("onderwijsaanbiedersgroep", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbiedersgroep_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbiedersgroep_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbiedersgroep_onderwijsbestuur_code"),
            ["onderwijsbestuur_code"],
            unique=False,
        )

    op.create_table(
        "opleidingseenheid",
        sa.Column("code", sa.String(length=9), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("sector", sa.String(length=10), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=True),
        sa.Column("naam_lang", sa.String(length=225), nullable=False),
        sa.Column("naam_kort", sa.String(length=60), nullable=True),
        sa.Column("internationale_naam", sa.String(length=225), nullable=True),
        sa.Column("zoeknaam", sa.String(length=225), nullable=False),
        sa.Column("niveau", sa.String(length=20), nullable=True),
        sa.Column("graad", sa.String(length=20), nullable=True),
        sa.Column("studielast", sa.Integer(), nullable=True),
        sa.Column("studielasteenheid", sa.String(length=20), nullable=True),
        sa.Column("eqf", sa.String(length=2), nullable=True),
        sa.Column("nlqf", sa.String(length=2), nullable=True),
        sa.Column("isced", sa.String(length=4), nullable=True),
        sa.Column("waardedocumentsoort", sa.String(length=30), nullable=True),
        sa.Column("erkende_opleidingscode", sa.String(length=8), nullable=True),
        sa.Column("opleidingsstelsel", sa.String(length=20), nullable=True),
        sa.Column("variant_van", sa.String(length=8), nullable=True),
        sa.Column("eigenaar_code", sa.String(length=7), nullable=True),
        sa.Column("opleidingserkenning_id", sa.Integer(), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_opleidingseenheid_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["eigenaar_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_opleidingseenheid_eigenaar_code_onderwijsbestuur"),
        ),
        sa.ForeignKeyConstraint(
            ["opleidingserkenning_id"],
            ["erkenning.id"],
            name=op.f("fk_opleidingseenheid_opleidingserkenning_id_erkenning"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_opleidingseenheid")),
    )
    with op.batch_alter_table("opleidingseenheid", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opleidingseenheid_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opleidingseenheid_eigenaar_code"), ["eigenaar_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opleidingseenheid_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opleidingseenheid_erkende_opleidingscode"),
            ["erkende_opleidingscode"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_opleidingseenheid_niveau"), ["niveau"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opleidingseenheid_opleidingserkenning_id"),
            ["opleidingserkenning_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_opleidingseenheid_sector"), ["sector"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opleidingseenheid_zoeknaam"), ["zoeknaam"], unique=False
        )

    op.create_table(
        "licentie",
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("instellingserkenning_id", sa.Integer(), nullable=False),
        sa.Column("opleidingseenheid_code", sa.String(length=9), nullable=False),
        sa.Column("stadium", sa.String(length=20), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_licentie_bron_bron")),
        sa.ForeignKeyConstraint(
            ["instellingserkenning_id"],
            ["erkenning.id"],
            name=op.f("fk_licentie_instellingserkenning_id_erkenning"),
        ),
        sa.ForeignKeyConstraint(
            ["opleidingseenheid_code"],
            ["opleidingseenheid.code"],
            name=op.f("fk_licentie_opleidingseenheid_code_opleidingseenheid"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_licentie")),
    )
    with op.batch_alter_table("licentie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_licentie_begindatum"), ["begindatum"], unique=False)
        batch_op.create_index(batch_op.f("ix_licentie_einddatum"), ["einddatum"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_licentie_instellingserkenning_id"),
            ["instellingserkenning_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_licentie_opleidingseenheid_code"),
            ["opleidingseenheid_code"],
            unique=False,
        )

    op.create_table(
        "onderwijsaanbieder",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("zoeknaam", sa.String(length=200), nullable=False),
        sa.Column("internationale_naam", sa.String(length=225), nullable=True),
        sa.Column("onderwijsbestuur_code", sa.String(length=7), nullable=False),
        sa.Column("onderwijsaanbiedersgroep_code", sa.String(length=7), nullable=True),
        sa.Column("denominatie", sa.String(length=40), nullable=True),
        sa.Column("eigen_sleutel", sa.String(length=60), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_onderwijsaanbieder_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbiedersgroep_code"],
            ["onderwijsaanbiedersgroep.code"],
            name=op.f(
                "fk_onderwijsaanbieder_onderwijsaanbiedersgroep_code_onderwijsaanbiedersgroep"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsbestuur_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_onderwijsaanbieder_onderwijsbestuur_code_onderwijsbestuur"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onderwijsaanbieder")),
    )
    with op.batch_alter_table("onderwijsaanbieder", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbieder_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbieder_denominatie"), ["denominatie"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbieder_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbieder_onderwijsaanbiedersgroep_code"),
            ["onderwijsaanbiedersgroep_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbieder_onderwijsbestuur_code"),
            ["onderwijsbestuur_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijsaanbieder_zoeknaam"), ["zoeknaam"], unique=False
        )

    op.create_table(
        "onderwijslocatie",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("straatnaam", sa.String(length=80), nullable=True),
        sa.Column("huisnummer", sa.Integer(), nullable=True),
        sa.Column("huisnummertoevoeging", sa.String(length=10), nullable=True),
        sa.Column("postcode", sa.String(length=6), nullable=True),
        sa.Column("plaatsnaam", sa.String(length=80), nullable=True),
        sa.Column("gemeente_code", sa.String(length=4), nullable=True),
        sa.Column("provincie_code", sa.String(length=2), nullable=True),
        sa.Column("bag_id", sa.String(length=16), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_onderwijslocatie_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["gemeente_code"],
            ["gemeente.code"],
            name=op.f("fk_onderwijslocatie_gemeente_code_gemeente"),
        ),
        sa.ForeignKeyConstraint(
            ["provincie_code"],
            ["provincie.code"],
            name=op.f("fk_onderwijslocatie_provincie_code_provincie"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onderwijslocatie")),
    )
    with op.batch_alter_table("onderwijslocatie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_onderwijslocatie_bag_id"), ["bag_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatie_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatie_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatie_gemeente_code"), ["gemeente_code"], unique=False
        )
        batch_op.create_index(
            "ix_onderwijslocatie_latitude_longitude", ["latitude", "longitude"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatie_plaatsnaam"), ["plaatsnaam"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatie_postcode"), ["postcode"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatie_provincie_code"), ["provincie_code"], unique=False
        )

    op.create_table(
        "postcodegebied",
        sa.Column("postcodecijfers", sa.String(length=4), nullable=False),
        sa.Column("gemeente_code", sa.String(length=4), nullable=False),
        sa.Column("plaatsnaam", sa.String(length=80), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.Column("coordinaten_bron", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_postcodegebied_bron_bron")),
        sa.ForeignKeyConstraint(
            ["coordinaten_bron"],
            ["bron.code"],
            name=op.f("fk_postcodegebied_coordinaten_bron_bron"),
        ),
        sa.ForeignKeyConstraint(
            ["gemeente_code"],
            ["gemeente.code"],
            name=op.f("fk_postcodegebied_gemeente_code_gemeente"),
        ),
        sa.PrimaryKeyConstraint("postcodecijfers", name=op.f("pk_postcodegebied")),
    )
    with op.batch_alter_table("postcodegebied", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_postcodegebied_gemeente_code"), ["gemeente_code"], unique=False
        )

    op.create_table(
        "aangeboden_opleiding",
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("sector", sa.String(length=10), nullable=False),
        sa.Column("onderwijsaanbieder_code", sa.String(length=7), nullable=False),
        sa.Column("opleidingseenheid_code", sa.String(length=9), nullable=False),
        sa.Column("onderwijslocatie_code", sa.String(length=7), nullable=True),
        sa.Column("eigen_naam", sa.String(length=225), nullable=True),
        sa.Column("eigen_naam_engels", sa.String(length=225), nullable=True),
        sa.Column("eigen_naam_duits", sa.String(length=225), nullable=True),
        sa.Column("zoeknaam", sa.String(length=225), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("vorm", sa.String(length=10), nullable=True),
        sa.Column("onderwijsconcept", sa.String(length=40), nullable=True),
        sa.Column("leertraject", sa.String(length=10), nullable=True),
        sa.Column("propedeutische_fase", sa.String(length=40), nullable=True),
        sa.Column("studiekeuzecheck", sa.String(length=40), nullable=True),
        sa.Column("deficientie", sa.String(length=30), nullable=True),
        sa.Column("eisen_werkzaamheden", sa.String(length=20), nullable=True),
        sa.Column("versneld_traject", sa.String(length=30), nullable=True),
        sa.Column("samenwerkend_met", sa.String(length=100), nullable=True),
        sa.Column("eigen_sleutel", sa.String(length=60), nullable=True),
        sa.Column("eerste_instroomdatum", sa.Date(), nullable=True),
        sa.Column("laatste_instroomdatum", sa.Date(), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_aangeboden_opleiding_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbieder_code"],
            ["onderwijsaanbieder.code"],
            name=op.f("fk_aangeboden_opleiding_onderwijsaanbieder_code_onderwijsaanbieder"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijslocatie_code"],
            ["onderwijslocatie.code"],
            name=op.f("fk_aangeboden_opleiding_onderwijslocatie_code_onderwijslocatie"),
        ),
        sa.ForeignKeyConstraint(
            ["opleidingseenheid_code"],
            ["opleidingseenheid.code"],
            name=op.f("fk_aangeboden_opleiding_opleidingseenheid_code_opleidingseenheid"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_aangeboden_opleiding")),
    )
    with op.batch_alter_table("aangeboden_opleiding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_eerste_instroomdatum"),
            ["eerste_instroomdatum"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_onderwijsaanbieder_code"),
            ["onderwijsaanbieder_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_onderwijsconcept"),
            ["onderwijsconcept"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_onderwijslocatie_code"),
            ["onderwijslocatie_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_opleidingseenheid_code"),
            ["opleidingseenheid_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_sector"), ["sector"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_aangeboden_opleiding_vorm"), ["vorm"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_zoeknaam"), ["zoeknaam"], unique=False
        )

    op.create_table(
        "communicatiecontext",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("openbaar", sa.Boolean(), nullable=False),
        sa.Column("onderwijsbestuur_code", sa.String(length=7), nullable=True),
        sa.Column("onderwijsaanbieder_code", sa.String(length=7), nullable=True),
        sa.Column("gemeente_code", sa.String(length=4), nullable=True),
        sa.Column("contactnaam", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("telefoon", sa.String(length=20), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("straatnaam", sa.String(length=80), nullable=True),
        sa.Column("huisnummer", sa.Integer(), nullable=True),
        sa.Column("postcode", sa.String(length=6), nullable=True),
        sa.Column("plaatsnaam", sa.String(length=80), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "(onderwijsbestuur_code IS NULL) <> (onderwijsaanbieder_code IS NULL)",
            name=op.f("ck_communicatiecontext_precies_een_organisatie"),
        ),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_communicatiecontext_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["gemeente_code"],
            ["gemeente.code"],
            name=op.f("fk_communicatiecontext_gemeente_code_gemeente"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbieder_code"],
            ["onderwijsaanbieder.code"],
            name=op.f("fk_communicatiecontext_onderwijsaanbieder_code_onderwijsaanbieder"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsbestuur_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_communicatiecontext_onderwijsbestuur_code_onderwijsbestuur"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_communicatiecontext")),
    )
    with op.batch_alter_table("communicatiecontext", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_communicatiecontext_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_communicatiecontext_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_communicatiecontext_gemeente_code"), ["gemeente_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_communicatiecontext_onderwijsaanbieder_code"),
            ["onderwijsaanbieder_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_communicatiecontext_onderwijsbestuur_code"),
            ["onderwijsbestuur_code"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_communicatiecontext_soort"), ["soort"], unique=False)

    op.create_table(
        "juridische_relatie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("onderwijsbestuur_code", sa.String(length=7), nullable=True),
        sa.Column("onderwijsaanbieder_code", sa.String(length=7), nullable=True),
        sa.Column("erkenning_id", sa.Integer(), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "(onderwijsbestuur_code IS NULL) <> (onderwijsaanbieder_code IS NULL)",
            name=op.f("ck_juridische_relatie_precies_een_organisatie"),
        ),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_juridische_relatie_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["erkenning_id"],
            ["erkenning.id"],
            name=op.f("fk_juridische_relatie_erkenning_id_erkenning"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbieder_code"],
            ["onderwijsaanbieder.code"],
            name=op.f("fk_juridische_relatie_onderwijsaanbieder_code_onderwijsaanbieder"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsbestuur_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_juridische_relatie_onderwijsbestuur_code_onderwijsbestuur"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_juridische_relatie")),
    )
    with op.batch_alter_table("juridische_relatie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_juridische_relatie_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_juridische_relatie_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_juridische_relatie_erkenning_id"), ["erkenning_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_juridische_relatie_onderwijsaanbieder_code"),
            ["onderwijsaanbieder_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_juridische_relatie_onderwijsbestuur_code"),
            ["onderwijsbestuur_code"],
            unique=False,
        )

    op.create_table(
        "onderwijslocatiegebruik",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("onderwijsbestuur_code", sa.String(length=7), nullable=False),
        sa.Column("onderwijsaanbieder_code", sa.String(length=7), nullable=False),
        sa.Column("onderwijslocatie_code", sa.String(length=7), nullable=False),
        sa.Column("vestigingserkenning_id", sa.Integer(), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_onderwijslocatiegebruik_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbieder_code"],
            ["onderwijsaanbieder.code"],
            name=op.f("fk_onderwijslocatiegebruik_onderwijsaanbieder_code_onderwijsaanbieder"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsbestuur_code"],
            ["onderwijsbestuur.code"],
            name=op.f("fk_onderwijslocatiegebruik_onderwijsbestuur_code_onderwijsbestuur"),
        ),
        sa.ForeignKeyConstraint(
            ["onderwijslocatie_code"],
            ["onderwijslocatie.code"],
            name=op.f("fk_onderwijslocatiegebruik_onderwijslocatie_code_onderwijslocatie"),
        ),
        sa.ForeignKeyConstraint(
            ["vestigingserkenning_id"],
            ["erkenning.id"],
            name=op.f("fk_onderwijslocatiegebruik_vestigingserkenning_id_erkenning"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onderwijslocatiegebruik")),
    )
    with op.batch_alter_table("onderwijslocatiegebruik", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatiegebruik_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatiegebruik_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatiegebruik_onderwijsaanbieder_code"),
            ["onderwijsaanbieder_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatiegebruik_onderwijsbestuur_code"),
            ["onderwijsbestuur_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatiegebruik_onderwijslocatie_code"),
            ["onderwijslocatie_code"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_onderwijslocatiegebruik_vestigingserkenning_id"),
            ["vestigingserkenning_id"],
            unique=False,
        )

    op.create_table(
        "samenwerkingsverband_deelname",
        sa.Column("samenwerkingsverband_code", sa.String(length=22), nullable=False),
        sa.Column("onderwijsaanbieder_code", sa.String(length=7), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron"], ["bron.code"], name=op.f("fk_samenwerkingsverband_deelname_bron_bron")
        ),
        sa.ForeignKeyConstraint(
            ["onderwijsaanbieder_code"],
            ["onderwijsaanbieder.code"],
            name=op.f(
                "fk_samenwerkingsverband_deelname_onderwijsaanbieder_code_onderwijsaanbieder"
            ),
        ),
        sa.ForeignKeyConstraint(
            ["samenwerkingsverband_code"],
            ["samenwerkingsverband.code"],
            name=op.f(
                "fk_samenwerkingsverband_deelname_samenwerkingsverband_code_samenwerkingsverband"
            ),
        ),
        sa.PrimaryKeyConstraint(
            "samenwerkingsverband_code",
            "onderwijsaanbieder_code",
            name=op.f("pk_samenwerkingsverband_deelname"),
        ),
    )
    with op.batch_alter_table("samenwerkingsverband_deelname", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_samenwerkingsverband_deelname_begindatum"), ["begindatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_samenwerkingsverband_deelname_einddatum"), ["einddatum"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_samenwerkingsverband_deelname_onderwijsaanbieder_code"),
            ["onderwijsaanbieder_code"],
            unique=False,
        )

    op.create_table(
        "aangeboden_opleiding_voertaal",
        sa.Column("aangeboden_opleiding_code", sa.String(length=36), nullable=False),
        sa.Column("voertaal", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["aangeboden_opleiding_code"],
            ["aangeboden_opleiding.code"],
            name=op.f(
                "fk_aangeboden_opleiding_voertaal_aangeboden_opleiding_code_aangeboden_opleiding"
            ),
        ),
        sa.PrimaryKeyConstraint(
            "aangeboden_opleiding_code", "voertaal", name=op.f("pk_aangeboden_opleiding_voertaal")
        ),
    )
    with op.batch_alter_table("aangeboden_opleiding_voertaal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aangeboden_opleiding_voertaal_voertaal"), ["voertaal"], unique=False
        )

    op.create_table(
        "cohort",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aangeboden_opleiding_code", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.Column("begin_aanmeldperiode", sa.Date(), nullable=False),
        sa.Column("einde_aanmeldperiode", sa.Date(), nullable=True),
        sa.Column("instroommoment", sa.Date(), nullable=True),
        sa.Column("toestemming_vereist", sa.String(length=3), nullable=False),
        sa.Column("opleidingsvorm", sa.String(length=30), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("afgeleid", sa.String(length=200), nullable=False),
        sa.Column("bron", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["aangeboden_opleiding_code"],
            ["aangeboden_opleiding.code"],
            name=op.f("fk_cohort_aangeboden_opleiding_code_aangeboden_opleiding"),
        ),
        sa.ForeignKeyConstraint(["bron"], ["bron.code"], name=op.f("fk_cohort_bron_bron")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort")),
        sa.UniqueConstraint(
            "aangeboden_opleiding_code",
            "code",
            name=op.f("uq_cohort_aangeboden_opleiding_code_code"),
        ),
    )
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cohort_aangeboden_opleiding_code"),
            ["aangeboden_opleiding_code"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_cohort_begindatum"), ["begindatum"], unique=False)
        batch_op.create_index(batch_op.f("ix_cohort_einddatum"), ["einddatum"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cohort_instroommoment"), ["instroommoment"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cohort_instroommoment"))
        batch_op.drop_index(batch_op.f("ix_cohort_einddatum"))
        batch_op.drop_index(batch_op.f("ix_cohort_begindatum"))
        batch_op.drop_index(batch_op.f("ix_cohort_aangeboden_opleiding_code"))

    op.drop_table("cohort")
    with op.batch_alter_table("aangeboden_opleiding_voertaal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_voertaal_voertaal"))

    op.drop_table("aangeboden_opleiding_voertaal")
    with op.batch_alter_table("samenwerkingsverband_deelname", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_samenwerkingsverband_deelname_onderwijsaanbieder_code"))
        batch_op.drop_index(batch_op.f("ix_samenwerkingsverband_deelname_einddatum"))
        batch_op.drop_index(batch_op.f("ix_samenwerkingsverband_deelname_begindatum"))

    op.drop_table("samenwerkingsverband_deelname")
    with op.batch_alter_table("onderwijslocatiegebruik", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onderwijslocatiegebruik_vestigingserkenning_id"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatiegebruik_onderwijslocatie_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatiegebruik_onderwijsbestuur_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatiegebruik_onderwijsaanbieder_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatiegebruik_einddatum"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatiegebruik_begindatum"))

    op.drop_table("onderwijslocatiegebruik")
    with op.batch_alter_table("juridische_relatie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_juridische_relatie_onderwijsbestuur_code"))
        batch_op.drop_index(batch_op.f("ix_juridische_relatie_onderwijsaanbieder_code"))
        batch_op.drop_index(batch_op.f("ix_juridische_relatie_erkenning_id"))
        batch_op.drop_index(batch_op.f("ix_juridische_relatie_einddatum"))
        batch_op.drop_index(batch_op.f("ix_juridische_relatie_begindatum"))

    op.drop_table("juridische_relatie")
    with op.batch_alter_table("communicatiecontext", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_communicatiecontext_soort"))
        batch_op.drop_index(batch_op.f("ix_communicatiecontext_onderwijsbestuur_code"))
        batch_op.drop_index(batch_op.f("ix_communicatiecontext_onderwijsaanbieder_code"))
        batch_op.drop_index(batch_op.f("ix_communicatiecontext_gemeente_code"))
        batch_op.drop_index(batch_op.f("ix_communicatiecontext_einddatum"))
        batch_op.drop_index(batch_op.f("ix_communicatiecontext_begindatum"))

    op.drop_table("communicatiecontext")
    with op.batch_alter_table("aangeboden_opleiding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_zoeknaam"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_vorm"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_sector"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_opleidingseenheid_code"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_onderwijslocatie_code"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_onderwijsconcept"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_onderwijsaanbieder_code"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_einddatum"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_eerste_instroomdatum"))
        batch_op.drop_index(batch_op.f("ix_aangeboden_opleiding_begindatum"))

    op.drop_table("aangeboden_opleiding")
    with op.batch_alter_table("postcodegebied", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postcodegebied_gemeente_code"))

    op.drop_table("postcodegebied")
    with op.batch_alter_table("onderwijslocatie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_provincie_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_postcode"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_plaatsnaam"))
        batch_op.drop_index("ix_onderwijslocatie_latitude_longitude")
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_gemeente_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_einddatum"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_begindatum"))
        batch_op.drop_index(batch_op.f("ix_onderwijslocatie_bag_id"))

    op.drop_table("onderwijslocatie")
    with op.batch_alter_table("onderwijsaanbieder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbieder_zoeknaam"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbieder_onderwijsbestuur_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbieder_onderwijsaanbiedersgroep_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbieder_einddatum"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbieder_denominatie"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbieder_begindatum"))

    op.drop_table("onderwijsaanbieder")
    with op.batch_alter_table("licentie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_licentie_opleidingseenheid_code"))
        batch_op.drop_index(batch_op.f("ix_licentie_instellingserkenning_id"))
        batch_op.drop_index(batch_op.f("ix_licentie_einddatum"))
        batch_op.drop_index(batch_op.f("ix_licentie_begindatum"))

    op.drop_table("licentie")
    with op.batch_alter_table("opleidingseenheid", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_zoeknaam"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_sector"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_opleidingserkenning_id"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_niveau"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_erkende_opleidingscode"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_einddatum"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_eigenaar_code"))
        batch_op.drop_index(batch_op.f("ix_opleidingseenheid_begindatum"))

    op.drop_table("opleidingseenheid")
    with op.batch_alter_table("onderwijsaanbiedersgroep", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbiedersgroep_onderwijsbestuur_code"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbiedersgroep_einddatum"))
        batch_op.drop_index(batch_op.f("ix_onderwijsaanbiedersgroep_begindatum"))

    op.drop_table("onderwijsaanbiedersgroep")
    with op.batch_alter_table("gemeente", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gemeente_provincie_code"))
        batch_op.drop_index(batch_op.f("ix_gemeente_naam"))

    op.drop_table("gemeente")
    with op.batch_alter_table("samenwerkingsverband", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_samenwerkingsverband_soort"))
        batch_op.drop_index(batch_op.f("ix_samenwerkingsverband_einddatum"))
        batch_op.drop_index(batch_op.f("ix_samenwerkingsverband_begindatum"))

    op.drop_table("samenwerkingsverband")
    op.drop_table("provincie")
    with op.batch_alter_table("onderwijsbestuur", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onderwijsbestuur_zoeknaam"))
        batch_op.drop_index(batch_op.f("ix_onderwijsbestuur_einddatum"))
        batch_op.drop_index(batch_op.f("ix_onderwijsbestuur_begindatum"))

    op.drop_table("onderwijsbestuur")
    with op.batch_alter_table("erkenning", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erkenning_instellingserkenning_id"))
        batch_op.drop_index(batch_op.f("ix_erkenning_einddatum"))
        batch_op.drop_index(batch_op.f("ix_erkenning_code"))
        batch_op.drop_index(batch_op.f("ix_erkenning_begindatum"))

    op.drop_table("erkenning")
    op.drop_table("bron")
