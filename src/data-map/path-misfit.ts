import { describeField } from './describe-field.ts';
import { fieldFactsOf } from './field-facts-of.ts';
import { isProtectedField } from './is-protected-field.ts';
import { relationFrom } from './relation-from.ts';
import type { SchemaFacts } from './schema-facts.ts';

/**
 * Why a path role's chain of fields (`site.account`) does not lead from `collection` to `target`, or null
 * when it does: each step a many-to-one, no collection visited twice, ending at `target`.
 */
export function pathMisfit(
	facts: SchemaFacts,
	at: { role: string; collection: string; path: string },
	target: string,
): string | null {
	const noun = `the ${at.role.replaceAll('_', ' ')} path`;
	const steps = at.path.split('.');
	const visited = [at.collection];
	let here = at.collection;
	for (const step of steps) {
		const fieldFacts = fieldFactsOf(facts, here, step);
		const within = steps.length > 1 ? ` (in ${noun} \`${at.path}\`)` : '';
		if (!fieldFacts) return `\`${here}\` has no field \`${step}\`${within}.`;
		const subject = `field \`${step}\` of \`${here}\``;
		if (isProtectedField(fieldFacts)) {
			return `${subject} is protected (hashed or concealed)${within}; a data map never points at a protected field.`;
		}
		const next = relationFrom(facts, here, step)?.related_collection;
		if (!next) {
			const described = describeField(facts, here, step);
			return steps.length === 1
				? `${subject} is ${described}; ${noun} must be a many-to-one to \`${target}\`.`
				: `${subject} is ${described}; each step of ${noun} \`${at.path}\` must be a many-to-one.`;
		}
		if (visited.includes(next)) {
			return `${noun} \`${at.path}\` comes back to \`${next}\` at \`${step}\`, a cycle: a path visits each collection once.`;
		}
		visited.push(next);
		here = next;
	}
	return here === target ? null : `${noun} \`${at.path}\` ends at \`${here}\`, not at \`${target}\`.`;
}
