/**
 * Limits on the portal's public routes (requests, sign-up), per client address and per e-mail
 * address, so they cannot be used to flood the help desk or someone's inbox. Kept in memory: with
 * several Directus instances each keeps its own count.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyPublicRequestsError } from '../errors/too-many-public-requests-error.ts';

export interface PublicRateLimits {
	/** Counts one attempt for the address and for the e-mail; throws a 429 when either is over its limit. */
	consume(ip: string | null, email: string): Promise<void>;
}

/** Limits per hour, from PORTAL_PUBLIC_LIMIT_PER_IP (default 10) and PORTAL_PUBLIC_LIMIT_PER_EMAIL (default 3). */
export function publicRateLimitsFromEnv(env: Record<string, unknown>): PublicRateLimits {
	const number = (value: unknown, fallback: number) => (Number.isSafeInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
	return createPublicRateLimits({ perIp: number(env['PORTAL_PUBLIC_LIMIT_PER_IP'], 10), perEmail: number(env['PORTAL_PUBLIC_LIMIT_PER_EMAIL'], 3) });
}

export function createPublicRateLimits({ perIp = 10, perEmail = 3, windowSeconds = 3600 } = {}): PublicRateLimits {
	const byIp = new RateLimiterMemory({ keyPrefix: 'portal-public-ip', points: perIp, duration: windowSeconds });
	const byEmail = new RateLimiterMemory({ keyPrefix: 'portal-public-email', points: perEmail, duration: windowSeconds });
	return {
		async consume(ip, email) {
			try {
				await byIp.consume(ip ?? 'unknown');
				await byEmail.consume(email.toLowerCase());
			} catch (error) {
				if (error instanceof RateLimiterRes) throw new TooManyPublicRequestsError();
				throw error;
			}
		},
	};
}
