import defaultToursText from '../../../public/tours/default.json?raw';
import type { Tour } from '../../model/tours';

/**
 * The built-in tours (7 KB, ~2.5 KB gzip), a chunk of their own that the app loads once its first diagram is
 * up. They are taken as they ship, like the app's default model, without the validator (zod, whose schema
 * would otherwise be built on the main thread just then): `useTours.test.ts` checks them with the schema.
 */
export const BUILT_IN_TOURS: readonly Tour[] = JSON.parse(defaultToursText) as Tour[];
