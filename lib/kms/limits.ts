/**
 * Limits shared by the API's schemas, the services and the console's forms. Pure (no server
 * imports), so client components may import it.
 */
/** ScheduleKeyDeletion's window, in days; the console proposes 30. */
export const PENDING_WINDOW_DAYS = { min: 7, max: 366, consoleDefault: 30 } as const;
/** Key descriptions (CreateKey, UpdateKeyDescription). */
export const MAX_KEY_DESCRIPTION_LENGTH = 8192;
