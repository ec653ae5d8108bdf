/**
 * The integrity education plan (廉政教育计划, measure 22): the 机关纪委 draws it up and links the
 * activities that held its sessions; the leadership (班子成员, the 党组书记) read it and its progress.
 * It names the cadres to visit (政治家访) and attendance, so it is not open to everyone.
 */
import { isDisciplineStaff, isLeadership, type Who } from './who.js';

export type EducationPlanCan = { see: boolean; manage: boolean };

export function educationPlanPolicy(a: Who): EducationPlanCan {
  const manage = isDisciplineStaff(a);
  return { see: manage || isLeadership(a), manage };
}
