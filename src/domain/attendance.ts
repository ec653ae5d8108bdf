/**
 * Figures of the organizational life meeting. Who sees what lives in domain/policies/
 * (self-check-list, talk, opinion-item).
 */

/** Attendance as a whole percentage, rounded down (so 79.9% does not pass an 80% rule). */
export function attendancePct(present: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.floor((present * 100) / expected);
}
