/** The province's targets (the seed's: more than 98 % on time, 95 % or more satisfied; domain README §7.5). */
export const ON_TIME_TARGET = 0.98;
export const SATISFACTION_TARGET = 0.95;

/** A breakdown month ('YYYY-MM') as Vietnamese write it: 10/2026. */
export const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;
