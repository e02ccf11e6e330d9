/** Kept for importers outside the hierarchy; the definition lives in `customer-tree-derived-table.ts`. */
export { customerTreeDerivedTable as customerTree } from './customer-tree-derived-table.ts';
