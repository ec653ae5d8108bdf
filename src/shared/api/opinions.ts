import { z } from 'zod';
import { ZIdParams, ZOk } from '../contracts/common.js';
import * as O from '../contracts/opinions.js';
import { endpoint } from './endpoint.js';

const tags = ['征求意见'] as const;

/** The opinion forms' JSON endpoints (the QR codes and the summary sheet are downloads, declared in the routes). */
export const opinionsApi = {
  forms: endpoint({
    method: 'GET',
    path: '/opinion-forms',
    tags,
    summary: '征求意见表列表',
    response: z.array(O.ZFormRow),
  }),
  createForm: endpoint({
    method: 'POST',
    path: '/opinion-forms',
    tags,
    summary: '新建征求意见表（可按专项活动类别生成问题）',
    body: O.ZFormBody,
    response: O.ZFormDetail,
  }),
  form: endpoint({
    method: 'GET',
    path: '/opinion-forms/:id',
    tags,
    summary: '征求意见表详情',
    params: ZIdParams,
    response: O.ZFormDetail,
  }),
  setStatus: endpoint({
    method: 'POST',
    path: '/opinion-forms/:id/status',
    tags,
    summary: '发布或结束收集',
    params: ZIdParams,
    body: O.ZFormStatusBody,
    response: O.ZFormDetail,
  }),
  publicAddress: endpoint({
    method: 'GET',
    path: '/opinion-forms/public-address',
    tags,
    summary: '对外访问地址（链接、二维码、海报所用）',
    response: O.ZPublicAddress,
  }),
  setPublicAddress: endpoint({
    method: 'PUT',
    path: '/opinion-forms/public-address',
    tags,
    summary: '设置对外访问地址（优先于 ZUOFENG_PUBLIC_URL）',
    body: O.ZPublicAddressBody,
    response: O.ZPublicAddress,
  }),
  distribute: endpoint({
    method: 'POST',
    path: '/opinion-forms/:id/distributions',
    tags,
    summary: '发放：公开链接或一次性填写码（填写码仅此一次显示）',
    params: ZIdParams,
    body: O.ZDistributionBody,
    response: O.ZDistributionCreated,
  }),
  // The public side: no session, nothing about the respondent kept.
  publicForm: endpoint({
    method: 'GET',
    path: '/public/opinions/:token',
    tags,
    summary: '公开意见表（无需登录）',
    params: O.ZToken,
    response: O.ZPublicForm,
  }),
  submit: endpoint({
    method: 'POST',
    path: '/public/opinions/:token',
    tags,
    summary: '匿名提交意见',
    params: O.ZToken,
    body: O.ZPublicSubmit,
    response: ZOk,
  }),
};
