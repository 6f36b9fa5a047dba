import { describeSite } from './docsSites';

describeSite('mkdocs');
