/**
 * Incoming documents (收文登记): the office registers a document, which becomes supervised items
 * (each then follows the item policy); the register of documents is read like the ledger.
 */
import { hasPermission, type Actor } from '../roles.js';

export function documentsPolicy(a: Pick<Actor, 'grants'>): { register: boolean; readRegister: boolean } {
  return { register: hasPermission(a, 'supervision.manage'), readRegister: hasPermission(a, 'supervision.read') };
}
