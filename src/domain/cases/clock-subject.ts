// Which deadline rows are case clocks (CAS-08): the clock `办件 受理` opens on a service_case (entities/case.ts).
export const CASE_SUBJECT = 'case';
export const CASE_CLOCK_KIND = 'case:办结';
