import { describe, expect, test } from 'vitest';
import { parseNewColleague } from '../../../src/requests/parse-new-colleague.ts';
import { parsePasswordChange } from '../../../src/requests/parse-password-change.ts';
import { parsePublicRequest } from '../../../src/requests/parse-public-request.ts';
import { parseSignUp } from '../../../src/requests/parse-sign-up.ts';
import { splitName } from '../../../src/requests/split-name.ts';

/** The problems an input is refused with (the error's `extensions.problems`), or null when it is accepted. */
function problemsOf(parse: () => unknown): string[] | null {
	try {
		parse();
		return null;
	} catch (error) {
		expect(error).toMatchObject({ code: 'INVALID_PUBLIC_INPUT', status: 400 });
		return (error as { extensions: { problems: string[] } }).extensions.problems;
	}
}

describe('Public request', () => {
	const good = { name: ' Ada Lovelace ', email: ' Ada@Example.COM ', subject: 'Printer', description: 'It jams.' };

	test('Accepts a request, trimmed, with the address lower-cased', () => {
		expect(parsePublicRequest(good)).toEqual({
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			subject: 'Printer',
			description: 'It jams.',
		});
		expect(parsePublicRequest({ ...good, description: undefined })).toMatchObject({ description: '' });
	});

	test('Refuses anything but a JSON object', () => {
		for (const body of [null, undefined, 'text', 42, [good]])
			expect(problemsOf(() => parsePublicRequest(body))).toEqual(['Send a JSON object.']);
	});

	test('Refuses unknown fields by name', () => {
		expect(problemsOf(() => parsePublicRequest({ ...good, priority: 'high' }))).toEqual(['Unknown field: priority.']);
		expect(problemsOf(() => parsePublicRequest({ ...good, priority: 'high', customer: 1 }))).toEqual([
			'Unknown fields: priority, customer.',
		]);
	});

	test('Names every missing, blank, non-text and too long field at once', () => {
		expect(problemsOf(() => parsePublicRequest({}))).toEqual([
			'Name is required.',
			'E-mail address is required.',
			'Subject is required.',
		]);
		expect(problemsOf(() => parsePublicRequest({ ...good, name: '   ', subject: 7 }))).toEqual([
			'Name is required.',
			'Subject must be text.',
		]);
		expect(
			problemsOf(() => parsePublicRequest({ ...good, subject: 'x'.repeat(201), description: 'x'.repeat(20_001) })),
		).toEqual(['Subject must be at most 200 characters.', 'Description must be at most 20000 characters.']);
	});

	test('Refuses an address that does not look like one', () => {
		expect(problemsOf(() => parsePublicRequest({ ...good, email: 'ada@example' }))).toEqual([
			'E-mail address must look like name@example.com.',
		]);
		expect(problemsOf(() => parsePublicRequest({ ...good, email: `${'a'.repeat(250)}@example.com` }))).toEqual([
			'E-mail address must be at most 254 characters.',
		]);
	});
});

describe('Sign-up', () => {
	test('Accepts a person; the first name may be left out', () => {
		expect(parseSignUp({ email: 'ada@example.com', first_name: ' Ada ', last_name: 'Lovelace' })).toEqual({
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
		});
		expect(parseSignUp({ email: 'ada@example.com', last_name: 'Lovelace' })).toEqual({
			email: 'ada@example.com',
			first_name: '',
			last_name: 'Lovelace',
		});
	});

	test('Refuses a missing last name, a bad address, long names and unknown fields', () => {
		expect(problemsOf(() => parseSignUp({ email: 'ada' }))).toEqual([
			'E-mail address must look like name@example.com.',
			'Last name is required.',
		]);
		expect(
			problemsOf(() =>
				parseSignUp({ email: 'ada@example.com', first_name: 'x'.repeat(101), last_name: 'x'.repeat(101) }),
			),
		).toEqual(['First name must be at most 100 characters.', 'Last name must be at most 100 characters.']);
		expect(problemsOf(() => parseSignUp({ email: 'ada@example.com', last_name: 'Lovelace', role: 'admin' }))).toEqual([
			'Unknown field: role.',
		]);
		expect(problemsOf(() => parseSignUp('ada@example.com'))).toEqual(['Send a JSON object.']);
	});

	test('A new colleague is a sign-up with the group asked for beside it', () => {
		expect(parseNewColleague({ email: 'ada@example.com', last_name: 'Lovelace', group: 3 })).toEqual({
			group: 3,
			person: { email: 'ada@example.com', first_name: '', last_name: 'Lovelace' },
		});
		expect(parseNewColleague({ email: 'ada@example.com', last_name: 'Lovelace' }).group).toBeUndefined();
		expect(
			problemsOf(() => parseNewColleague({ email: 'ada@example.com', last_name: 'Lovelace', group: 3, role: 'admin' })),
		).toEqual(['Unknown field: role.']);
		expect(problemsOf(() => parseNewColleague(undefined))).toEqual([
			'E-mail address is required.',
			'Last name is required.',
		]);
	});
});

describe('Password change', () => {
	test('Accepts both passwords exactly as typed', () => {
		expect(parsePasswordChange({ current_password: ' old ', new_password: ' new password ' })).toEqual({
			current_password: ' old ',
			new_password: ' new password ',
		});
		expect(parsePasswordChange({ current_password: 'old', new_password: 'x'.repeat(512) }).new_password).toHaveLength(
			512,
		);
	});

	test('Refuses a missing, empty, non-text or too long password', () => {
		expect(problemsOf(() => parsePasswordChange({ new_password: 'new' }))).toEqual(['Current password is required.']);
		expect(problemsOf(() => parsePasswordChange({ current_password: 'old', new_password: '' }))).toEqual([
			'New password is required.',
		]);
		expect(problemsOf(() => parsePasswordChange({ current_password: 1234, new_password: ['new'] }))).toEqual([
			'Current password must be text.',
			'New password must be text.',
		]);
		expect(problemsOf(() => parsePasswordChange({ current_password: 'old', new_password: 'x'.repeat(513) }))).toEqual([
			'New password must be at most 512 characters.',
		]);
	});

	test('Refuses anything but an object of the two passwords', () => {
		expect(problemsOf(() => parsePasswordChange(undefined))).toEqual(['Send a JSON object.']);
		expect(
			problemsOf(() => parsePasswordChange({ current_password: 'old', new_password: 'new', email: 'ada@example.com' })),
		).toEqual(['Unknown field: email.']);
	});
});

test('Splits a name into first and last; a single word is the last name', () => {
	expect(splitName('  Ada King Lovelace ')).toEqual({ first_name: 'Ada King', last_name: 'Lovelace' });
	expect(splitName('Lovelace')).toEqual({ first_name: null, last_name: 'Lovelace' });
});
