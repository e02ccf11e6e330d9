import { fieldsInGraphql } from '../graphql/fields-in-graphql.ts';

/** The sign-ins and password-reset requests one GraphQL request to `/graphql/system` asks for. */
export interface AuthMutations {
	/** The e-mail of every `auth_login` field (one request may hold several, under aliases). */
	logins: string[];
	/** The e-mail of every `auth_password_request` field. */
	resets: string[];
}

/**
 * Reads the `auth_login` and `auth_password_request` fields of a GraphQL request body, wherever they sit
 * and however they are aliased, with the e-mail each one names (a literal or a variable; '' when it names none).
 */
export function authMutationsInGraphql(body: unknown): AuthMutations {
	const fields = fieldsInGraphql(body, /auth_login|auth_password_request/);
	const emails = (name: string) =>
		fields.filter((field) => field.name === name).map((field) => field.stringArgument('email'));
	return { logins: emails('auth_login'), resets: emails('auth_password_request') };
}
