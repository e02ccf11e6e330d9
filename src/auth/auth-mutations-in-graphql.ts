// `graphql` is the parser Directus itself serves /graphql with (a dependency of the directus package).
import { Kind, parse, type ArgumentNode, type DocumentNode, type SelectionSetNode } from 'graphql';

/** The sign-ins and password-reset requests one GraphQL request to `/graphql/system` asks for. */
export interface AuthMutations {
	/** The e-mail of every `auth_login` field (one request may hold several, under aliases). */
	logins: string[];
	/** The e-mail of every `auth_password_request` field. */
	resets: string[];
}

/**
 * Reads the `auth_login` and `auth_password_request` fields of a GraphQL request body (`query` and
 * `variables`), wherever they sit and however they are aliased, with the e-mail each one names (a literal
 * or a variable; '' when it names none). A body that is no GraphQL document asks for nothing: Directus
 * refuses it before it signs anyone in.
 */
export function authMutationsInGraphql(body: unknown): AuthMutations {
	const found: AuthMutations = { logins: [], resets: [] };
	if (typeof body !== 'object' || body === null) return found;
	const { query, variables } = body as { query?: unknown; variables?: unknown };
	if (typeof query !== 'string' || !/auth_login|auth_password_request/.test(query)) return found;
	let document: DocumentNode;
	try {
		document = parse(query);
	} catch {
		// Not a document: Directus answers it with its own parse error and signs nobody in.
		return found;
	}
	const values = typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {};
	const emailOf = (args: readonly ArgumentNode[] | undefined): string => {
		const value = args?.find((argument) => argument.name.value === 'email')?.value;
		if (value?.kind === Kind.STRING) return value.value;
		if (value?.kind === Kind.VARIABLE) {
			const variable = values[value.name.value];
			return typeof variable === 'string' ? variable : '';
		}
		return '';
	};
	const visit = (selections: SelectionSetNode | undefined): void => {
		for (const selection of selections?.selections ?? []) {
			if (selection.kind === Kind.FIELD) {
				if (selection.name.value === 'auth_login') found.logins.push(emailOf(selection.arguments));
				if (selection.name.value === 'auth_password_request') found.resets.push(emailOf(selection.arguments));
				visit(selection.selectionSet);
			} else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
		}
	};
	for (const definition of document.definitions) {
		if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
	}
	return found;
}
