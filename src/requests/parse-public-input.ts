/** Checks what a visitor sends to the public routes; every problem is named so a form can show it. */
import { InvalidPublicInputError } from '../errors/invalid-public-input-error.ts';

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

interface TextRule {
	label: string;
	required: boolean;
	max: number;
}

function readText(input: Record<string, unknown>, field: string, rule: TextRule, problems: string[]): string {
	const value = input[field];
	if (value === undefined || value === null || value === '') {
		if (rule.required) problems.push(`${rule.label} is required.`);
		return '';
	}
	if (typeof value !== 'string') {
		problems.push(`${rule.label} must be text.`);
		return '';
	}
	const trimmed = value.trim();
	if (rule.required && trimmed === '') problems.push(`${rule.label} is required.`);
	if (trimmed.length > rule.max) problems.push(`${rule.label} must be at most ${rule.max} characters.`);
	return trimmed;
}

function readObject(input: unknown, allowed: string[]): Record<string, unknown> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new InvalidPublicInputError({ problems: ['Send a JSON object.'] });
	const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) throw new InvalidPublicInputError({ problems: [`Unknown field${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}.`] });
	return input as Record<string, unknown>;
}

function readEmail(input: Record<string, unknown>, problems: string[]): string {
	const email = readText(input, 'email', { label: 'E-mail address', required: true, max: 254 }, problems).toLowerCase();
	if (email && !emailPattern.test(email)) problems.push('E-mail address must look like name@example.com.');
	return email;
}

export interface PublicRequestInput {
	name: string;
	email: string;
	subject: string;
	description: string;
}

export function parsePublicRequest(body: unknown): PublicRequestInput {
	const input = readObject(body, ['name', 'email', 'subject', 'description']);
	const problems: string[] = [];
	const parsed = {
		name: readText(input, 'name', { label: 'Name', required: true, max: 200 }, problems),
		email: readEmail(input, problems),
		subject: readText(input, 'subject', { label: 'Subject', required: true, max: 200 }, problems),
		description: readText(input, 'description', { label: 'Description', required: false, max: 20_000 }, problems),
	};
	if (problems.length > 0) throw new InvalidPublicInputError({ problems });
	return parsed;
}

export interface SignUpInput {
	email: string;
	first_name: string;
	last_name: string;
}

export function parseSignUp(body: unknown): SignUpInput {
	const input = readObject(body, ['email', 'first_name', 'last_name']);
	const problems: string[] = [];
	const parsed = {
		email: readEmail(input, problems),
		first_name: readText(input, 'first_name', { label: 'First name', required: false, max: 100 }, problems),
		last_name: readText(input, 'last_name', { label: 'Last name', required: true, max: 100 }, problems),
	};
	if (problems.length > 0) throw new InvalidPublicInputError({ problems });
	return parsed;
}

/** "Ada Lovelace" -> Ada / Lovelace; a single word is the last name. */
export function splitName(name: string): { first_name: string | null; last_name: string } {
	const parts = name.trim().split(/\s+/);
	const last = parts.pop() ?? name;
	return { first_name: parts.length > 0 ? parts.join(' ') : null, last_name: last };
}
