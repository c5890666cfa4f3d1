/** Every table of the township database; drizzle-kit reads this file to write migrations. */
export * from '../setup/schema';
export * from '../auth/schema';
export * from '../audit/schema';
export * from '../org/schema';
export * from '../sync/schema';
export * from '../people/schema';
export * from '../cases/schema';
export * from '../reports/schema';
export * from '../fieldwork/schema';
export * from '../worklogs/schema';
