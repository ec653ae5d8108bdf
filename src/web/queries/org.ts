import { useQuery } from '@tanstack/react-query';
import { orgApi } from '../../shared/api/org';
import { call } from '../call';

/** The unit's departments (active and withdrawn), shared by every page that picks or shows one. */
export const useDepartments = (enabled = true) => useQuery({ queryKey: ['departments'], queryFn: () => call(orgApi.departments, {}), enabled });
