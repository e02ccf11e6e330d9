import type { Filter } from '../types.ts';
import { currentUser } from '../variables.ts';

/** On `contacts`: the signed-in user's own contact. */
export const isMyContact: Filter = { user: { _eq: currentUser } };
