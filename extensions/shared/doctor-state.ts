import type { Finding } from '../../src/doctor/finding.ts';
import { isPortalOpen } from '../../src/doctor/run-doctor.ts';

/**
 * The doctor's latest findings in this process, shared by the hook that runs it and the endpoint that
 * serves the portal. `null` until the first run: the portal stays closed until it has been checked.
 */
export const doctorState: {
	findings: Finding[] | null;
	checkedAt: Date | null;
	/** Runs the doctor again (set by its hook); resolves once a run that started after the call is done. */
	recheck?: () => Promise<void>;
} = { findings: null, checkedAt: null };

/** Whether the portal is open in this process: checked, and no critical finding. */
export function portalIsOpen(): boolean {
	return doctorState.findings !== null && isPortalOpen(doctorState.findings);
}
