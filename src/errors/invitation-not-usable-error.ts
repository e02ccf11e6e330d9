import { createError } from '@directus/errors';
import type { InvitationState } from '../invitations/invitation-state.ts';

export interface InvitationNotUsableErrorExtensions {
	state: InvitationState | 'unknown';
}

const explanations: Record<InvitationNotUsableErrorExtensions['state'], string> = {
	unknown:
		'This invitation link is not valid. Check that you opened the whole link from the e-mail, or ask for a new invitation.',
	expired: 'This invitation link has expired. Ask for a new invitation.',
	accepted:
		'This invitation has already been used. Sign in with your e-mail address and password, or reset your password.',
	revoked: 'This invitation has been withdrawn. Ask for a new invitation if you still need access.',
	pending: 'This invitation can still be used.',
};

export const InvitationNotUsableError = createError<InvitationNotUsableErrorExtensions>(
	'INVITATION_NOT_USABLE',
	({ state }) => explanations[state],
	400,
);
export const invitationExplanation = (state: InvitationNotUsableErrorExtensions['state']) => explanations[state];
