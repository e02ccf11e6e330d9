// Moved to src/badges/: kept for the modules that still import it from here.
export { refreshCustomerBadges } from '../badges/refresh-customer-badges.ts';
