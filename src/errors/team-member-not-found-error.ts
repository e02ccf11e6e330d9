import { createError } from '@directus/errors';
import { refusalWords } from './refusal-words.ts';

/** Also the answer for contacts of other customers: to a client administrator they do not exist. */
export const TeamMemberNotFoundError = createError('TEAM_MEMBER_NOT_FOUND', refusalWords.TEAM_MEMBER_NOT_FOUND, 404);
