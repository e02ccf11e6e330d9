/**
 * Slows password guessing before Directus counts a failed sign-in towards suspending the account
 * (`auth_login_attempts`, 25 by default, forgotten only at a successful sign-in): every attempt counts
 * against its client address, against the account it names from that address, and against the account
 * from anywhere, known or not (so the answer tells nobody whether an address exists). Over a limit within
 * the window, further attempts are refused for the lock time, with 429 and Retry-After, and never reach
 * Directus. The tight limit is the account's from one address: someone guessing from one place locks
 * themselves out there, not the account's owner elsewhere. The account's limit from anywhere is looser and
 * below Directus's 25, so locking an owner out takes guesses from several addresses, and Directus's own
 * suspension is not reached within one window. A successful sign-in starts the account's counts again and
 * gives the address its attempt back, so only failures (and attempts still under way) add up.
 */
import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManySignInAttemptsError } from '../errors/too-many-sign-in-attempts-error.ts';
import { createLimiter, type LimitStore } from './create-limiter.ts';
import { limitFromEnv } from './limit-from-env.ts';
import { limitStoreFromEnv } from './limit-store-from-env.ts';

export interface SignInLimits {
	/** Counts one attempt for the address and the account; throws TooManySignInAttemptsError while either is locked. */
	attempt(ip: string | null, account: string): Promise<void>;
	/** A successful sign-in: the account's count starts again, and the address gets its attempt back. */
	succeeded(ip: string | null, account: string): Promise<void>;
}

export interface SignInLimitOptions {
	/** Attempts at one account from one client address. */
	perAccountAndIp: number;
	/** Attempts at one account from anywhere. */
	perAccount: number;
	/** Attempts from one client address, at any accounts. */
	perIp: number;
	windowSeconds: number;
	lockSeconds: number;
}

/** The account's key: sign-in compares e-mail addresses without case. */
const accountKey = (account: string) => account.trim().toLowerCase();

export function createSignInLimits(
	store: LimitStore,
	{ perAccountAndIp, perAccount, perIp, windowSeconds, lockSeconds }: SignInLimitOptions,
): SignInLimits {
	const byIp = createLimiter(store, {
		name: 'sign-in',
		scope: 'ip',
		points: perIp,
		windowSeconds,
		blockSeconds: lockSeconds,
	});
	const byAccountAndIp = createLimiter(store, {
		name: 'sign-in',
		scope: 'account-ip',
		points: perAccountAndIp,
		windowSeconds,
		blockSeconds: lockSeconds,
	});
	const byAccount = createLimiter(store, {
		name: 'sign-in',
		scope: 'account',
		points: perAccount,
		windowSeconds,
		blockSeconds: lockSeconds,
	});
	const pairKey = (ip: string | null, account: string) => `${accountKey(account)} ${ip ?? 'unknown'}`;
	return {
		async attempt(ip, account) {
			try {
				// Narrowest first: an address already locked out spends none of the account's attempts.
				await byIp.consume(ip ?? 'unknown');
				await byAccountAndIp.consume(pairKey(ip, account));
				await byAccount.consume(accountKey(account));
			} catch (error) {
				if (error instanceof RateLimiterRes)
					throw new TooManySignInAttemptsError({ retryAfter: Math.ceil(error.msBeforeNext / 1000) });
				throw error;
			}
		},
		async succeeded(ip, account) {
			await byAccountAndIp.delete(pairKey(ip, account));
			await byAccount.delete(accountKey(account));
			await byIp.reward(ip ?? 'unknown', 1);
		},
	};
}

/**
 * PORTAL_LOGIN_LIMIT_PER_ACCOUNT_AND_IP (default 5), PORTAL_LOGIN_LIMIT_PER_ACCOUNT (default 20) and
 * PORTAL_LOGIN_LIMIT_PER_IP (default 20) attempts within PORTAL_LOGIN_WINDOW_SECONDS (default 900), then
 * locked for PORTAL_LOGIN_LOCK_SECONDS (default 900).
 */
export function signInLimitsFromEnv(env: Record<string, unknown>): SignInLimits {
	return createSignInLimits(limitStoreFromEnv(env), {
		perAccountAndIp: limitFromEnv(env, 'PORTAL_LOGIN_LIMIT_PER_ACCOUNT_AND_IP', 5),
		perAccount: limitFromEnv(env, 'PORTAL_LOGIN_LIMIT_PER_ACCOUNT', 20),
		perIp: limitFromEnv(env, 'PORTAL_LOGIN_LIMIT_PER_IP', 20),
		windowSeconds: limitFromEnv(env, 'PORTAL_LOGIN_WINDOW_SECONDS', 900),
		lockSeconds: limitFromEnv(env, 'PORTAL_LOGIN_LOCK_SECONDS', 900),
	});
}
