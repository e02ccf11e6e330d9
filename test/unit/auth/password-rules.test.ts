import { describe, expect, test } from 'vitest';
import { passwordProblem } from '../../../src/auth/password-rules.ts';

describe('A portal contact’s new password', () => {
	test.each([
		['', 'too_short'],
		['seven77', 'too_short'],
		['x'.repeat(513), 'too_long'],
		['password', 'common'],
		['PASSWORD1', 'common'],
		['12345678', 'common'],
		['qwertyuiop', 'common'],
		['aaaaaaaaaaaa', 'common'],
		['ana.rivera@example.com', 'like_email'],
		['ana.rivera2025', 'like_email'],
	] as const)('Refuses %j: %s', (password, problem) => {
		expect(passwordProblem(password, { email: 'Ana.Rivera@example.com' })).toBe(problem);
	});

	test.each([
		'correct horse battery',
		'Tr0ub4dor&3x',
		'ñandú-Straße-42',
		'مرحبا بالعالم',
		'😀😀😀😀😀😀😀x',
		'xy'.repeat(256),
	])('Takes %j', (password) => {
		expect(passwordProblem(password, { email: 'ana.rivera@example.com' })).toBeNull();
	});

	test('Counts characters, not code units: eight emoji are eight characters', () => {
		expect(passwordProblem('😀'.repeat(7))).toBe('too_short');
		expect(passwordProblem('😀🙂😀🙂😀🙂😀🙂')).toBeNull();
	});

	test('A short mailbox name is not held against a password that happens to contain it', () => {
		expect(passwordProblem('jo-likes-long-walks', { email: 'jo@example.com' })).toBeNull();
		expect(passwordProblem('anything-goes-here', { email: null })).toBeNull();
	});
});
