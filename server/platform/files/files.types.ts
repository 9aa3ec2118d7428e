/** The types this platform can accept; each has its structural checks in files.content.ts. A new type needs its own. */
export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** Short names of the types for messages (the same in every language). */
export const MEDIA_TYPE_LABELS: Readonly<Record<AcceptedMediaType, string>> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
