/**
 * Files that CI runs once, in one database's lane, when it runs both side by side (`npm test` with
 * `PORTAL_TEST_DB=sqlite,postgres`): files that use PostgreSQL whatever the lane (their own database and
 * Redis), and the browser flows, whose pages are the same on either database (what the server does behind
 * them is tested on both by the API tests). Split so that the two lanes take about as long. A run of one
 * database (`PORTAL_TEST_DB=sqlite npm test`, or vitest itself) runs every file.
 */
type Lane = 'sqlite' | 'postgres';

export const oneLaneFiles: Readonly<Record<string, Lane>> = {
	'test/integration/two-instances.test.ts': 'postgres',
	'test/integration/faults.test.ts': 'postgres',
	'test/e2e/portal-on-map.test.ts': 'postgres',
	'test/e2e/every-page.test.ts': 'postgres',
	'test/e2e/studio.test.ts': 'sqlite',
	'test/e2e/portal.test.ts': 'sqlite',
	'test/e2e/portal-pages.test.ts': 'sqlite',
};

/** The files this lane leaves to the other one: none unless both lanes run (`PORTAL_TEST_LANES`). */
export function filesOfOtherLanes(env: Record<string, string | undefined>): string[] {
	const lanes = (env['PORTAL_TEST_LANES'] ?? '').split(',');
	if (!lanes.includes('sqlite') || !lanes.includes('postgres')) return [];
	const lane = env['PORTAL_TEST_DB'] ?? 'sqlite';
	return Object.entries(oneLaneFiles)
		.filter(([, owner]) => owner !== lane)
		.map(([file]) => file);
}
