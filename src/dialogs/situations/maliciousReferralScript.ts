import { Answers, SituationScript, Summary } from './situationScript';

/** Someone may have made a false or malicious referral to children's services (FACTS.md §2, §11). */
export const maliciousReferralScript: SituationScript = {
  topic: 'malicious-referral',
  title: 'I think a referral was malicious',
  intro:
    "I'll ask you 4 short questions about the referral, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'who-made-it',
      kind: 'choice',
      prompt: 'Do you think you know who made the referral?',
      help: 'You may never be told who made it. But if you have an idea, it changes what you can do about it. If you have no idea, tap "Not sure".',
      example: 'For example: "my ex", "a neighbour" or "someone at the school".',
      allowUnsure: true,
      choices: [
        {
          value: 'ex-partner',
          title: 'My ex-partner',
          synonyms: ['ex', 'my ex', 'ex partner', 'expartner', 'ex-partner', 'ex husband', 'ex-husband', 'ex wife', 'ex-wife', 'ex boyfriend', 'ex girlfriend', 'ex bf', 'ex gf', 'baby father', 'baby dad', 'bd', 'baby mother', 'baby mum', 'bm', 'kids dad', 'kids mum', "child's father", "child's mother", 'the other parent', 'their dad', 'their mum'],
        },
        {
          value: 'family-neighbour',
          title: 'Family, friend or neighbour',
          synonyms: ['family', 'family member', 'relative', 'my mum', 'my mother', 'my dad', 'sister', 'brother', 'aunt', 'auntie', 'cousin', 'in laws', 'in-laws', 'mother in law', 'nan', 'gran', 'neighbour', 'neighbor', 'nieghbour', 'next door', 'friend', 'ex friend', 'ex-friend', 'former friend', 'mate', 'someone i know'],
        },
        {
          value: 'professional',
          title: 'A professional',
          synonyms: ['professional', 'a professional', 'school', 'skool', 'teacher', 'nursery', 'gp', 'doctor', 'health visitor', 'hv', 'nurse', 'midwife', 'hospital', 'police', 'probation', 'housing', 'therapist', 'counsellor', 'worker', 'support worker', 'someone at work'],
        },
      ],
    },
    {
      id: 'happened-before',
      kind: 'yesNo',
      prompt: 'Has someone made a referral about your family before?',
      help: 'Repeated referrals can be a sign that someone is using children\'s services to harass you. There are extra things you can ask for if it keeps happening.',
      example: 'For example: "yes, twice before", "no" or "not sure".',
    },
    {
      id: 'stage',
      kind: 'choice',
      prompt: 'Where have things got to with children\'s services?',
      help: '"No further action" (NFA) means children\'s services closed the referral without doing anything more. If they are still visiting or assessing, it is still open.',
      example: 'For example: "they\'re assessing" or "closed, no further action".',
      allowUnsure: true,
      choices: [
        {
          value: 'assessing',
          title: 'They are looking into it',
          synonyms: ['assessing', 'assesing', 'assessment', 'looking into it', 'investigating', 'investigation', 'still open', 'open', 'ongoing', 'on going', 'visiting', 'they visited', 'checking', 'section 47', 's47', 'section 17', 's17', 'parenting assessment'],
        },
        {
          value: 'closed',
          title: 'Closed, no further action',
          synonyms: ['closed', 'closed it', 'case closed', 'nfa', 'n.f.a', 'no further action', 'no futher action', 'no action', 'finished', 'over', 'ended', 'dropped', 'done', 'shut'],
        },
      ],
    },
    {
      id: 'evidence',
      kind: 'yesNo',
      prompt: 'Do you have anything that shows the referral is untrue?',
      help: 'This could be letters from school, nursery or your GP, messages, or anything that shows your child is safe and well. It is fine if you have nothing like this.',
      example: 'For example: "yes, letters from school", "no" or "not sure".',
    },
  ],
  summarise,
};

function whoSteps(who: string | undefined): string[] {
  switch (who) {
    case 'ex-partner':
      return [
        'You may not be told who made the referral. If you believe it was your ex, do not confront them: tell the social worker calmly about any conflict or court case between you, with dates.',
        'If your ex is harassing you, report it to the police on 101, or 999 in an emergency. Give the police reference number to the social worker.',
      ];
    case 'family-neighbour':
      return [
        'You may not be told who made the referral. Try not to confront the person you suspect, as a row can make things harder for you.',
        'If that person keeps harassing you, report it to the police on 101, or 999 in an emergency. Give the police reference number to the social worker.',
      ];
    case 'professional':
      return [
        'If you think a professional made a false referral, you can raise it with their organisation\'s safeguarding lead, use its complaints process, or contact the body that regulates them.',
      ];
    default:
      return [
        'Children\'s services may not tell you who made the referral, and some people report without giving a name. Focus on answering the worries, not on finding the person.',
        'If someone is harassing you, report it to the police on 101, or 999 in an emergency. Give the police reference number to the social worker.',
      ];
  }
}

function stageStep(stage: string | undefined): string {
  switch (stage) {
    case 'assessing':
      return 'Children\'s services have to check every referral, even one that turns out to be false. Stay calm, go to every appointment, and explain with examples why you think it is untrue.';
    case 'closed':
      return 'As the referral was closed with no further action, ask for that outcome in writing. Ask them to add your view, that the referral was malicious, to your file.';
    default:
      return 'Ask the social worker in writing whether the referral is still being looked into, or was closed with no further action (NFA). Children\'s services must check every referral, so be calm and helpful.';
  }
}

function beforeStep(before: string | undefined): string {
  switch (before) {
    case 'yes':
      return 'Because this has happened before, ask children\'s services to add a note to your file about repeated referrals you believe are malicious. Keep a list of each one: the date, what was said and the outcome.';
    case 'no':
      return 'As this is the first referral, start a record now: the date, who you spoke to and what was said. If it ever happens again, that record will help show a pattern.';
    default:
      return 'Ask the social worker whether there have been other referrals about your family. If there have, ask for a note about repeated referrals to go on your file.';
  }
}

function evidenceStep(evidence: string | undefined, stage: string | undefined): string {
  const where = stage === 'closed' ? 'ask for them to be kept on your file' : 'ask the social worker to record that they have them';
  switch (evidence) {
    case 'yes':
      return `Keep the originals of your evidence safe. Give copies to children's services and ${where}.`;
    case 'no':
      return 'Many people cannot prove a referral is false, and that is normal. Children\'s services look mostly at how your child is doing, so focus on showing that your child is safe and well.';
    default:
      return 'Think about what could show your child is safe and well, such as letters from school, nursery or your GP. Share copies and keep the originals.';
  }
}

function summarise(answers: Answers): Summary {
  const who = answers['who-made-it'];
  const stage = answers.stage;
  const steps: string[] = [];

  steps.push(stageStep(stage));
  steps.push(...whoSteps(who));
  steps.push(beforeStep(answers['happened-before']));
  steps.push(evidenceStep(answers.evidence, stage));
  steps.push(
    'You can ask the council for a copy of what it holds about you (a subject access request). It is usually free and should normally come within a month; if something is wrong, write and ask for your side to be added.',
  );

  const entries = ['malicious-referral-overview'];
  entries.push(who === 'professional' ? 'malicious-referral-professional' : 'malicious-referral-who-made-it');
  if (answers['happened-before'] === 'yes') entries.push('malicious-referral-keeps-happening');
  entries.push(stage === 'closed' ? 'malicious-referral-nfa-on-record' : 'records-access-overview');

  return { steps, entries };
}
