import { describe, expect, test } from 'vitest';
import { TooManySignInAttemptsError } from '../../../src/errors/too-many-sign-in-attempts-error.ts';
import { createSignInLimits } from '../../../src/rate-limit/sign-in-limits.ts';

const store = { namespace: 'unit', redis: null };

async function refusal(work: Promise<void>): Promise<unknown> {
	return work.then(
		() => null,
		(error: unknown) => error,
	);
}

describe('createSignInLimits', () => {
	test('Locks an account from one address after its limit there, and serves its owner elsewhere', async () => {
		const limits = createSignInLimits(store, {
			perAccountAndIp: 2,
			perAccount: 100,
			perIp: 100,
			windowSeconds: 60,
			lockSeconds: 30,
		});
		await limits.attempt('10.0.1.1', 'owner@example.com');
		await limits.attempt('10.0.1.1', 'Owner@example.com');
		expect(await refusal(limits.attempt('10.0.1.1', 'owner@example.com'))).toBeInstanceOf(TooManySignInAttemptsError);
		expect(await refusal(limits.attempt('10.0.1.2', 'owner@example.com'))).toBeNull();
	});

	test('Locks an account everywhere, whatever the case of its address, after its limit from all addresses together, with the seconds to wait', async () => {
		const limits = createSignInLimits(store, {
			perAccountAndIp: 100,
			perAccount: 2,
			perIp: 100,
			windowSeconds: 60,
			lockSeconds: 30,
		});
		await limits.attempt('10.0.0.1', 'Someone@Example.com');
		await limits.attempt('10.0.0.2', 'someone@example.com');
		const error = await refusal(limits.attempt('10.0.0.3', ' someone@example.com'));
		expect(error).toBeInstanceOf(TooManySignInAttemptsError);
		expect((error as InstanceType<typeof TooManySignInAttemptsError>).extensions.retryAfter).toBe(30);
		expect((error as Error).message).toBe(
			'Too many sign-in attempts for this account or from this address. Try again in 1 minute(s), or reset your password.',
		);
	});

	test('Locks an address after its limit, whichever accounts it tries', async () => {
		const limits = createSignInLimits(store, {
			perAccountAndIp: 100,
			perAccount: 100,
			perIp: 2,
			windowSeconds: 60,
			lockSeconds: 60,
		});
		await limits.attempt('10.0.0.9', 'a@example.com');
		await limits.attempt('10.0.0.9', 'b@example.com');
		expect(await refusal(limits.attempt('10.0.0.9', 'c@example.com'))).toBeInstanceOf(TooManySignInAttemptsError);
		expect(await refusal(limits.attempt('10.0.0.10', 'c@example.com'))).toBeNull();
	});

	test('A successful sign-in starts the account’s count again and gives the address its attempt back', async () => {
		const limits = createSignInLimits(store, {
			perAccountAndIp: 2,
			perAccount: 2,
			perIp: 3,
			windowSeconds: 60,
			lockSeconds: 60,
		});
		await limits.attempt('10.0.0.20', 'me@example.com');
		await limits.attempt('10.0.0.20', 'me@example.com');
		await limits.succeeded('10.0.0.20', 'ME@example.com');
		// Two more for the account, and the address's third and (given back) fourth.
		expect(await refusal(limits.attempt('10.0.0.20', 'me@example.com'))).toBeNull();
		expect(await refusal(limits.attempt('10.0.0.20', 'me@example.com'))).toBeNull();
		expect(await refusal(limits.attempt('10.0.0.20', 'me@example.com'))).toBeInstanceOf(TooManySignInAttemptsError);
	});
});
