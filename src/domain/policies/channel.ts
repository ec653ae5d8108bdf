/**
 * Who may see and change a notification channel (通知渠道: a group robot or webhook) and the log of
 * deliveries through the channels. Channels carry secrets and reach whole groups: only their
 * managers (channels.manage: the office, the system administrator) see and change them. A delivery
 * of a notice about someone's own affairs is logged without its text (private).
 */
import { hasPermission, type Actor } from '../roles.js';

type A = Pick<Actor, 'unitId' | 'grants'>;
export interface ChannelFacts {
  unitId: string;
  active: boolean;
}
export const CHANNEL_CAN_KEYS = ['see', 'edit', 'test', 'deactivate', 'reactivate'] as const;
export type ChannelCan = Record<(typeof CHANNEL_CAN_KEYS)[number], boolean>;

const manages = (a: A, unitId: string) => a.unitId === unitId && hasPermission(a, 'channels.manage');

export function channelPolicy(a: A, c: ChannelFacts): ChannelCan {
  const see = manages(a, c.unitId);
  // A withdrawn channel can still be corrected and tested before it is restored.
  return { see, edit: see, test: see, deactivate: see && c.active, reactivate: see && !c.active };
}

export interface DeliveryFacts {
  unitId: string;
  status: string;
  /** A notice about someone's own affairs: its text is that person's alone. */
  private: boolean;
}
export const DELIVERY_CAN_KEYS = ['see', 'readText', 'retry'] as const;
export type DeliveryCan = Record<(typeof DELIVERY_CAN_KEYS)[number], boolean>;

export function deliveryPolicy(a: A, d: DeliveryFacts): DeliveryCan {
  const see = manages(a, d.unitId);
  return { see, readText: see && !d.private, retry: see && d.status === 'failed' };
}

export const mayManageChannels = (a: A) => hasPermission(a, 'channels.manage');

/** Reminder preferences are a person's: an account without a person (an administrator) has none. */
export const hasOwnReminders = (a: Pick<Actor, 'personId'>) => !!a.personId;
