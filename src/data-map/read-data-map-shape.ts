import type { DataMap, ObjectMap } from './data-map.ts';
import type { DataMapProblem } from './data-map-problem.ts';
import { isObjectName } from './is-object-name.ts';
import { type ObjectName, objectNames, type ObjectSpec, objectSpecs } from './object-specs.ts';

/** A collection or field name a map may hold: the names go into SQL, so nothing that would need quoting. */
const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The longest chain of many-to-one fields a path role may name. */
export const maxPathSteps = 4;
const nameRule = 'a name has only letters, digits and underscores, and does not start with a digit';
const objectKeys = ['collection', 'fields', 'states'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Record<string, unknown>, key: string): unknown =>
	Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * A submitted data map, read as untrusted input: an object of known objects and roles, names fit for SQL,
 * customers and contacts present, and each object's state values well formed. Absent objects and roles read
 * as unmapped (null). Returns the map rebuilt from what was read (nothing else carried over) when the input
 * has the right shape, else null and the problems; the schema is not consulted.
 */
export function readDataMapShape(input: unknown): { map: DataMap | null; problems: DataMapProblem[] } {
	if (!isRecord(input)) {
		const message =
			'The data map must be an object naming, for each of the portal’s objects, its collection and fields.';
		return { map: null, problems: [{ object: '', message }] };
	}
	const problems: DataMapProblem[] = [];
	for (const name of Object.keys(input)) {
		if (!isObjectName(name)) {
			problems.push({ object: name, message: `\`${name}\` is not one of the portal’s objects.` });
		}
	}
	const map: Record<string, ObjectMap | null> = {};
	for (const object of objectNames) map[object] = readObject(object, own(input, object), problems);
	return problems.length > 0 ? { map: null, problems } : { map: map as DataMap, problems };
}

function readObject(object: ObjectName, input: unknown, problems: DataMapProblem[]): ObjectMap | null {
	const spec: ObjectSpec = objectSpecs[object];
	if (input === undefined || input === null) {
		if (spec.required) {
			problems.push({
				object,
				message: `${object}: ${spec.label} must be mapped; the portal cannot work without them.`,
			});
		}
		return null;
	}
	if (!isRecord(input)) {
		const message = `${object}: must be null (not mapped) or an object with a \`collection\` and \`fields\`.`;
		problems.push({ object, message });
		return null;
	}
	for (const key of Object.keys(input).filter((key) => !objectKeys.includes(key))) {
		const message = `${object}: \`${key}\` is not part of an object’s map (only \`collection\`, \`fields\` and \`states\` are).`;
		problems.push({ object, message });
	}
	const collection = own(input, 'collection');
	if (typeof collection !== 'string') {
		problems.push({ object, message: `${object}: \`collection\` must name a collection.` });
	} else if (!namePattern.test(collection)) {
		problems.push({ object, message: `${object}: \`${collection}\` is not a collection name: ${nameRule}.` });
	}
	const fields = readFields(object, spec, own(input, 'fields'), problems);
	const states = readStates(object, spec, fields, own(input, 'states'), problems);
	return { collection: String(collection), fields, ...(states ? { states } : {}) } as ObjectMap;
}

function readFields(
	object: ObjectName,
	spec: ObjectSpec,
	input: unknown,
	problems: DataMapProblem[],
): Record<string, string | null> {
	const fields: Record<string, string | null> = {};
	if (!isRecord(input)) {
		problems.push({ object, message: `${object}: \`fields\` must be an object naming a field for each role.` });
		return fields;
	}
	for (const role of Object.keys(input).filter((role) => !Object.hasOwn(spec.roles, role))) {
		problems.push({ object, role, message: `${object}.${role}: \`${role}\` is not a role of ${object}.` });
	}
	for (const [role, roleSpec] of Object.entries(spec.roles)) {
		const field = own(input, role) ?? null;
		fields[role] = null;
		if (field === null) continue;
		if (typeof field !== 'string') {
			problems.push({ object, role, message: `${object}.${role}: must be a field name, or null for none.` });
			continue;
		}
		const problem = roleSpec.kind === 'path' ? pathNameProblem(field) : nameProblem(field);
		if (problem) problems.push({ object, role, field, message: `${object}.${role}: ${problem}` });
		else fields[role] = field;
	}
	return fields;
}

