/** The demo unit 示例县民政局: invented people, for trying Zuofeng out. */
export const DEMO_UNIT = { code: 'demo-mzj', name: '示例县民政局' };
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_DEPARTMENTS = [
  '综合科（办公室）',
  '社会救助股',
  '养老服务股',
  '社会事务股',
  '区划地名股',
  '机关纪委',
];

/** 分管领导 of the departments above (by index), in charge since before records were kept (from: null). */
export const DEMO_DEPARTMENT_LEADERS: [number, string][] = [
  [0, '李红梅'],
  [1, '张志强'],
  [2, '张志强'],
  [3, '刘海峰'],
  [4, '刘海峰'],
  [5, '陈静'],
];

export interface DemoPerson {
  name: string;
  dept: number | null;
  position: string;
  rank: string;
  party: boolean;
  branchRole?: 'secretary' | 'committee';
  leader?: boolean;
  login?: string;
  roles?: (
    | 'party_secretary'
    | 'leadership_member'
    | 'campaign_office'
    | 'branch_secretary'
    | 'department_head'
    | 'discipline'
  )[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    name: '王建国',
    dept: null,
    position: '党组书记、局长',
    rank: '一级调研员',
    party: true,
    leader: true,
    login: 'secretary',
    roles: ['party_secretary'],
  },
  {
    name: '李红梅',
    dept: null,
    position: '党组成员、副局长',
    rank: '二级调研员',
    party: true,
    leader: true,
    login: 'leader1',
    roles: ['leadership_member'],
  },
  {
    name: '张志强',
    dept: null,
    position: '党组成员、副局长',
    rank: '三级调研员',
    party: true,
    leader: true,
    login: 'leader2',
    roles: ['leadership_member'],
  },
  {
    name: '刘海峰',
    dept: null,
    position: '党组成员、副局长',
    rank: '三级调研员',
    party: true,
    leader: true,
    login: 'leader3',
    roles: ['leadership_member'],
  },
  {
    name: '陈静',
    dept: null,
    position: '党组成员、纪检组长',
    rank: '三级调研员',
    party: true,
    leader: true,
    login: 'leader4',
    roles: ['leadership_member', 'discipline'],
  },
  {
    name: '赵敏',
    dept: 0,
    position: '科长',
    rank: '一级主任科员',
    party: true,
    branchRole: 'secretary',
    login: 'branch',
    roles: ['branch_secretary', 'department_head'],
  },
  {
    name: '孙丽',
    dept: 0,
    position: '副科长',
    rank: '二级主任科员',
    party: true,
    login: 'office',
    roles: ['campaign_office'],
  },
  { name: '周凯', dept: 0, position: '科员', rank: '一级科员', party: true },
  { name: '吴婷', dept: 0, position: '科员', rank: '二级科员', party: false },
  { name: '郑伟', dept: 0, position: '科员', rank: '一级科员', party: true },
  { name: '冯雪', dept: 0, position: '科员', rank: '试用期', party: false },
  {
    name: '杨帆',
    dept: 1,
    position: '股长',
    rank: '一级主任科员',
    party: true,
    branchRole: 'committee',
    roles: ['department_head'],
  },
  { name: '朱晓燕', dept: 1, position: '副股长', rank: '四级主任科员', party: true },
  { name: '秦磊', dept: 1, position: '科员', rank: '一级科员', party: false },
  { name: '许娜', dept: 1, position: '科员', rank: '一级科员', party: true },
  { name: '何军', dept: 1, position: '工作人员', rank: '', party: false },
  {
    name: '吕芳',
    dept: 2,
    position: '股长',
    rank: '二级主任科员',
    party: true,
    branchRole: 'committee',
    roles: ['department_head'],
  },
  { name: '施洋', dept: 2, position: '科员', rank: '一级科员', party: true },
  { name: '张悦', dept: 2, position: '科员', rank: '二级科员', party: false },
  { name: '孔明亮', dept: 2, position: '工作人员', rank: '', party: false },
  { name: '曹阳', dept: 3, position: '股长', rank: '二级主任科员', party: true, roles: ['department_head'] },
  { name: '严丽华', dept: 3, position: '科员', rank: '一级科员', party: true },
  { name: '华强', dept: 3, position: '科员', rank: '二级科员', party: false },
  { name: '金鑫', dept: 3, position: '科员', rank: '一级科员', party: true },
  { name: '魏东', dept: 4, position: '股长', rank: '三级主任科员', party: true, roles: ['department_head'] },
  { name: '陶然', dept: 4, position: '科员', rank: '一级科员', party: false },
  { name: '姜珊', dept: 4, position: '科员', rank: '二级科员', party: false },
  {
    name: '戚红',
    dept: 5,
    position: '机关纪委副书记',
    rank: '二级主任科员',
    party: true,
    branchRole: 'committee',
    login: 'discipline',
    roles: ['discipline'],
  },
  { name: '谢飞', dept: 5, position: '科员', rank: '一级科员', party: true },
  { name: '邹杰', dept: 5, position: '科员', rank: '一级科员', party: false },
];

/** Groups: [kind, name, members as [person name, role in group]]. */
export const DEMO_GROUPS: [string, string, [string, string][]][] = [
  [
    'leading_group',
    '“改进作风、狠抓落实”年工作领导小组',
    [
      ['王建国', '组长'],
      ['李红梅', '副组长'],
      ['张志强', '副组长'],
      ['刘海峰', '副组长'],
      ['陈静', '副组长'],
      ['赵敏', '成员'],
      ['杨帆', '成员'],
      ['吕芳', '成员'],
      ['曹阳', '成员'],
      ['魏东', '成员'],
      ['戚红', '成员'],
    ],
  ],
  [
    'leading_group_office',
    '领导小组办公室',
    [
      ['李红梅', '主任'],
      ['赵敏', '成员'],
      ['孙丽', '成员'],
      ['周凯', '成员'],
      ['郑伟', '成员'],
    ],
  ],
  [
    'branch_committee',
    '机关党支部委员会',
    [
      ['赵敏', '书记'],
      ['杨帆', '组织委员'],
      ['吕芳', '宣传委员'],
      ['戚红', '纪检委员'],
    ],
  ],
];

/** Posts with an A holder and a B holder: [department, title, A, B]. */
export const DEMO_POSTS: [number, string, string, string][] = [
  [0, '收文登记与督办', '孙丽', '周凯'],
  [0, '党建及意识形态', '郑伟', '吴婷'],
  [1, '低保特困审核', '朱晓燕', '秦磊'],
  [2, '养老机构监管', '施洋', '张悦'],
  [3, '婚姻登记', '严丽华', '华强'],
  [4, '区划地名管理', '陶然', '姜珊'],
];
