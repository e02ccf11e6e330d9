import { createError } from '@directus/errors';
import { refusalWords } from './refusal-words.ts';

/** Staff viewing the portal as a contact tried to change something: View as only reads. */
export const ViewAsReadOnlyError = createError('VIEW_AS_READ_ONLY', refusalWords.VIEW_AS_READ_ONLY, 403);
