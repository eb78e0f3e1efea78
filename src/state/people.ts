export { PERSON_COLORS } from '../doc/people';
