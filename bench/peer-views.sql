-- PostGraphile's view of the API's tables (bench/compare.py): one view per table in schema :dst over
-- the app's schema :src, holding the rows valid today (the app's default peildatum: begindatum
-- inclusive, einddatum exclusive, today in Europe/Amsterdam), with smart tags giving the primary
-- keys and the same foreign keys the app's tables have. PostgreSQL inlines these views, so
-- PostGraphile's SQL reads the app's own tables and indexes.
--   psql -v src=onderwijsgraaf -v dst=og_peer -d og_bench -f bench/peer-views.sql
\set ON_ERROR_STOP 1
DROP SCHEMA IF EXISTS :"dst" CASCADE;
CREATE SCHEMA :"dst";
SET search_path = :"dst";

CREATE FUNCTION vandaag() RETURNS date LANGUAGE sql STABLE
  AS $$ SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date $$;
COMMENT ON FUNCTION vandaag() IS E'@omit';

CREATE VIEW onderwijsbestuur AS SELECT * FROM :"src".onderwijsbestuur t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW onderwijsaanbieder AS SELECT * FROM :"src".onderwijsaanbieder t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW onderwijslocatie AS SELECT * FROM :"src".onderwijslocatie t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW onderwijslocatiegebruik AS SELECT * FROM :"src".onderwijslocatiegebruik t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW opleidingseenheid AS SELECT * FROM :"src".opleidingseenheid t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW aangeboden_opleiding AS SELECT * FROM :"src".aangeboden_opleiding t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW cohort AS SELECT * FROM :"src".cohort t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW erkenning AS SELECT * FROM :"src".erkenning t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());
CREATE VIEW juridische_relatie AS SELECT * FROM :"src".juridische_relatie t
  WHERE (t.begindatum IS NULL OR t.begindatum <= vandaag()) AND (t.einddatum IS NULL OR t.einddatum > vandaag());

COMMENT ON VIEW onderwijsbestuur IS E'@primaryKey code';
COMMENT ON VIEW onderwijsaanbieder IS E'@primaryKey code\n@foreignKey (onderwijsbestuur_code) references onderwijsbestuur (code)';
COMMENT ON VIEW onderwijslocatie IS E'@primaryKey code';
COMMENT ON VIEW onderwijslocatiegebruik IS E'@primaryKey id\n@foreignKey (onderwijsaanbieder_code) references onderwijsaanbieder (code)\n@foreignKey (onderwijslocatie_code) references onderwijslocatie (code)';
COMMENT ON VIEW opleidingseenheid IS E'@primaryKey code';
COMMENT ON VIEW aangeboden_opleiding IS E'@primaryKey code\n@foreignKey (onderwijsaanbieder_code) references onderwijsaanbieder (code)\n@foreignKey (opleidingseenheid_code) references opleidingseenheid (code)\n@foreignKey (onderwijslocatie_code) references onderwijslocatie (code)';
COMMENT ON VIEW cohort IS E'@primaryKey id\n@foreignKey (aangeboden_opleiding_code) references aangeboden_opleiding (code)';
COMMENT ON VIEW erkenning IS E'@primaryKey id';
COMMENT ON VIEW juridische_relatie IS E'@primaryKey id\n@foreignKey (onderwijsaanbieder_code) references onderwijsaanbieder (code)\n@foreignKey (erkenning_id) references erkenning (id)';
