/**
 * The one rule for account names: the API's contract (users.ts), the command line (`zuofeng init`,
 * `zuofeng admin add`) and the users page all use it. No zod here, so that the web page can import it.
 */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const USERNAME_RULE_TEXT = '3-32位小写字母、数字或 _ . -，以字母开头';
/** The refusal, in full. */
export const USERNAME_RULE_MESSAGE = `用户名为${USERNAME_RULE_TEXT}`;
