import { z } from 'zod';

/** The workbench: who I am and what the unit has. */
export const ZWorkbench = z.object({
  me: z.object({
    displayName: z.string(),
    personName: z.string().nullable(),
    departmentName: z.string().nullable(),
    position: z.string().nullable(),
  }),
  unitStats: z.object({
    inService: z.number().int(),
    partyMembers: z.number().int(),
    leadership: z.number().int(),
    departments: z.number().int(),
  }),
});
