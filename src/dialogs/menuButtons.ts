import { MAIN_MENU } from './messages';

/** The main topics, as button titles. */
export const MENU_TITLES: string[] = MAIN_MENU.map((choice) => choice.title);
export const TALK_TO_PERSON = MAIN_MENU.find((choice) => choice.topic === 'handoff')?.title ?? 'Talk to a person';
/** The topics with "Talk to a person" first: for someone struggling, or asking about people. */
export const PERSON_FIRST: string[] = [TALK_TO_PERSON, ...MENU_TITLES.filter((title) => title !== TALK_TO_PERSON)];
