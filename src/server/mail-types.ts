import type { Card, RobotAnswer } from '../domain/robots.js';

/** What a channel answered: its code and message (never its raw body). Mail answers the same way. */
export type SendResult = RobotAnswer;

export interface MailMessage {
  to: string;
  card: Card;
}
export type MailSender = (m: MailMessage) => Promise<SendResult>;
