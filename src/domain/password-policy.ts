/**
 * The one password rule of Zuofeng (等保三级): at least 10 characters, at least three of the four
 * classes (lower case, upper case, digits, symbols — anything else, a space or a Chinese character
 * included, counts as a symbol), not a common password (compared case-insensitively), and not the
 * username nor containing it. Used by one's own change, the security administrator's create and
 * reset, and `zuofeng init`; the web shows the same problems before sending.
 */
export const PASSWORD_MIN_LENGTH = 10;

export const PASSWORD_RULE_TEXT =
  '至少10位，包含大写字母、小写字母、数字、符号中的至少三类，不能是常见密码，不能包含用户名';

export type PasswordProblemCode = 'too_short' | 'few_classes' | 'common' | 'contains_username';
export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

const CLASSES = [
  { label: '小写字母', test: (c: string) => c >= 'a' && c <= 'z' },
  { label: '大写字母', test: (c: string) => c >= 'A' && c <= 'Z' },
  { label: '数字', test: (c: string) => c >= '0' && c <= '9' },
  { label: '符号', test: (c: string) => !/^[A-Za-z0-9]$/.test(c) },
] as const;

/**
 * Passwords people actually choose, lower case. Written out: the classics and what leaked Chinese
 * password lists are full of (keyboard rows, 我爱你 = woaini, 1314 一生一世, 520, pinyin names);
 * generated below: a common stem followed by a common tail (zhang123456, Admin@123456, woaini1314…).
 */
const LISTED = [
  '123456789a',
  'a123456789',
  'aa123456789',
  'aa1234567890',
  'a1234567890',
  '1234567890a',
  '123456789q',
  'q123456789',
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5',
  'q1w2e3r4t5y6',
  'qwertyuiop',
  'qwertyuiop123',
  'qwerty123456',
  'qwer1234!@#$',
  'qweasdzxc123',
  '1qaz2wsx!@#$',
  'zxcvbnm123',
  'asdfghjkl123',
  'asd123456789',
  'qazwsxedc123',
  'password123',
  'password1234',
  'password@123',
  'p@ssw0rd123',
  'p@ssword123',
  'passw0rd123',
  'admin@12345',
  'admin@123456',
  'administrator',
  'administrator1',
  'abc123456789',
  'abcd1234!@#$',
  'abcd@123456',
  'abc@1234567',
  'iloveyou1314',
  'iloveyou520',
  'woaini1314',
  'woaini5201314',
  'woaini520',
  'woaini123456',
  'wo5201314',
  '5201314woaini',
  '5201314520',
  'woaini1314520',
  'aa5201314',
  'a5201314520',
  'zhang123456',
  'wang123456',
  'li12345678',
  'liu123456',
  'chen123456',
  'yang123456',
  'huang123456',
  'zhao123456',
  'zhou123456',
  'wu12345678',
  'xu12345678',
  'sun123456',
  'ma123456789',
  'zhu123456',
  'hu12345678',
  'lin123456',
  'guo123456',
  'he12345678',
  'gao123456',
  'luo123456',
  'zheng123456',
  'liang123456',
  'xie123456',
  'tang123456',
  'han123456',
  'feng123456',
  'deng123456',
  'cao123456',
  'xiao123456',
  'tian123456',
  'dong123456',
  'pan123456',
  'yuan123456',
  'cai123456',
  'jiang123456',
  'lu12345678',
  'ding123456',
  'wei123456',
  'shen123456',
  'zuofeng123',
  'zuofeng@123',
  'zhongguo123',
  'china123456',
  'beijing123',
  'shanghai123',
  'huawei123456',
  'qq123456789',
  'qq1234567890',
  'a1b2c3d4e5',
  'a1b2c3d4e5f6',
  'aaaaaaaaaa',
  '1111111111',
  '0000000000',
  '1234567890',
  '0123456789',
  '9876543210',
  '12345678910',
  '123123123123',
  '147258369a',
  '147258369',
  '1472583690',
  '159357456852',
  '789456123a',
  'abcdefghij',
  'abcdefg123',
  'welcome123',
  'welcome@123',
  'changeme123',
  'letmein123',
  'dragon123456',
  'monkey123456',
  'sunshine123',
  'princess123',
  'football123',
  'baseball123',
  'superman123',
  'trustno1234',
  'demo123456',
  'demo1234567',
  'test123456',
  'test@123456',
  'guest123456',
  'root123456',
  'root@123456',
  'user123456',
];

const STEMS = [
  'admin',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'root',
  'qwerty',
  'qwer',
  'asdf',
  'abc',
  'abcd',
  'aa',
  'a',
  'q',
  'woaini',
  'iloveyou',
  'zhang',
  'wang',
  'li',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'zhou',
  'wu',
  'xu',
  'sun',
  'ma',
  'zhu',
  'hu',
  'lin',
  'guo',
  'he',
  'gao',
  'zuofeng',
  'test',
  'user',
  'china',
  'welcome',
];
const TAILS = [
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '@123',
  '@1234',
  '@12345',
  '@123456',
  '!@#',
  '!@#$',
  '123!@#',
  '1234!@#$',
  '#123',
  '_123',
  '.123',
  '1314',
  '5201314',
  '520',
  '521',
  '888',
  '8888',
  '666',
  '6666',
  '2023',
  '2024',
  '2025',
  '2026',
  '@2024',
  '@2025',
  '@2026',
];

const COMMON: ReadonlySet<string> = new Set([...LISTED, ...STEMS.flatMap((s) => TAILS.map((t) => s + t))]);

/** Is this password (any case) on the list of common passwords? */
export const isCommonPassword = (password: string) => COMMON.has(password.toLowerCase());

/** What is wrong with a password, each as a Chinese sentence fragment; empty when it passes. */
export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) {
    problems.push({ code: 'too_short', message: `长度不足${PASSWORD_MIN_LENGTH}位（当前${chars.length}位）` });
  }
  const missing = CLASSES.filter((k) => !chars.some(k.test)).map((k) => k.label);
  if (missing.length > 1) {
    problems.push({
      code: 'few_classes',
      message: `须包含大写字母、小写字母、数字、符号中的至少三类（目前只有${4 - missing.length}类，可加入${missing.join('或')}）`,
    });
  }
  if (isCommonPassword(password)) problems.push({ code: 'common', message: '是常见密码，容易被猜中' });
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) {
    problems.push({ code: 'contains_username', message: '不能包含用户名' });
  }
  return problems;
}

/** One sentence naming every problem, for an error message; null when the password passes. */
export function passwordRuleViolation(password: string, username?: string): string | null {
  const problems = passwordProblems(password, username);
  return problems.length ? `密码不符合要求：${problems.map((p) => p.message).join('；')}` : null;
}
