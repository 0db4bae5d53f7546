-- Make schema :"s" (a fresh seed of the API's data, same migrations and indexes) about ten times larger
-- in offering: 9 extra copies of every aangeboden opleiding with fresh UUID codes (md5 of the
-- original code and the copy number), each with copies of its voertalen and cohorten.
--   psql -v s=og_x10 -d og_bench -f bench/scale-x10.sql   (bench/compare.py --scale does this)
\set ON_ERROR_STOP 1
SET search_path = :"s";
BEGIN;
INSERT INTO aangeboden_opleiding
SELECT (jsonb_populate_record(NULL::aangeboden_opleiding,
          to_jsonb(a) || jsonb_build_object('code', md5(a.code || ':' || k)::uuid::text))).*
FROM aangeboden_opleiding a, generate_series(1, 9) k;
INSERT INTO aangeboden_opleiding_voertaal
SELECT md5(v.aangeboden_opleiding_code || ':' || k)::uuid::text, v.voertaal
FROM aangeboden_opleiding_voertaal v, generate_series(1, 9) k;
INSERT INTO cohort
SELECT (jsonb_populate_record(NULL::cohort,
          to_jsonb(c) || jsonb_build_object('id', c.id + k * 1000000,
                                            'aangeboden_opleiding_code', md5(c.aangeboden_opleiding_code || ':' || k)::uuid::text))).*
FROM cohort c, generate_series(1, 9) k;
COMMIT;
VACUUM ANALYZE aangeboden_opleiding;
VACUUM ANALYZE aangeboden_opleiding_voertaal;
VACUUM ANALYZE cohort;
SELECT 'aangeboden_opleiding' AS t, count(*) FROM aangeboden_opleiding
UNION ALL SELECT 'cohort', count(*) FROM cohort
UNION ALL SELECT 'aangeboden_opleiding_voertaal', count(*) FROM aangeboden_opleiding_voertaal;
