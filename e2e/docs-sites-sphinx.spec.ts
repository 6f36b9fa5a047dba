import { describeSite } from './docsSites';

describeSite('sphinx-alabaster');
describeSite('sphinx-openstackdocstheme');
