import { isOffice } from '../../../../domain/policies/practice';
import { maySeeNominations } from '../../../../domain/policies/recognition';
import { maySeeDrafts } from '../../../../domain/policies/article';
import type { Me } from '../../../types';
import { whoOf } from '../../discipline/who';

/** The reader as the recognition policies ask about it: the same functions the server enforces. */
export const isOfficeMe = (me: Me) => isOffice(whoOf(me));
export const seesNominations = (me: Me) => maySeeNominations(whoOf(me));
export const seesArticleDrafts = (me: Me) => maySeeDrafts(whoOf(me));
