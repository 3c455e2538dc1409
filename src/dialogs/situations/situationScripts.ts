import { careProceedingsScript } from './careProceedingsScript';
import { childProtectionPlanScript } from './childProtectionPlanScript';
import { complaintSocialWorkerScript } from './complaintSocialWorkerScript';
import { domesticAbuseScript } from './domesticAbuseScript';
import { kinshipCareScript } from './kinshipCareScript';
import { maliciousReferralScript } from './maliciousReferralScript';
import { referralAssessmentScript } from './referralAssessmentScript';
import { section20Script } from './section20Script';
import { SituationScript } from './situationScript';

/** Every guided conversation, in the order the main menu lists situations. */
export const SITUATION_SCRIPTS: readonly SituationScript[] = [
  referralAssessmentScript,
  maliciousReferralScript,
  childProtectionPlanScript,
  domesticAbuseScript,
  section20Script,
  careProceedingsScript,
  complaintSocialWorkerScript,
  kinshipCareScript,
];

export function scriptFor(topic: string): SituationScript | undefined {
  return SITUATION_SCRIPTS.find((script) => script.topic === topic);
}
