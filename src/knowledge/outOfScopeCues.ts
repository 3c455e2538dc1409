/**
 * What TAXONOMY.md calls out-of-scope, as words: benefits, housing on its own, Scotland and Northern
 * Ireland, immigration, schools, money after separation, work, and small talk. These form a
 * pseudo-entry that competes with the real ones, so "my landlord served a section 21" loses to it
 * instead of being answered as if it were about section 20. It is never shown as an answer.
 */
export const OUT_OF_SCOPE_CUES: readonly string[] = [
  'universal credit benefits benefit claim pip dwp esa dla carers allowance attendance allowance jobseekers allowance tax credits child benefit council tax',
  'landlord eviction evicted section 21 notice rent arrears tenancy housing association homeless deposit mortgage repossession',
  'scotland scottish childrens hearing reporter glasgow edinburgh aberdeen dundee northern ireland belfast',
  'visa immigration home office asylum deportation passport residency settled status',
  'school admission exclusion excluded detention bullying teacher homework ofsted uniform',
  'divorce financial settlement pension house sale maintenance payments child maintenance service cms',
  'employment employer tribunal boss job work time off fired dismissed wages',
  'weather football recipe robot joke song movie film holiday flight',
  'pet dog cat vet animal',
  'care home fees elderly dementia nursing home',
  'car parking fine speeding ticket',
];
