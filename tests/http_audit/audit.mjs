// The GraphQL-over-HTTP audit of graphql-http against the URL given; prints every result as JSON.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const out = [];
for (const result of results) {
  const item = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    item.reason = result.reason;
    item.response = {
      status: result.response.status,
      contentType: result.response.headers.get('content-type'),
      body: (await result.response.text()).slice(0, 1000),
    };
  }
  out.push(item);
}
process.stdout.write(JSON.stringify(out));
