// A third-party app's calls through the TypeScript SDK (@wangwu/sdk, built under target/sdk), run by
// SdkThirdPartyTest with: node test/third-party.mjs <platform base URL> <county> <other county> <bearer token>
//   <a rule code the county's apps may record> <a household id of the county> <its village code>
// It prints one JSON document of what it saw and exits non-zero when an SDK call does not behave as an app expects.
import sdk from '../target/sdk/dist/index.js';

const { Configuration, PointsApi, DisputesApi, ResponseError, ProblemFromJSON } = sdk;
const [base, county, otherCounty, token, appRule, householdId, householdVillage] = process.argv.slice(2);
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
// A deed under a rule that lists the county's apps; the household's account (paging the village's accounts),
// its statement, and the award the statement's entry posted.
await points.awardRequest({
  county,
  newAward: { ruleCode: appRule, householdId, description: '参加村道清扫志愿活动 2 小时' },
  idempotencyKey: `ts-sdk-deed-${householdId}`,
});
let account;
for (let cursor; !account;) {
  const page = await points.accountList({ county, cursor, limit: 200, place: householdVillage });
  account = page.items.find((a) => a.householdId === householdId);
  cursor = page.nextCursor;
  if (!account && !cursor) throw new Error(`no account of household ${householdId}`);
}
out.statement = (await points.accountStatement({ county, id: account.id })).items;
out.deed = await points.awardGet({ county, id: out.statement[0].awardId });
console.log(JSON.stringify(out));
