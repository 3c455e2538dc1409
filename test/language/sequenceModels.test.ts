import { SequenceRecognizer } from '@microsoft/recognizers-text-sequence';
import { findEmails, findPhoneNumbers, findUrls } from '../../src/language/sequenceModels';
import { fixtureTexts } from '../support/fixtureTexts';

// The finders skip the recognizers when a message lacks a character every match needs. Skipping
// must never change what is found: compare them with the recognizers run on every message.
const awkward = [
  'email me at jo.bloggs+sw@example.co.uk please',
  'my email is someone at example dot com',
  'see http://localhost:3978/api/messages',
  'see https://localhost/x and ftp://localhost',
  'the council site is www.example.gov.uk/childrens-services',
  'the council site is example．org',
  'ring ０７７００ ９００１２３ or 07700 900 123',
  '+44 (0)20 7946 0018',
  'call 999',
  'no numbers or links here at all',
  'the meeting is at 10:30',
  '',
];

describe('email, URL and phone finders', () => {
  const recognizer = new SequenceRecognizer('en-us');
  const models = { email: recognizer.getEmailModel(), url: recognizer.getURLModel(), phone: recognizer.getPhoneNumberModel() };
  const texts = [
    ...fixtureTexts('test/fixtures/analytics/redactionSet.jsonl'),
    ...fixtureTexts('test/fixtures/routing/devset.jsonl'),
    ...fixtureTexts('test/fixtures/safety/crisisSet.jsonl'),
    ...awkward,
  ];

  it('find exactly what the recognizers find, in over a thousand real and awkward messages', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const differences = texts.filter(
      (text) =>
        JSON.stringify(findEmails(text)) !== JSON.stringify(models.email.parse(text)) ||
        JSON.stringify(findUrls(text)) !== JSON.stringify(models.url.parse(text)) ||
        JSON.stringify(findPhoneNumbers(text)) !== JSON.stringify(models.phone.parse(text)),
    );
    expect(differences).toEqual([]);
  });

  it('still find an email, a localhost address and a full-width phone number', () => {
    expect(findEmails('email me at jo.bloggs+sw@example.co.uk please').map((found) => found.text)).toEqual(['jo.bloggs+sw@example.co.uk']);
    expect(findUrls('see http://localhost:3978/api/messages')).toHaveLength(1);
    expect(findPhoneNumbers('ring ０７７００ ９００１２３')).toHaveLength(1);
  });
});
