import { ZAuditEvent, ZAuditQuery, ZAuditVerify } from '../contracts/audit.js';
import { pageOf } from '../contracts/common.js';
import { endpoint } from './endpoint.js';

const tags = ['审计'] as const;

/** The audit trail: its events and the check of its chain. */
export const auditApi = {
  verify: endpoint({
    method: 'GET',
    path: '/audit/verify',
    tags,
    summary: '校验本单位审计链（含与库外检查点比对）',
    response: ZAuditVerify,
  }),
  events: endpoint({
    method: 'GET',
    path: '/audit/events',
    tags,
    summary: '审计记录（可按对象筛选）',
    query: ZAuditQuery,
    response: pageOf(ZAuditEvent),
  }),
};