const nameProblem = (field: string) =>
	namePattern.test(field) ? null : `\`${field}\` is not a field name: ${nameRule}.`;

function pathNameProblem(path: string): string | null {
	const steps = path.split('.');
	if (!steps.every((step) => namePattern.test(step))) {
		return `\`${path}\` is not a path: a path is field names joined by dots (\`site.account\`), and ${nameRule}.`;
	}
	if (steps.length > maxPathSteps) return `\`${path}\` has ${steps.length} steps; a path has at most ${maxPathSteps}.`;
	return null;
}

/** An object's states: by role holding states, for each state of its spec a non-empty list of non-empty strings. */
function readStates(
	object: ObjectName,
	spec: ObjectSpec,
	fields: Record<string, string | null>,
	input: unknown,
	problems: DataMapProblem[],
): Record<string, Record<string, string[]>> | undefined {
	if (!spec.states) {
		if (input !== undefined) problems.push({ object, message: `${object}: has no states; leave \`states\` out.` });
		return undefined;
	}
	const roles = Object.keys(spec.states);
	if (!isRecord(input)) {
		const message = `${object}: \`states\` must list, for each of ${roles.join(', ')}, the stored values meaning each state.`;
		problems.push({ object, message });
		return undefined;
	}
	for (const role of Object.keys(input).filter((role) => !roles.includes(role))) {
		problems.push({ object, message: `${object}: \`${role}\` holds no states (${roles.join(', ')} do).` });
	}
	const states: Record<string, Record<string, string[]>> = {};
	for (const [role, values] of Object.entries(spec.states)) {
		const read = readRoleStates(object, role, Object.keys(values), fields, own(input, role), problems);
		if (read) states[role] = read;
	}
	return states;
}

/** The state values of one role: for each state a non-empty list of non-empty strings, no value in two states. */
function readRoleStates(
	object: ObjectName,
	role: string,
	stateNames: string[],
	fields: Record<string, string | null>,
	input: unknown,
	problems: DataMapProblem[],
): Record<string, string[]> | undefined {
	const at = { object, role, ...(fields[role] ? { field: fields[role] } : {}) };
	if (!isRecord(input)) {
		const message = `${object}.${role}: \`states\` must list, for each of ${stateNames.join(', ')}, the stored values meaning it.`;
		problems.push({ ...at, message });
		return undefined;
	}
	for (const state of Object.keys(input).filter((state) => !stateNames.includes(state))) {
		const message = `${object}.${role}: \`${state}\` is not a state of ${object} (they are ${stateNames.join(', ')}).`;
		problems.push({ ...at, message });
	}
	const states: Record<string, string[]> = {};
	const stateOfValue = new Map<string, string>();
	for (const state of stateNames) {
		const values = own(input, state);
		if (!Array.isArray(values) || values.length === 0) {
			problems.push({
				...at,
				message: `${object}.${role}: the state \`${state}\` needs a list of the values meaning it.`,
			});
			continue;
		}
		if (!values.every((value) => typeof value === 'string' && value.trim() !== '')) {
			const message = `${object}.${role}: the values of the state \`${state}\` must be text, none of it empty.`;
			problems.push({ ...at, message });
			continue;
		}
		for (const value of values as string[]) {
			const other = stateOfValue.get(value);
			if (other !== undefined && other !== state) {
				const message = `${object}.${role}: the value \`${value}\` cannot mean both \`${other}\` and \`${state}\`; a value means one state.`;
				problems.push({ ...at, message });
			}
			stateOfValue.set(value, state);
		}
		states[state] = [...(values as string[])];
	}
	return states;
}
