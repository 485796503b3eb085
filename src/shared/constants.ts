/** Facts both the client and the server depend on; each is defined only here. */

/** Makassar keeps WITA (UTC+08:00) all year; every Open311 datetime is written in it. */
export const CITY_UTC_OFFSET_MINUTES = 8 * 60;
export const CITY_UTC_OFFSET = '+08:00';
export const CITY_NAME = 'Makassar';
export const JURISDICTION_ID = 'makassarkota.go.id';

/** Where the Open311 GeoReport v2 API is mounted on our own server. */
export const OPEN311_PATH = '/open311/v2';
/** The client's runtime configuration (Open311 base URL and its API key). */
export const CLIENT_CONFIG_PATH = '/api/client-config';
export const HEALTH_PATH = '/api/health';

/** Open311 caps the description at 4000 characters. */
export const MAX_DESCRIPTION = 4000;
export const MAX_ATTRIBUTE_TEXT = 4000;
export const MAX_NAME = 100;
/** The default window and size of GET requests, as the spec gives them. */
export const DEFAULT_REQUESTS_WINDOW_DAYS = 90;
export const MAX_REQUESTS_PER_QUERY = 1000;
export const DEFAULT_PAGE_SIZE = 100;
/** Bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Header a client sends so that a retried submission is stored once. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const MAX_IDEMPOTENCY_KEY = 100;

/**
 * The attribute codes a service definition uses to ask for the contact a service requires
 * (see contactAttributes.ts); reserved, so a scene file cannot define them itself.
 */
export const CONTACT_NAME = 'contact_name';
export const CONTACT_REACH = 'contact_phone_or_email';
export const CONTACT_ATTRIBUTE_CODES: readonly string[] = [CONTACT_NAME, CONTACT_REACH];
