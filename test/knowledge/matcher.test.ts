import { resolve } from 'node:path';
import { surfaceWords } from '../../src/knowledge/analyseText';
import { loadKnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { normaliseText } from '../../src/knowledge/normaliseText';

const index = loadKnowledgeBase(resolve(__dirname, '..', '..'));
const topicOf = (text: string) => index.route(text).topic;

describe('normalising what parents type', () => {
  it('lower-cases, drops punctuation and expands contractions, with or without apostrophes', () => {
    expect(normaliseText("They DON'T listen... can't I say no?")).toBe('they do not listen can not i say no');
    expect(normaliseText('i dont know, they wont say')).toBe('i do not know they will not say');
  });

  it('uses UK spellings', () => {
    expect(normaliseText('my sons behavior at the center')).toBe('my sons behaviour at the centre');
  });

  it('expands the abbreviations parents use into the words the answers use', () => {
    expect(surfaceWords('SS want a s47 and a CPP')).toEqual(
      ['social', 'services', 'want', 'a', 'section', '47', 'child', 'protection', 'enquiry', 'and', 'a', 'child', 'protection', 'plan'],
    );
    expect(surfaceWords('my nan has an SGO')).toEqual(['my', 'grandparent', 'has', 'an', 'special', 'guardianship', 'order']);
  });
});

describe('routing', () => {
  // Abbreviations: each is the only clue to its topic.
  it.each([
    ['sw says sign a s20 or they go to court', 'section-20'],
    ['wats an ICPC', 'child-protection-plan'],
    ['my mum wants an sgo for my daughter', 'kinship-care'],
    ['how do i do a SAR to the council', 'records-access'],
    ['does my bf have PR if were not married', 'parental-responsibility'],
    ['they want an FGC next month', 'family-group-conference'],
  ])('understands abbreviations: "%s"', (text, topic) => {
    expect(topicOf(text)).toBe(topic);
  });

  it('understands "PLO": both letter-before-proceedings answers lead, and without a pregnancy it asks which', () => {
    const result = index.route('we got a PLO letter about our kids today');
    expect(result.candidates.slice(0, 2).map((c) => c.id).sort()).toEqual(['care-proceedings-letter-before-proceedings', 'pre-birth-plo-letter']);
    expect(result.kind).toBe('clarify');
    expect(index.route('i am pregnant and got a plo letter').target).toBe('pre-birth-plo-letter');
  });

  it.each(['are they going to take her away', 'will they take them off me'])('answers the fear of removal told with pronouns: "%s"', (text) => {
    const result = index.route(text);
    expect(result.kind).toBe('faq');
    expect(result.target).toBe('care-proceedings-can-they-take-my-child');
  });

  it.each([
    ['childrens servises want to do an assesment on us', 'referral-assessment'],
    ['how do i make a complant about my socail worker', 'complaint-social-worker'],
    ['can i get legal aide for court', 'legal-help'],
    ['what is special guardianshp', 'kinship-care'],
  ])('tolerates typos: "%s"', (text, topic) => {
    expect(topicOf(text)).toBe(topic);
  });

  it('routes a long forum post by its question, not its backstory', () => {
    const post = [
      'Hi everyone, sorry this is long. Two years ago my ex partner was violent and the police were called a few times.',
      'Children’s services got involved then and I did a parenting course and the case was closed with no further action.',
      'He has not been in our lives since and has no contact with the kids. My eldest is 9 and my youngest is 4.',
      'Last month the school rang social services because my eldest said something in class about me shouting.',
      'A social worker came out, looked round the house and spoke to both children. She said the house was fine.',
      'Now I have had a letter saying there will be an initial child protection conference in two weeks.',
      'My mum is going to come with me for support. I have never been to one and I am terrified I will say the wrong thing in front of everyone.',
      'My sister says I should just stay calm and be honest, but it is hard when it feels like everyone has already made up their mind.',
      'I have been up every night worrying. The kids are happy and doing well and I just do not understand why this is happening now.',
      'What actually happens at the conference, who will be there and can I bring my mum into the meeting with me?',
    ].join(' ');
    expect(post.length).toBeGreaterThan(1000);
    const result = index.route(post);
    expect(result.topic).toBe('child-protection-plan');
    expect(result.target).toBe('child-protection-plan-conference');
  });

  it.each([
    ['my landlord gave me a section 21 eviction notice'],
    ['how do I claim universal credit'],
    ['what is the weather like tomorrow'],
    ['we live in Glasgow, what happens at a childrens hearing'],
  ])('does not answer out-of-scope messages: "%s"', (text) => {
    const result = index.route(text);
    expect(result.kind).toBe('fallback');
  });

  it('does not give English answers to families in Scotland or Northern Ireland, however the question sounds', () => {
    expect(index.route('my sister in Belfast was asked to sign a section 20 form').kind).toBe('fallback');
    expect(index.route('we moved from Glasgow to England, can social services here do an assessment').kind).not.toBe('fallback');
  });

  it('returns the routing result shape from DESIGN.md', () => {
    const result = index.route('can i get my child back from section 20');
    expect(result).toEqual({
      kind: 'faq',
      topic: 'section-20',
      target: expect.stringMatching(/^section-20-/),
      confidence: expect.any(Number),
      candidates: expect.arrayContaining([{ id: expect.any(String), topic: expect.any(String), score: expect.any(Number) }]),
    });
    expect(result.candidates.length).toBeLessThanOrEqual(5);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('answers a clear question with more confidence than a vague one', () => {
    expect(index.route('can i get my child back from section 20').confidence).toBeGreaterThan(index.route('my child is in care').confidence);
  });

  it('does not answer from one word shared by chance', () => {
    expect(index.route('blue giraffes on the moon').kind).toBe('fallback');
  });

  it('an empty or punctuation-only message is a fallback with no candidates', () => {
    expect(index.route('?!...')).toEqual({ kind: 'fallback', topic: undefined, confidence: 0, candidates: [] });
  });
});
