import type { Finding } from './finding.ts';

/**
 * The portal is made of custom permission rules; Directus 12's unlicensed tier refuses them, and other
 * majors are untested. Only Directus 11 is known to enforce every rule the portal compiles.
 */
export function checkHost(version: string | null, settings: { public_registration: boolean | null }): Finding[] {
	const findings: Finding[] = [];
	const major = version === null ? null : Number(version.split('.')[0]);
	if (major !== 11) {
		findings.push({
			id: 'host-version',
			severity: 'critical',
			problem: `This is Directus ${version ?? '(unknown version)'}; the portal's rules are built for and tested on Directus 11, and Directus 12 without a licence refuses custom permission rules.`,
			fix: 'Run the portal on Directus 11 (11.17.4 is tested), or a Directus 12 licence tier that allows custom permission rules once the portal supports it.',
		});
	}
	if (settings.public_registration === true) {
		findings.push({
			id: 'public-registration',
			severity: 'critical',
			problem:
				'Directus’s own public registration is on: anyone could create a Directus user outside the portal’s sign-up rules.',
			fix: 'Switch off "User Registration" in the studio’s project settings; the portal has its own sign-up (portal_settings.self_signup).',
		});
	}
	return findings;
}
