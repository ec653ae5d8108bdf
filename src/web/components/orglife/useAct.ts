import { useWrite } from '../useWrite';

/** A write of the meeting's pages: everything under ['org-life'] is refreshed after it. */
export const useAct = () => useWrite(['org-life']);
