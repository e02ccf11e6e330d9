import { InvitationNotUsableError } from '../errors/invitation-not-usable-error.ts';
import type { FoundInvitation } from './find-invitation-by-token.ts';
import type { InvitableContact, InvitationRecord } from './invitation-records.ts';

export type UsableInvitation = FoundInvitation & {
	state: 'pending';
	invitation: InvitationRecord;
	contact: InvitableContact;
};

/** Only a pending invitation can be accepted; any other state is refused with what the person can do about it. */
export function assertInvitationUsable(found: FoundInvitation): asserts found is UsableInvitation {
	if (found.state !== 'pending' || !found.invitation || !found.contact)
		throw new InvitationNotUsableError({ state: found.state });
}
