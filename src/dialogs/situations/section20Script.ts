import { Answers, SituationScript, Summary } from './situationScript';
import { ageInYears } from './scriptDates';

/** A child is in, or may go into, voluntary accommodation under section 20 (FACTS.md §4, §13). */
export const section20Script: SituationScript = {
  topic: 'section-20',
  title: 'Section 20 (voluntary care)',
  intro:
    "I'll ask you up to 4 short questions about section 20, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'situation',
      kind: 'choice',
      prompt: 'Is your child already in section 20 care, or are you being asked to sign?',
      help: 'Section 20 means your child lives away from home, with foster carers or family, because you agreed to it and there is no court order. Your rights are a little different before and after you sign.',
      example: 'For example: "already in care" or "they want me to sign".',
      allowUnsure: true,
      choices: [
        {
          value: 'accommodated',
          title: 'Already in section 20 care',
          synonyms: ['already', 'already there', 'already in', 'already in care', 'in care', 'in section 20', 'in s20', 'accommodated', 'acommodated', 'already signed', 'i signed', 'signed it', 'with foster carers', 'in foster care', 'fostered', 'placed', 'with family', 'with nan', 'with grandparents', 'been taken', 'theyre there'],
        },
        {
          value: 'asked-to-sign',
          title: 'I am being asked to sign',
          synonyms: ['asked to sign', 'asked', 'sign', 'signing', 'want me to sign', 'they want me to sign', 'wanting me to sign', 'sign a form', 'form', 'consent form', 'agreement', 'they asked', 'being pressured', 'pressure', 'pressured', 'not yet', 'not signed', 'havent signed', "haven't signed", 'should i sign'],
        },
      ],
    },
    {
      id: 'want-home',
      kind: 'choice',
      prompt: 'Do you want your child to come home?',
      help: 'There is no wrong answer. Some parents want their child back straight away, some want it to happen step by step, and some agree their child should stay for now.',
      example: 'For example: "yes, now", "yes but not yet" or "no".',
      allowUnsure: true,
      askIf: (answers) => answers.situation === 'accommodated',
      choices: [
        {
          value: 'now',
          title: 'Yes, now',
          synonyms: ['yes', 'yes now', 'yes, now', 'yeah', 'yep', 'ye', 'ya', 'y', 'now', 'right now', 'asap', 'today', 'straight away', 'immediately', 'i want them back', 'want them home', 'definitely'],
        },
        {
          value: 'later',
          title: 'Yes, but not yet',
          synonyms: ['not yet', 'yes but not yet', 'yes but', 'later', 'eventually', 'in time', 'one day', 'soon', 'step by step', 'slowly', 'when things are better', 'when im ready', 'when i am ready', 'not right now'],
        },
        {
          value: 'no',
          title: 'No, not for now',
          synonyms: ['no', 'nope', 'nah', 'na', 'n', 'no not now', 'not for now', 'they should stay', 'stay', 'staying', 'better where they are', 'i cant cope', "i can't cope"],
        },
      ],
    },
    {
      id: 'court',
      kind: 'yesNo',
      prompt: 'Is there a court order or a court case about your child?',
      help: 'A court order can change your rights under section 20, so it matters. Court papers will have the name of a court on them.',
      example: 'For example: "yes", "no" or "not sure".',
    },
    {
      id: 'child-age',
      kind: 'age',
      prompt: 'How old is your child?',
      help: 'The rules are different for 16 and 17 year olds, and a child\'s own wishes count more as they get older.',
      example: 'For example: "8 months", "6" or "16 years".',
    },
  ],
  summarise,
};

function situationSteps(situation: string | undefined, wantHome: string | undefined): string[] {
  if (situation === 'asked-to-sign') {
    return [
      'You do not have to sign: section 20 is voluntary, and the council has no power under it to make you agree. Take your time, and get legal advice before you sign anything.',
      'You should be told your rights clearly, out loud and in writing. If you do sign, ask for a copy, and for the plan in writing: where your child will live, when you will see them, and when it will be reviewed.',
    ];
  }
  if (situation === 'accommodated') {
    const plan = 'Ask for a copy of the section 20 agreement and the plan in writing, including when you will see your child and when the plan will be reviewed.';
    switch (wantHome) {
      case 'now':
        return [
          'If you have parental responsibility and there is no court order, you can take your child home at any time, without notice. Tell the social worker in writing, such as by email, when you will collect them.',
          'If you can, plan the return with the social worker so the move is calm for your child. Get legal advice first, especially if they mention going to court.',
        ];
      case 'later':
        return [
          'You can end section 20 whenever you choose. Ask for a written plan for your child\'s return: what needs to happen first, and by when.',
          plan,
        ];
      case 'no':
        return [
          'Your child staying for now does not take away your parental responsibility. Ask how you will be involved in decisions about school, health and where your child lives.',
          plan,
        ];
      default:
        return [
          'You can take time to decide, and you can change your mind later. Ask the social worker what they think needs to happen before your child could come home.',
          plan,
        ];
    }
  }
  return [
    'Ask the social worker, in writing, whether your child is "accommodated under section 20" or whether there is a court order. The answer decides what rights you have.',
  ];
}

function courtStep(court: string | undefined): string {
  switch (court) {
    case 'yes':
      return 'A court order can limit your right to take your child home, so show it to a solicitor before you act. If there are care proceedings, parents get legal aid whatever their income.';
    case 'no':
      return 'With no court order, the council cannot use section 20 to keep your child from you. If it thinks your child is at serious risk, it can apply to court, and in an emergency the police can act for up to 72 hours.';
    default:
      return 'Check whether there is any court order: ask the social worker in writing, and show a solicitor any court papers you have.';
  }
}

function ageStep(months: string | undefined): string {
  const years = ageInYears(months);
  if (years === undefined) {
    return 'Whatever your child\'s age, the council must ask what they want. From 16, a young person\'s own agreement to stay can count for more than a parent\'s objection.';
  }
  if (years < 2) {
    return 'For a baby or toddler, time together often helps keep your bond strong. Ask for time with your child to be as often as possible, and for it to be written into the plan.';
  }
  if (years < 16) {
    return 'The council must ask your child what they want and give it proper weight, as far as their age and understanding allow. Tell the social worker what you know about your child\'s wishes too.';
  }
  if (years < 18) {
    return 'At 16 or 17, your child\'s own agreement counts. If they agree to stay in council accommodation, the council can usually keep them there even if you object, so talk with your child as well as the social worker.';
  }
  return 'Section 20 is for children under 18. If your child is now 18 or over, they are an adult and can decide where they live.';
}

function summarise(answers: Answers): Summary {
  const situation = answers.situation;
  const years = ageInYears(answers['child-age']);
  const steps: string[] = [];

  steps.push(...situationSteps(situation, answers['want-home']));
  steps.push(courtStep(answers.court));
  steps.push(
    'Get advice from a solicitor who specialises in children law: search the Law Society\'s Find a Solicitor website. If you are sent a letter before proceedings, legal advice becomes free whatever your income.',
  );
  steps.push(ageStep(answers['child-age']));
  steps.push(
    'In Wales, voluntary care comes under section 76 of the Social Services and Well-being (Wales) Act 2014 instead of section 20. The same court rulings on parents\' rights apply.',
  );

  return {
    steps,
    entries: [
      situation === 'asked-to-sign' ? 'section-20-should-i-sign' : 'section-20-getting-child-back',
      years !== undefined && years >= 16 && years < 18 ? 'section-20-teenager' : 'section-20-overview',
      'contact-child-in-care-section-20',
    ],
  };
}
