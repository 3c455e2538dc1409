import { Answers, SituationScript, Summary } from './situationScript';
import { ageInYears, daysBetween, describeDistance, formatDay, isIsoDay } from './scriptDates';

/** Children's services have been in touch after a referral: section 17 or section 47 (FACTS.md §2, §13). */
export const referralAssessmentScript: SituationScript = {
  topic: 'referral-assessment',
  title: "Children's services contacted me",
  intro:
    "I'll ask you 4 short questions about how children's services got in touch, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'who-contacted',
      kind: 'choice',
      prompt: 'Who got in touch with you?',
      help: 'Knowing who contacted you helps me explain who is involved and what to ask them. Pick the one that fits best.',
      example: 'For example: "a social worker", "the police" or "a letter".',
      allowUnsure: true,
      choices: [
        {
          value: 'social-worker',
          title: 'A social worker',
          synonyms: ['social worker', 'socialworker', 'social wroker', 'socail worker', 'sw', 'social', 'the social', 'socials', 'social services', 'ss', "children's services", 'childrens services', 'childrens social care', 'council', 'duty team', 'mash', 'phoned me', 'knocked on the door', 'came round'],
        },
        {
          value: 'police',
          title: 'The police',
          synonyms: ['police', 'polise', 'pollice', 'officer', 'police officer', 'pc', 'cop', 'cops', 'detective', 'the old bill', 'feds', 'police came'],
        },
        {
          value: 'school-health',
          title: 'School, nursery or health',
          synonyms: ['school', 'skool', 'nursery', 'teacher', 'head teacher', 'dsl', 'college', 'health', 'health visitor', 'hv', 'gp', 'doctor', 'dr', 'hospital', 'a&e', 'midwife', 'nurse', 'school nurse', 'camhs'],
        },
        {
          value: 'letter',
          title: 'A letter, email or text',
          synonyms: ['letter', 'leter', 'a letter', 'email', 'e-mail', 'text', 'txt', 'message', 'in the post', 'post', 'wrote to me', 'in writing'],
        },
      ],
    },
    {
      id: 'process',
      kind: 'choice',
      prompt: 'Did they say it is about support, or child protection?',
      help: 'Support for a "child in need" comes under section 17. Enquiries about possible serious harm are "section 47" or child protection enquiries. If nobody has said, tap "Not sure".',
      example: 'For example: "child in need", "section 47" or "child protection".',
      allowUnsure: true,
      choices: [
        {
          value: 's17',
          title: 'Child in need (section 17)',
          synonyms: ['section 17', 'section17', 's17', 's 17', 'sec 17', 'sect 17', '17', 'child in need', 'chid in need', 'child in ned', 'cin', 'support', 'help', 'family support', 'needs assessment', 'they want to help'],
        },
        {
          value: 's47',
          title: 'Child protection (s47)',
          synonyms: ['section 47', 'section47', 's47', 's 47', 'sec 47', 'sect 47', '47', 'child protection', 'child protecton', 'cp', 'investigation', 'investigating', 'enquiries', 'inquiries', 'enquiry', 'strategy discussion', 'strategy meeting', 'safeguarding', 'harm', 'significant harm'],
        },
      ],
    },
    {
      id: 'visit-date',
      kind: 'date',
      prompt: 'When is the visit or assessment meeting? A date like 3/12 or words like "next Tuesday" are fine.',
      help: 'Knowing the date lets me tell you how much time you have to get ready. If no date is set, tap "I don\'t know yet".',
      example: 'For example: "14 December", "3/12" or "next Tuesday".',
    },
    {
      id: 'child-age',
      kind: 'age',
      prompt: 'How old is your child?',
      help: 'Children of different ages are dealt with a little differently. If more than one child is involved, tell me the age of the youngest.',
      example: 'For example: "8 months", "6" or "15 years".',
    },
  ],
  summarise,
};

function contactStep(who: string | undefined): string {
  switch (who) {
    case 'social-worker':
      return "Write down the social worker's name, team, phone number and email. Ask them to tell you in writing what the worry is.";
    case 'police':
      return 'Ask the police for the officer\'s name and the incident reference number, and whether children\'s services are involved too. The police and children\'s services work together when a child may be at risk.';
    case 'school-health':
      return 'A school, nursery or health worker may have shared a worry with children\'s services. You can ask them, calmly, what they were worried about and what they passed on.';
    case 'letter':
      return 'Keep the letter or message safe and reply in writing to say you got it. Ask who your social worker is and what happens next.';
    default:
      return 'Find out who is dealing with this: ask for a name, a team and a way to contact them, and write it all down.';
  }
}

