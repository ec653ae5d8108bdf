/** The field schemas the organizational life contracts share. */
import { z } from 'zod';

export const zText = (label: string, max = 4000) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).default('');
export const zUuid = (what: string) => z.uuid({ message: `${what}编号格式不正确` });
export const zInt = () => z.number().int();
export const zMeetingStatus = z.enum(['preparing', 'held']);
