import { passwordProblems } from '../../../domain/password-policy';

/** The one password rule, checked as the administrator types (the server checks it again). */
export const passwordRules = (username: () => string | undefined) => [
  { required: true, message: '请输入密码' },
  {
    validator: (_: unknown, v: string | undefined) => {
      const problems = v ? passwordProblems(v, username()) : [];
      return problems.length ? Promise.reject(new Error(problems.map((p) => p.message).join('；'))) : Promise.resolve();
    },
  },
];
