// Every migration, in order (synchronize is off; `npm run cli -- migrate` and start-up run pending ones).
import { Spine1790000000001 } from './0001-spine';
import { Performance1790000000003 } from './0003-performance';
import { Calendar1790000000005 } from './0005-calendar';

export const MIGRATIONS = [Spine1790000000001, Performance1790000000003, Calendar1790000000005];
