import { describe, expect, test } from 'vitest';
import { authMutationsInGraphql } from '../../../src/auth/auth-mutations-in-graphql.ts';

describe('authMutationsInGraphql', () => {
	test('Finds every auth_login of a request, under aliases and in fragments, with literal and variable e-mails', () => {
		const query = `
			mutation Guess($who: String!) {
				a: auth_login(email: "one@example.com", password: "1") { access_token }
				b: auth_login(email: $who, password: "2") { access_token }
				... on Mutation { c: auth_login(email: "two@example.com", password: "3") { access_token } }
				...More
			}
			fragment More on Mutation { d: auth_login(email: "three@example.com", password: "4") { access_token } }`;
		expect(authMutationsInGraphql({ query, variables: { who: 'var@example.com' } })).toEqual({
			logins: ['one@example.com', 'var@example.com', 'two@example.com', 'three@example.com'],
			resets: [],
		});
	});

	test('Finds password-reset requests, and names no e-mail where the request gives none', () => {
		const query = 'mutation($email: String!) { auth_password_request(email: $email) } ';
		expect(authMutationsInGraphql({ query })).toEqual({ logins: [], resets: [''] });
		expect(authMutationsInGraphql({ query, variables: { email: 'x@example.com' } })).toEqual({
			logins: [],
			resets: ['x@example.com'],
		});
	});

	test('A body without a GraphQL document, or without these mutations, asks for nothing', () => {
		const none = { logins: [], resets: [] };
		expect(authMutationsInGraphql(null)).toEqual(none);
		expect(authMutationsInGraphql({ query: 'mutation { auth_login(' })).toEqual(none);
		expect(authMutationsInGraphql({ query: '{ users_me { id } }' })).toEqual(none);
		expect(authMutationsInGraphql({ query: '{ users { auth_login_note: id } }' })).toEqual(none);
	});
});
