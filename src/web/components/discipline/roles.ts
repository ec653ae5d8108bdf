import type { Me } from '../../types';

/** The reader's roles as the tabs need them; they mirror domain/policies/who.ts (the server decides). */
export const holdsRole = (me: Me, role: string) => me.grants.some((g) => g.role === role);
export const isDisciplineStaff = (me: Me) => holdsRole(me, 'discipline');
export const isPartySecretary = (me: Me) => holdsRole(me, 'party_secretary');
export const isLeadership = (me: Me) => isPartySecretary(me) || holdsRole(me, 'leadership_member');
