import { labelOf } from '../../../../src/i18n/label-of.ts';
import { strings } from '../i18n/strings.ts';

type ErrorEntry = { message?: unknown; extensions?: Record<string, unknown> };

/** A refusal of the product's own, in the studio's words from the details it carries; null for another. */
function refusalWords(code: string, details: Record<string, unknown>): string | null {
	const why = details['why'];
	if (code === 'VIEW_AS_REFUSED' && typeof why === 'string' && Object.hasOwn(strings.errors.viewAsRefused, why))
		return labelOf(strings.errors.viewAsRefused, why);
	const group = typeof details['group'] === 'string' ? details['group'] : null;
	const contacts = details['contacts'];
	if (group === null) return null;
	if (code === 'PORTAL_GROUP_IN_USE' && typeof contacts === 'number') return strings.errors.groupInUse(group, contacts);
	if (code === 'DEFAULT_GROUP_IN_USE') return strings.errors.defaultGroupInUse(group);
	if (code === 'SYSTEM_GROUP_READ_ONLY') return strings.errors.systemGroup(group);
	return null;
}

/**
 * The words of a failed API call in the studio's language: a refusal the module knows by its code (no permission,
 * a session that ended, a group that cannot be deleted…), else the server's own messages, else the network error's.
 */
export function errorMessage(error: unknown): string {
	const response = (error as { response?: { data?: { errors?: ErrorEntry[] } } } | null)?.response;
	const errors = response?.data?.errors ?? [];
	const details = errors[0]?.extensions ?? {};
	const code = details['code'];
	if (typeof code === 'string' && Object.hasOwn(strings.errors.byCode, code))
		return labelOf(strings.errors.byCode, code);
	const refusal = typeof code === 'string' ? refusalWords(code, details) : null;
	if (refusal) return refusal;
	const messages = errors
		.map((entry) => entry.message)
		.filter((message): message is string => typeof message === 'string');
	if (messages.length > 0) return messages.join(' ');
	return error instanceof Error ? error.message : String(error);
}
