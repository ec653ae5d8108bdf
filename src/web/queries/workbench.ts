import { useQuery } from '@tanstack/react-query';
import { workbenchApi as api } from '../../shared/api/workbench';
import { call } from '../call';

/** Who I am and what the unit has (src/shared/api/workbench.ts). */
export const useWorkbench = () => useQuery({ queryKey: ['workbench'], queryFn: () => call(api.workbench, {}) });
