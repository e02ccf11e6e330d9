// Split into one file per export: kept for the modules that still import from here.
export { fetchGroupPolicies } from './fetch-group-policies.ts';
export { staffPolicies } from './staff-policies.ts';
export { syncUserAccess } from './sync-user-access.ts';
