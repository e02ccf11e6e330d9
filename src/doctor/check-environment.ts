import { isTrue } from '../directus/is-true.ts';
import type { Finding } from './finding.ts';

/**
 * Below this, a failed sign-in's fixed delay no longer covers Directus's password check on a loaded server,
 * with argon2's default cost, which Directus keeps (64 MiB, 3 passes).
 */
export const minimumLoginStallMs = 1000;
const defaultHashCost = 65_536 * 3;
/** However cheap the hashing, a delay shorter than this is lost in the noise of the rest of the sign-in. */
const leastLoginStallMs = 100;

/**
 * The delay that covers the password check of this configuration: argon2's time grows with its memory cost
 * times its passes (HASH_MEMORY_COST, HASH_TIME_COST), so a cheaper hash needs a shorter delay.
 */
export function loginStallNeededMs(env: Record<string, unknown>): number {
	const cost = Number(env['HASH_MEMORY_COST'] ?? 65_536) * Number(env['HASH_TIME_COST'] ?? 3);
	// Settings that are not numbers are judged as the default cost.
	const share = cost > 0 ? cost / defaultHashCost : 1;
	return Math.max(leastLoginStallMs, Math.ceil(minimumLoginStallMs * share));
}

/**
 * Checks Directus's effective configuration against its known weak spots in 11.x (see the README,
 * "Configuration"). `env` is Directus's own, with its defaults applied.
 */
export function checkEnvironment(env: Record<string, unknown>): Finding[] {
	const findings: Finding[] = [];
	if (isTrue(env['WEBSOCKETS_ENABLED'])) {
		for (const [kind, enabled, auth] of [
			['REST', env['WEBSOCKETS_REST_ENABLED'], env['WEBSOCKETS_REST_AUTH']],
			['GraphQL', env['WEBSOCKETS_GRAPHQL_ENABLED'], env['WEBSOCKETS_GRAPHQL_AUTH']],
		] as const) {
			if (isTrue(enabled) && auth === 'public') {
				findings.push({
					id: `websockets-${kind.toLowerCase()}-public-auth`,
					severity: 'critical',
					problem: `WebSockets for ${kind} use the "public" auth mode, which lets an invalid token through on Directus 11.`,
					fix: `Set WEBSOCKETS_${kind === 'REST' ? 'REST' : 'GRAPHQL'}_AUTH to "handshake" or "strict", or WEBSOCKETS_ENABLED to false.`,
				});
			}
		}
	}
	if (isTrue(env['CACHE_ENABLED'])) {
		// Purging does not help: anonymous and share requests share cache keys whatever purges, and portal
		// rules resolve the contact's customer per request, which a cached value would pin.
		findings.push({
			id: 'data-cache-on',
			severity: 'critical',
			problem:
				'The data cache is on: Directus 11 shares cached answers between visitors and shares (GHSA-c6w9-5g5j-jh2p) and caches the values portal rules resolve per contact, so a contact could be served someone else’s answer or keep seeing a customer they were moved away from.',
			fix: 'Set CACHE_ENABLED to false. The portal needs no data cache; CACHE_STORE=redis still shares Directus’s system cache between instances.',
		});
	}
	const stallMs = Number(env['LOGIN_STALL_TIME'] ?? 500);
	const neededMs = loginStallNeededMs(env);
	if (!(stallMs >= neededMs)) {
		findings.push({
			id: 'login-stall-time',
			severity: 'warning',
			problem: `LOGIN_STALL_TIME is ${env['LOGIN_STALL_TIME'] ?? 500} ms: on a busy server Directus's password check takes longer, so a failed sign-in with a known e-mail address answers later than one with an unknown address.`,
			fix: `Set LOGIN_STALL_TIME to ${neededMs} or more (the portal's own setup uses 1500).`,
		});
	}
	if (isTrue(env['IP_TRUST_PROXY'])) {
		findings.push({
			id: 'ip-trust-proxy',
			severity: 'warning',
			problem:
				'IP_TRUST_PROXY is true: a forged X-Forwarded-For header can dodge the per-address limits of the public routes.',
			fix: 'Set IP_TRUST_PROXY to false, or to the address of your reverse proxy.',
		});
	}
	return findings;
}
