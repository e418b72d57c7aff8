/** Names of emulator-wide settings rows shared by boot, reset and the console. */
export const ROOT_KEY_CHECK_SETTING = "rootKey.checkValue";
/** Set while a generated root AccessKey has not been acknowledged in the console. */
export const PENDING_CREDENTIALS_SETTING = "account.credentialsPendingDisplay";

/** Files in the data dir: the generated root key (demo mode) and the generated root AccessKey. */
export const ROOT_KEY_FILE = "root.key";
export const CREDENTIALS_FILE = "credentials.json";
