import type { Finding } from './finding.ts';

/** Below this, a failed sign-in's fixed delay no longer covers Directus's password check on a loaded server. */
export const minimumLoginStallMs = 1000;

const truthy = (value: unknown) => value === true || value === 'true' || value === 1 || value === '1';

/**
 * Checks Directus's effective configuration against its known weak spots in 11.x (see the README,
 * "Configuration"). `env` is Directus's own, with its defaults applied.
 */
export function checkEnvironment(env: Record<string, unknown>): Finding[] {
	const findings: Finding[] = [];
	if (truthy(env['WEBSOCKETS_ENABLED'])) {
		for (const [kind, enabled, auth] of [
			['REST', env['WEBSOCKETS_REST_ENABLED'], env['WEBSOCKETS_REST_AUTH']],
			['GraphQL', env['WEBSOCKETS_GRAPHQL_ENABLED'], env['WEBSOCKETS_GRAPHQL_AUTH']],
		] as const) {
			if (truthy(enabled) && auth === 'public') {
				findings.push({
					id: `websockets-${kind.toLowerCase()}-public-auth`,
					severity: 'critical',
					problem: `WebSockets for ${kind} use the "public" auth mode, which lets an invalid token through on Directus 11.`,
					fix: `Set WEBSOCKETS_${kind === 'REST' ? 'REST' : 'GRAPHQL'}_AUTH to "handshake" or "strict", or WEBSOCKETS_ENABLED to false.`,
				});
			}
		}
	}
	if (truthy(env['CACHE_ENABLED']) && !truthy(env['CACHE_AUTO_PURGE'])) {
		findings.push({
			id: 'cache-without-purge',
			severity: 'critical',
			problem: 'The data cache is on without purging: contacts could be served another session’s cached answers, and permission changes would not reach them.',
			fix: 'Set CACHE_ENABLED to false (recommended for the portal), or CACHE_AUTO_PURGE to true.',
		});
	}
	const stallMs = Number(env['LOGIN_STALL_TIME'] ?? 500);
	if (!(stallMs >= minimumLoginStallMs)) {
		findings.push({
			id: 'login-stall-time',
			severity: 'warning',
			problem: `LOGIN_STALL_TIME is ${env['LOGIN_STALL_TIME'] ?? 500} ms: on a busy server Directus's password check takes longer, so a failed sign-in with a known e-mail address answers later than one with an unknown address.`,
			fix: `Set LOGIN_STALL_TIME to ${minimumLoginStallMs} or more (the portal's own setup uses 1500).`,
		});
	}
	if (truthy(env['IP_TRUST_PROXY'])) {
		findings.push({
			id: 'ip-trust-proxy',
			severity: 'warning',
			problem: 'IP_TRUST_PROXY is true: a forged X-Forwarded-For header can dodge the per-address limits of the public routes.',
			fix: 'Set IP_TRUST_PROXY to false, or to the address of your reverse proxy.',
		});
	}
	return findings;
}
