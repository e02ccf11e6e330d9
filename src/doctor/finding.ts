/**
 * One unsafe thing the portal doctor found. While any finding is `critical`, the portal stays closed:
 * its routes answer 503 and portal users cannot sign in. A `warning` is reported, not enforced.
 */
export interface Finding {
	/** Stable, for tests and for linking from the studio. */
	id: string;
	severity: 'critical' | 'warning';
	/** What is wrong, in words. */
	problem: string;
	/** What to do about it. */
	fix: string;
}
