import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCommonPassword, passwordProblems, passwordRuleViolation } from './password-policy.js';

const codes = (pw: string, user?: string) => passwordProblems(pw, user).map((p) => p.code);

describe('the password rule', () => {
  it('refuses what the adversarial test got accepted', () => {
    expect(codes('12345678')).toEqual(['too_short', 'few_classes']);
    expect(codes('        ')).toEqual(['too_short', 'few_classes']);
    expect(codes('abcd12345')).toEqual(['too_short', 'few_classes']);
    expect(codes('Abcd12345')).toEqual(['too_short']);
  });

  it('needs 10 characters and three of four classes', () => {
    expect(codes('Abcdefgh1')).toEqual(['too_short']);
    expect(codes('abcdefgh12')).toEqual(['few_classes']);
    expect(codes('Kx7pTq2mZr')).toEqual([]);
    expect(codes('kx7p-tq2mzr')).toEqual([]);
    expect(codes('KX7P-TQ2MZR')).toEqual([]);
    expect(codes('作风建设专项工作ab1')).toEqual([]);
  });

  it('refuses common passwords whatever their case, including patterns common in China', () => {
    for (const pw of [
      '123456789a',
      'Aa123456789',
      'woaini1314',
      'WoAiNi1314',
      'qwertyuiop',
      'zhang123456',
      'Zhang123456',
      'Admin@123456',
      'P@ssw0rd123',
      'Woaini@2025',
      'Qwer1234!@#$',
      '1qaz2wsx3edc',
    ]) {
      expect(isCommonPassword(pw), pw).toBe(true);
      expect(codes(pw), pw).toContain('common');
    }
    expect(isCommonPassword('Kx7pTq2mZr')).toBe(false);
  });

  it('refuses the username and anything containing it, in any case', () => {
    expect(codes('Zhangsan#2024', 'zhangsan')).toEqual(['contains_username']);
    expect(codes('xx-ZHANGSAN-9', 'zhangsan')).toEqual(['contains_username']);
    expect(codes('Kx7pTq2mZr', 'zhangsan')).toEqual([]);
  });

  it('says in Chinese what is missing', () => {
    expect(passwordRuleViolation('abc')).toBe(
      '密码不符合要求：长度不足10位（当前3位）；须包含大写字母、小写字母、数字、符号中的至少三类（目前只有1类，可加入大写字母或数字或符号）',
    );
    expect(passwordRuleViolation('abcdefgh12')).toContain('可加入大写字母或符号');
    expect(passwordRuleViolation('Kx7pTq2mZr')).toBeNull();
  });

  it('accepts any long password with three classes that is neither common nor the name', () => {
    const strong = fc
      .tuple(fc.stringMatching(/^[a-z]{4}$/), fc.stringMatching(/^[A-Z]{4}$/), fc.stringMatching(/^[0-9]{3}$/))
      .map(([a, b, c]) => `${a}${b}${c}`);
    fc.assert(fc.property(strong, (pw) => passwordProblems(pw, 'someone').length === 0));
  });
});
