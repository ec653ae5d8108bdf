import type { Who } from '../../../domain/policies/who';
import type { Me } from '../../types';

/** The reader as the domain policies ask about it (the grants' roles are the server's Role codes). */
export const whoOf = (me: Me): Who => ({ grants: me.grants as unknown as Who['grants'], personId: me.user.personId });
