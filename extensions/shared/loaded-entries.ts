/**
 * The bundle's API entries that Directus has registered in this process. The entries are built into
 * one module, so the hook and the endpoint share this set; the health route reports it.
 */
export const loadedEntries = new Set<string>();
