import { looksLikeQuestion } from '../../src/dialogs/looksLikeQuestion';

describe('looksLikeQuestion', () => {
  it.each([
    'can i complain about her instead',
    'ICPC is on monday im bricking it do i get to speak or is it just all the professionals talkin about me',
    'what happens at a PLO meeting',
    'they want me to sign, should I?',
    'Whats a section 47',
    'If I sign can I change my mind later',
    'the sw says we have to move out, can we refuse',
  ])('reads "%s" as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['yes', 'not yet', 'already in care', "hang on, that's not what i meant", 'my son is 4', 'the social worker was rude to me', 'isobel is my daughter'])(
    'does not read "%s" as a question',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
    },
  );
});
