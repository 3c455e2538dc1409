import { describesOwnSituation } from '../../src/knowledge/situationCues';

describe('telling a described situation from a question', () => {
  it.each([
    "I've been invited to a child protection conference next Tuesday",
    'A social worker came round yesterday and said they are doing a section 47 on my kids',
    'we got a letter before proceedings this morning and the meeting is on friday, any advice?',
    "my grandson has been living with me since march because his mum can't cope and the council placed him here",
    'The school made a referral and now a social worker wants to visit us next week. I don\'t know what to do',
    'they want me to sign a section 20 so my daughter can go into foster care tomorrow',
    'I think my ex made a malicious referral about me again, social services rang me today',
  ])('starts a guided conversation for "%s"', (message) => {
    expect(describesOwnSituation(message)).toBe(true);
  });

  it.each([
    'what happens at a child protection conference?',
    'ss want me to sign a s20',
    'how long does a child in need assessment take',
    'can they take my kids without going to court?',
    'foster carer wont let me ring my daughter on her bday is that allowed shes in care on a ICO',
    'What is the difference between section 17 and section 47',
    'Do I have to let a social worker into my house if they turn up?',
    'is a special guardianship order better than fostering for a grandparent',
  ])('answers "%s" from the knowledge base instead', (message) => {
    expect(describesOwnSituation(message)).toBe(false);
  });
});
