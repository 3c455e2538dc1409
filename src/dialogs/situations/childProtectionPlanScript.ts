import { Answers, SituationScript, Summary } from './situationScript';
import { daysBetween, describeDistance, formatDay, isIsoDay } from './scriptDates';

/** A child protection conference is coming up, or a plan is already in place (FACTS.md §3). */
export const childProtectionPlanScript: SituationScript = {
  topic: 'child-protection-plan',
  title: 'Child protection plan or conference',
  intro:
    "I'll ask you up to 5 short questions about the conference or plan, then give you next steps that fit. You can type \"help\" at any question, \"back\" to change an answer, or \"start over\".",
  questions: [
    {
      id: 'stage',
      kind: 'choice',
      prompt: 'Is a child protection conference coming up, or is there already a plan?',
      help: 'A conference is the meeting that decides whether a child needs a child protection plan. If a plan is already in place, there will be review conferences and core group meetings.',
      example: 'For example: "conference next week" or "we already have a plan".',
      allowUnsure: true,
      choices: [
        { value: 'upcoming', title: 'A conference is coming up', synonyms: ['conference', 'coming up', 'first conference', 'initial conference', 'icpc', 'meeting coming up', 'invited'] },
        { value: 'plan', title: 'There is already a plan', synonyms: ['plan', 'already', 'on a plan', 'cp plan', 'in place', 'review', 'review conference'] },
      ],
    },
    {
      id: 'conference-date',
      kind: 'date',
      prompt: 'When is the conference? A date like 3/12 or words like "next Tuesday" are fine.',
      help: 'Knowing the date lets me tell you how much time you have to get ready. If you do not know yet, tap "I don\'t know yet".',
      example: 'For example: "14 December", "3/12" or "next Tuesday".',
      askIf: (answers) => answers.stage !== 'plan',
    },
    {
      id: 'review-date',
      kind: 'date',
      prompt: 'When is the next review conference? A date like 3/12 or words like "in 6 weeks" are fine.',
      help: 'Review conferences check whether the plan is still needed. Knowing the date helps me tell you what to do before it.',
      example: 'For example: "20 January" or "next month".',
      askIf: (answers) => answers.stage === 'plan',
    },
    {
      id: 'seen-report',
      kind: 'yesNo',
      prompt: "Have you seen the social worker's report for the conference?",
      help: 'The social worker writes a report for each conference. You should be able to read it beforehand so you can say what is wrong in it.',
      example: 'For example: "yes", "no" or "not sure".',
    },
    {
      id: 'core-group',
      kind: 'yesNo',
      prompt: 'Have you been to a core group meeting yet?',
      help: 'The core group is you, the social worker and the other professionals who carry out the plan. It should first meet within 10 working days of the conference.',
      example: 'For example: "yes, last week" or "no".',
      askIf: (answers) => answers.stage === 'plan',
    },
    {
      id: 'agree',
      kind: 'choice',
      prompt: 'Do you agree with what children\'s services are worried about?',
      help: 'It is fine to agree with some things and not others. Your answer changes what I suggest you do before and after the meeting.',
      example: 'For example: "mostly", "no, not at all" or "partly".',
      allowUnsure: true,
      choices: [
        { value: 'agree', title: 'Yes, mostly', synonyms: ['yes', 'agree', 'mostly', 'i agree', 'yeah'] },
        { value: 'partly', title: 'Some of it', synonyms: ['partly', 'some', 'some of it', 'bits', 'a bit'] },
        { value: 'disagree', title: 'No, I disagree', synonyms: ['no', 'disagree', 'not at all', 'nope', 'none of it', 'wrong'] },
      ],
    },
  ],
  summarise,
};

function summarise(answers: Answers, today: string): Summary {
  const steps: string[] = [];
  const plan = answers.stage === 'plan';
  const meeting = plan ? 'review conference' : 'conference';
  const date = plan ? answers['review-date'] : answers['conference-date'];

  if (isIsoDay(date)) {
    const days = daysBetween(today, date);
    const when = `${formatDay(date, today)} (${describeDistance(date, today)})`;
    if (days < 0) {
      steps.push(`You said the ${meeting} was on ${when}. If it has happened, ask the social worker for the written minutes and the plan, and check they are right.`);
    } else if (days <= 3) {
      steps.push(`Your ${meeting} is very soon: ${when}. Today, write a short list of what you want to say, and ask someone you trust to come with you.`);
    } else {
      steps.push(`Your ${meeting} is on ${when}. Use the time to write down what you want the meeting to know, and to find someone to come with you.`);
    }
  } else if (plan) {
    steps.push('Ask the social worker for the date of the next review conference, in writing. The first review should be within 3 months of the first conference, then at least every 6 months.');
  } else {
    steps.push('Ask the social worker for the date and time of the conference, in writing. A first conference should usually happen within 15 working days of the strategy discussion.');
  }

  if (answers['seen-report'] === 'yes') {
    steps.push('Go through the report and mark anything that is wrong or missing. Write your corrections down and bring them, so they can be recorded.');
  } else if (answers['seen-report'] === 'no') {
    steps.push('Ask the social worker for their report now, by email, so you have time to read it before the meeting. If it is not sent, say at the start of the meeting that you have not seen it.');
  } else {
    steps.push('Check with the social worker whether their report is ready and ask for a copy by email. You should be able to read it before the meeting.');
  }

  if (answers.stage !== 'plan' && answers.stage !== 'upcoming') {
    steps.push('Ask the social worker to tell you in writing whether your child is on a child protection plan, or whether a conference is being arranged.');
  }

  steps.push('You can bring a supporter, such as a friend, relative or advocate. Tell the social worker who is coming beforehand.');

  if (plan && answers['core-group'] === 'no') {
    steps.push('The core group should first meet within 10 working days of the conference. If that has not happened, ask the social worker when it will, and write it down.');
  } else if (plan && answers['core-group'] === 'yes') {
    steps.push('At each core group meeting, check who will do what and by when. Keep notes. If support in the plan is not happening, write to the conference chair and copy in the social worker and their manager.');
  } else if (plan) {
    steps.push('Ask the social worker who is in the core group and when it meets. It is where the plan is put into action, so try to go to every meeting.');
  }

  switch (answers.agree) {
    case 'disagree':
      steps.push('You can say at the meeting that you disagree, calmly and with examples. Ask for your view to be written in the minutes.');
      steps.push("To challenge a conference decision afterwards, use your area's child protection conference complaints process (ask the chair or the council for it). Do it in writing and soon: some areas allow only 28 days.");
      break;
    case 'partly':
      steps.push('Be clear about which worries you accept and which you do not, with examples. Accepting some worries and showing what you are doing about them usually helps.');
      break;
    case 'agree':
      steps.push('Say you want to work with them, and ask exactly what needs to change for the plan to end. Keep a record of everything you do.');
      break;
    default:
      steps.push('It is fine not to know yet what you think. Ask the social worker to explain, in plain words, what they are worried about and what they want to change.');
  }

  return {
    steps,
    entries: [
      plan ? 'child-protection-plan-coming-off' : 'child-protection-plan-conference',
      answers.agree === 'disagree' ? 'child-protection-plan-challenge-decision' : 'child-protection-plan-overview',
      'child-protection-plan-professionals-not-doing-their-part',
    ],
  };
}
