import { describeSite } from './docsSites';

describeSite('vitepress');
