// PostGraphile v5 over the same data as the API (bench/compare.py runs it): read-only (no CRUD
// mutations), no GraphiQL, amber preset plus postgraphile-plugin-connection-filter (with relation
// filters, for "aanbieders with a location in gemeente X" and latitude/longitude ranges).
// bench/compare.py copies it next to node_modules (postgraphile 5.1.5,
// postgraphile-plugin-connection-filter 4.0.1) in var/bench/postgraphile and starts
//   DATABASE_URL=postgres://... PG_SCHEMA=og_peer PORT=5691 GRAPHILE_ENV=production \
//     node node_modules/.bin/postgraphile -C graphile.config.mjs
// with Node 22 (PostGraphile 5 needs Node >= 22).
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { makePgService } from "postgraphile/adaptors/pg";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ["PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin"],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/og_bench",
      schemas: [process.env.PG_SCHEMA || "og_peer"],
    }),
  ],
  schema: {
    connectionFilterRelations: true,
  },
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.PORT || 5691),
    graphiql: false,
  },
  grafast: { explain: false },
};
export default preset;
