import { ZIdParams, ZPageQuery, ZReasonBody, pageOf } from '../contracts/common.js';
import { ZContactObject } from '../contracts/campaign-activities.js';
import { ZObjectAssignment, ZObjectEditBody, ZObjectReassignBody } from '../contracts/contact-objects.js';
import { endpoint } from './endpoint.js';

const tags = ['专项活动'] as const;

/** Maintaining a contact object (listing and creating it are in campaigns.ts). */
export const contactObjectsApi = {
  editObject: endpoint({
    method: 'PUT',
    path: '/contact-objects/:id',
    tags,
    summary: '修改联系对象名称',
    params: ZIdParams,
    body: ZObjectEditBody,
    response: ZContactObject,
  }),
  withdrawObject: endpoint({
    method: 'POST',
    path: '/contact-objects/:id/withdraw',
    tags,
    summary: '停用联系对象（须填写原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZContactObject,
  }),
  restoreObject: endpoint({
    method: 'POST',
    path: '/contact-objects/:id/restore',
    tags,
    summary: '启用已停用的联系对象（须填写原因）',
    params: ZIdParams,
    body: ZReasonBody,
    response: ZContactObject,
  }),
  reassignObject: endpoint({
    method: 'POST',
    path: '/contact-objects/:id/assignments',
    tags,
    summary: '自某日起调整联系人（原联系人任至前一日）',
    params: ZIdParams,
    body: ZObjectReassignBody,
    response: ZContactObject,
  }),
  objectAssignments: endpoint({
    method: 'GET',
    path: '/contact-objects/:id/assignments',
    tags,
    summary: '联系对象的联系人记录（分页，最近的在前）',
    params: ZIdParams,
    query: ZPageQuery,
    response: pageOf(ZObjectAssignment),
  }),
};
