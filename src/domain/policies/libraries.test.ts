import { describe, expect, it } from 'vitest';
import type { Actor, Grant, Role } from '../roles.js';
import { projectPolicy, projectsPolicy } from './project.js';
import { advicePolicy, expertPolicy, thinkTankPolicy } from './think-tank.js';

const actor = (personId: string, roles: Role[], headOf = 'd1'): Actor => ({
  userId: 'u',
  unitId: 'unit',
  username: 'x',
  displayName: 'x',
  personId,
  grants: roles.map(
    (role): Grant =>
      role === 'department_head'
        ? { role, scopeType: 'department', scopeId: headOf }
        : { role, scopeType: 'unit', scopeId: null },
  ),
});
const project = { unitId: 'unit', ownerPersonId: 'owner', departmentId: 'd1', withdrawnReason: null };

describe('project policy', () => {
  it('everyone of the unit reads; the office, the owner and the department head manage; tasks are the office’s', () => {
    expect(projectPolicy(actor('p', ['member']), project)).toEqual({
      see: true,
      edit: false,
      changeStage: false,
      withdraw: false,
      addTask: false,
    });
    expect(projectPolicy(actor('owner', ['member']), project)).toMatchObject({
      edit: true,
      changeStage: true,
      addTask: false,
    });
    expect(projectPolicy(actor('h', ['department_head']), project)).toMatchObject({ edit: true, addTask: false });
    expect(projectPolicy(actor('h', ['department_head'], 'd2'), project).edit).toBe(false);
    expect(projectPolicy(actor('o', ['campaign_office']), project)).toMatchObject({ edit: true, addTask: true });
    expect(projectPolicy(actor('o', ['campaign_office']), { ...project, withdrawnReason: '并入' }).edit).toBe(false);
    expect(projectPolicy({ ...actor('o', ['campaign_office']), unitId: 'other' }, project).see).toBe(false);
    expect(projectsPolicy(actor('p', ['member'])).create).toBe(false);
    expect(projectsPolicy(actor('p', ['party_secretary'])).create).toBe(false);
  });
});

describe('think tank policy', () => {
  it('the leadership, the office and department heads read; the office alone manages and reads contacts; never a member', () => {
    expect(thinkTankPolicy(actor('p', ['member'])).see).toBe(false);
    expect(thinkTankPolicy(actor('p', ['discipline'])).see).toBe(false);
    expect(thinkTankPolicy(actor('p', ['leadership_member']))).toEqual({ see: true, manage: false, seeContact: false });
    expect(thinkTankPolicy(actor('p', ['department_head']))).toEqual({ see: true, manage: false, seeContact: false });
    expect(thinkTankPolicy(actor('p', ['campaign_office']))).toEqual({ see: true, manage: true, seeContact: true });
    const rec = { unitId: 'unit', withdrawnReason: null };
    expect(advicePolicy(actor('p', ['campaign_office']), rec)).toEqual({
      see: true,
      edit: true,
      withdraw: true,
      recordOutcome: true,
    });
    expect(expertPolicy(actor('p', ['party_secretary']), rec)).toEqual({ see: true, edit: false, withdraw: false });
  });
});
