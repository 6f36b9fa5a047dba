import { describeSite } from './docsSites';

describeSite('docusaurus');
