// A third-party app's calls through the TypeScript SDK (@wangwu/sdk, built under target/sdk), run by
// SdkThirdPartyTest with: node test/third-party.mjs <platform base URL> <county> <other county> <bearer token>
// It prints one JSON document of what it saw and exits non-zero when an SDK call does not behave as an app expects.
import sdk from '../target/sdk/dist/index.js';

const { Configuration, PointsApi, DisputesApi, ResponseError, ProblemFromJSON } = sdk;
const [base, county, otherCounty, token] = process.argv.slice(2);
const config = new Configuration({ basePath: base.replace(/\/$/, ''), headers: { Authorization: `Bearer ${token}` } });
const points = new PointsApi(config);
const disputes = new DisputesApi(config);

async function problemOf(call) {
  try {
    await call();
  } catch (e) {
    if (e instanceof ResponseError) {
      const problem = ProblemFromJSON(await e.response.json());
      return { httpStatus: e.response.status, contentType: e.response.headers.get('content-type'), problem };
    }
    throw e;
  }
  throw new Error('the call succeeded where the platform must refuse it');
}

const rules = await points.rulesList({ county });
const out = {
  rules: rules.map((r) => r.code),
  otherCounty: await problemOf(() => points.rulesList({ county: otherCounty })),
  disputes: await problemOf(() => disputes.caseList({ county })),
  badBody: await problemOf(() => points.awardRequest({ county, newAward: { ruleCode: 'not a code' }, idempotencyKey: 'ts-sdk-bad-body-1' })),
};
console.log(JSON.stringify(out));