function processSteps(process: string | undefined): string[] {
  switch (process) {
    case 's17':
      return [
        'A child in need assessment (section 17) is about support for your family, so you should be asked to agree to it. Before you say no, get advice, as nobody can tell you for sure how the council would respond.',
        'The assessment should reach a decision within 45 working days of the referral, and it is often quicker. Ask the social worker when they expect to finish, and what help they might offer.',
      ];
    case 's47':
      return [
        'Section 47 enquiries mean the council suspects your child may be at risk of serious harm, and the law says it must look into that. You cannot stop the enquiries, but you can ask questions and give your side.',
        'The police and health usually take part. If serious worries remain, there may be a child protection conference, normally within 15 working days of the strategy discussion.',
      ];
    default:
      return [
        'Ask the social worker, in writing: "Is this a section 17 child in need assessment, or section 47 child protection enquiries?" The answer changes what you have to agree to.',
        'Whichever it is, the council should reach a decision on next steps within 45 working days of the referral. Urgent decisions can come sooner.',
      ];
  }
}

function visitStep(date: string | undefined, today: string): string {
  if (isIsoDay(date)) {
    const days = daysBetween(today, date);
    const when = `${formatDay(date, today)} (${describeDistance(date, today)})`;
    if (days < 0) {
      return `You said the visit was on ${when}. If it has happened, write down what was said while you remember, and ask for a copy of the assessment when it is done.`;
    }
    if (days <= 3) {
      return `The visit is very soon: ${when}. Today, write a short list of the points you want to make, and ask someone you trust to be with you.`;
    }
    return `The visit is on ${when}. Use the time to write down your side, gather anything useful such as school or health letters, and find a supporter to be with you.`;
  }
  return 'Ask for the date and time of any visit in writing, and who will come. You can ask for a time when a supporter can be with you.';
}

function ageStep(months: string | undefined): string {
  const years = ageInYears(months);
  if (years === undefined) {
    return 'Whatever your child\'s age, the council should find out what they want and feel, as far as they can say. Babies and young children get extra care because they cannot speak up for themselves.';
  }
  if (years < 1) {
    return 'Social workers take extra care with babies, because a baby depends on adults for everything and cannot tell anyone if something is wrong. Expect them to want to see your baby.';
  }
  if (years < 5) {
    return 'Young children cannot easily explain things, so the social worker will want to see your child and how they are cared for day to day. Think about who else sees your child, such as nursery or family.';
  }
  if (years < 12) {
    return 'The council has to find out what your child wishes and feels, and take it into account. Tell your child calmly that someone may ask them how things are.';
  }
  if (years < 16) {
    return 'Your child is old enough for their own views to count for a lot. The council must ask what they want and feel, so talk with them about what is happening.';
  }
  if (years < 18) {
    return 'At 16 or 17, your child has more say. If they need somewhere to live, they can usually agree to council accommodation even if you object, so keep talking with them.';
  }
  return 'Children\'s services work with children under 18. If your child is now 18 or over, ask the social worker who the referral is really about.';
}

function summarise(answers: Answers, today: string): Summary {
  const steps: string[] = [];
  const process = answers.process;

  steps.push(contactStep(answers['who-contacted']));
  steps.push(...processSteps(process));
  steps.push(
    'Unless there is a court order or the police use emergency powers, you can say no to a social worker coming in. Saying no can make them more worried, so if now is not a good time, offer another time or place.',
  );
  steps.push(visitStep(answers['visit-date'], today));
  steps.push('Keep notes of every call and visit: the date, who it was and what was said. Ask for important things by email, so you have them in writing.');
  steps.push(ageStep(answers['child-age']));
  if (process !== 's47') {
    steps.push('In Wales, support assessments come under the Social Services and Well-being (Wales) Act 2014, not section 17. Section 47 enquiries work the same way in Wales.');
  }

  return {
    steps,
    entries: [
      'referral-assessment-s17-or-s47',
      process === 's17' ? 'referral-assessment-asking-for-support' : 'referral-assessment-do-i-have-to-let-them-in',
      'referral-assessment-how-long',
    ],
  };
}
