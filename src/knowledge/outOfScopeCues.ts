/**
 * Each cue is a word or a phrase; a phrase counts only as the whole phrase ("school place"), never
 * through its single words ("school" is in many real questions).
 * What TAXONOMY.md calls out-of-scope, as words: benefits, housing on its own, Scotland and Northern
 * Ireland, immigration, schools, money after separation, work, and small talk. These form a
 * pseudo-entry that competes with the real ones, so "my landlord served a section 21" loses to it
 * instead of being answered as if it were about section 20. It is never shown as an answer.
 */
export const OUT_OF_SCOPE_CUES: readonly string[] = [
  // Money and benefits
  'universal credit', 'uc advance', 'benefits', 'benefit claim', 'pip', 'dwp', 'esa', 'dla', 'carers allowance', 'attendance allowance',
  'jobseekers allowance', 'tax credits', 'child benefit', 'council tax', 'blue badge',
  // Housing on its own
  'landlord', 'eviction', 'evicted', 'section 21', 'section 8 notice', 'rent arrears', 'tenancy', 'housing register', 'housing association',
  'homeless', 'deposit', 'mortgage', 'repossession', 'freeholder', 'leaseholder', 'major works',
  // Other parts of the UK
  'scotland', 'scottish', 'childrens hearing', 'reporter', 'glasgow', 'edinburgh', 'aberdeen', 'dundee', 'northern ireland', 'belfast', 'unocini',
  // Immigration
  'visa', 'visas', 'immigration', 'home office', 'asylum', 'deportation', 'passport', 'residency', 'settled status', 'sponsor',
  // Schools
  'school admission', 'school place', 'school appeal', 'exclusion', 'excluded', 'detention', 'bullying', 'homework', 'ofsted', 'uniform', 'ehcp',
  // Money after separation
  'divorce', 'financial settlement', 'pension', 'house sale', 'child maintenance', 'maintenance payments',
  // Work
  'employment', 'employer', 'tribunal', 'boss', 'time off work', 'redundant', 'redundancy', 'fired', 'dismissed', 'wages', 'payday', 'dbs check for a job',
  // Adults, not children
  'adult social care', 'adult services', 'care needs assessment', 'elderly', 'dementia', 'nursing home', 'care home fees', 'hospital discharge',
  // Health, consumer and crime questions of the person's own
  'rash', 'high temperature', 'a and e', '111', 'prescription', 'refund', 'faulty', 'consumer rights', 'spam calls', 'bank account', 'shoplifting',
  'speeding', 'parking fine',
  // Small talk and other subjects
  'weather', 'football', 'recipe', 'robot', 'chatbot', 'are you a bot', 'real person or a bot', 'joke', 'song', 'movie', 'holiday', 'flight',
  'pet', 'dog', 'cat', 'vet', 'animal',
];
