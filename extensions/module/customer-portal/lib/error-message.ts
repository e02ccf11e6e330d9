import { labelOf } from '../../../../src/i18n/label-of.ts';
import { strings } from '../i18n/strings.ts';

type ErrorEntry = { message?: unknown; extensions?: { code?: unknown } };

/**
 * The words of a failed API call in the studio's language: a refusal Directus names by a code the module knows
 * (no permission, a session that ended), else the server's own messages, else the network error's.
 */
export function errorMessage(error: unknown): string {
	const response = (error as { response?: { data?: { errors?: ErrorEntry[] } } } | null)?.response;
	const errors = response?.data?.errors ?? [];
	const code = errors[0]?.extensions?.code;
	if (typeof code === 'string' && Object.hasOwn(strings.errors.byCode, code))
		return labelOf(strings.errors.byCode, code);
	const messages = errors
		.map((entry) => entry.message)
		.filter((message): message is string => typeof message === 'string');
	if (messages.length > 0) return messages.join(' ');
	return error instanceof Error ? error.message : String(error);
}
