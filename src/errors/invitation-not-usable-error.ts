import { createError } from '@directus/errors';
import { invitationExplanations } from '../invitations/invitation-explanations.ts';
import type { InvitationState } from '../invitations/invitation-state.ts';

export interface InvitationNotUsableErrorExtensions {
	state: InvitationState | 'unknown';
}

const explanations: Record<InvitationNotUsableErrorExtensions['state'], string> = {
	...invitationExplanations,
	pending: 'This invitation can still be used.',
};

export const InvitationNotUsableError = createError<InvitationNotUsableErrorExtensions>(
	'INVITATION_NOT_USABLE',
	({ state }) => explanations[state],
	400,
);
export const invitationExplanation = (state: InvitationNotUsableErrorExtensions['state']) => explanations[state];
