import type { z } from 'zod';
import type { TMe } from '../shared/contracts/auth.js';
import type { TPerson, TRosterImport } from '../shared/contracts/people.js';
import type { ZDepartment, ZGroup, ZPost, ZUnit } from '../shared/contracts/org.js';
import type { ZUser } from '../shared/contracts/users.js';
import type { ZAuditEvent } from '../shared/contracts/audit.js';

export type Me = TMe;
export type Person = TPerson;
export type RosterImport = TRosterImport;
export type Department = z.infer<typeof ZDepartment>;
export type Post = z.infer<typeof ZPost>;
export type Group = z.infer<typeof ZGroup>;
export type Unit = z.infer<typeof ZUnit>;
export type User = z.infer<typeof ZUser>;
export type AuditEvent = z.infer<typeof ZAuditEvent>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
