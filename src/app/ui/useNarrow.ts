import { useMediaQuery } from './useMediaQuery';

/** Below this window width the header folds into a menu (a phone, a narrow window). */
const NARROW_QUERY = '(max-width: 767px)';

/** Whether the window is narrow (followed as it changes). */
export const useNarrow = (): boolean => useMediaQuery(NARROW_QUERY);
