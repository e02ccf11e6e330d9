// Moved: kept for the modules that still import it from here.
export * from '../policies/sync-group-policy.ts';
