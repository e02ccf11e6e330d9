/**
 * The server's upload rules (GET /portal/api/uploads/rules) applied to a chosen file before it is sent,
 * so a file the server would refuse is refused at once, in words, without uploading it first. The server
 * checks again whatever the app says.
 */
import { formatBytes } from './format.ts';
import { strings } from '../strings.ts';

export interface UploadRules {
	max_bytes: number;
	types: string[];
}

/** Why this file cannot be attached, or null when it may be sent. */
export function uploadProblem(file: { size: number; type: string } | null, rules: UploadRules): string | null {
	if (!file) return strings.tickets.uploadChoose;
	if (!rules.types.includes(file.type.toLowerCase())) return strings.tickets.uploadWrongType;
	if (file.size > rules.max_bytes) return strings.tickets.uploadTooLarge(formatBytes(rules.max_bytes));
	return null;
}

/** The hint under the file field: which files, up to what size. */
export function uploadHint(rules: UploadRules): string {
	return strings.tickets.uploadHint(strings.tickets.uploadTypes, formatBytes(rules.max_bytes));
}
