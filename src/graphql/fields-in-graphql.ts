// `graphql` is the parser Directus itself serves /graphql with (pinned to the version the directus package brings).
import { type ArgumentNode, type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';

/** One field a GraphQL request asks for, wherever it sits (nested, in a fragment, under an alias). */
export interface GraphqlField {
	name: string;
	/** The value of a string argument, given literally or as a variable; '' when it is neither. */
	stringArgument(name: string): string;
}

/**
 * Every field of a GraphQL request body (`query` and `variables`), for requests whose text matches
 * `worthParsing` (so the rest are never parsed here). A body that is no GraphQL document asks for nothing:
 * Directus refuses it with its own parse error before it runs anything.
 */
export function fieldsInGraphql(body: unknown, worthParsing: RegExp): GraphqlField[] {
	if (typeof body !== 'object' || body === null) return [];
	const { query, variables } = body as { query?: unknown; variables?: unknown };
	if (typeof query !== 'string' || !worthParsing.test(query)) return [];
	let document: DocumentNode;
	try {
		document = parse(query);
	} catch {
		// Not a document: Directus answers it with its own parse error and runs nothing.
		return [];
	}
	const values = typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {};
	const stringOf = (args: readonly ArgumentNode[] | undefined, name: string): string => {
		const value = args?.find((argument) => argument.name.value === name)?.value;
		if (value?.kind === Kind.STRING) return value.value;
		if (value?.kind === Kind.VARIABLE) {
			const variable = values[value.name.value];
			return typeof variable === 'string' ? variable : '';
		}
		return '';
	};
	const found: GraphqlField[] = [];
	const visit = (selections: SelectionSetNode | undefined): void => {
		for (const selection of selections?.selections ?? []) {
			if (selection.kind === Kind.FIELD) {
				const args = selection.arguments;
				found.push({ name: selection.name.value, stringArgument: (name) => stringOf(args, name) });
				visit(selection.selectionSet);
			} else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
		}
	};
	// Fragment definitions are read where they are defined, once, as a request that spreads one twice runs it once.
	for (const definition of document.definitions) {
		if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION)
			visit(definition.selectionSet);
	}
	return found;
}
