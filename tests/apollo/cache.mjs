// Apollo Client's InMemoryCache against the live API at the URL given: an aanbieder read on two
// peildata, then the first read again from the cache only. Prints what each read saw as JSON.
// "control" does the same through a link that strips the date from every id (the older form),
// to show that the cache would then mix the two dates.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { map } from 'rxjs';

const [url, code, first, second] = process.argv.slice(2);
const QUERY = gql`
  query Aanbieder($code: String!, $d: Date) {
    onderwijsaanbieder(code: $code, peildatum: $d) { id aangebodenOpleidingen { totalCount } }
  }
`;

// URL-safe base64 with padding, as the API writes ids
const base64url = (text) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

function undated(value) {
  if (Array.isArray(value)) return value.map(undated);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key === 'id' && typeof item === 'string'
      ? base64url(Buffer.from(item, 'base64url').toString().replace(/@[^@]*$/, ''))
      : undated(item);
  }
  return out;
}

async function reads(link) {
  const client = new ApolloClient({ cache: new InMemoryCache(), link });
  const seen = async (d, fetchPolicy) => {
    const result = await client.query({ query: QUERY, variables: { code, d }, fetchPolicy });
    const found = result.data.onderwijsaanbieder;
    return { id: found.id, totalCount: found.aangebodenOpleidingen.totalCount };
  };
  const out = {
    first: await seen(first, 'network-only'),
    second: await seen(second, 'network-only'),
    again: await seen(first, 'cache-only'),
  };
  const read = client.readQuery({ query: QUERY, variables: { code, d: first } });
  out.readQuery = read.onderwijsaanbieder.aangebodenOpleidingen.totalCount;
  out.keys = Object.keys(client.cache.extract()).filter((key) => key !== 'ROOT_QUERY').sort();
  return out;
}

const http = new HttpLink({ uri: url });
const stripping = new ApolloLink((operation, forward) => forward(operation).pipe(map(undated)));
const result = {
  dated: await reads(http),
  control: await reads(ApolloLink.from([stripping, http])),
};
process.stdout.write(JSON.stringify(result));
