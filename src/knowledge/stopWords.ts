/**
 * Words that say nothing about which topic a message is about. Question words and negations are
 * kept out of this list on purpose only where they change the topic; here none do, so they go.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are around as at be because been before being
  below between both but by can could did do does doing done down during each else even ever every few for from further get
  gets getting got had has have having he her here hers herself him himself his how i if in into is it its itself just know
  let like may me might more most much must my myself no nor not now of off on once one only or other ought our ours
  ourselves out over own please really said same say says she should since so some someone something still such than thank
  thanks that the their theirs them themselves then there these they thing things this those though through to too under
  until up upon us very want wanted wants was way we well were what when where whether which while who whom whose why will
  with would yes yet you your yours yourself yourselves hi hello hey im ive dont cant wont didnt doesnt isnt hes shes theyre thats whats wasnt arent havent hasnt
  couldnt wouldnt shouldnt youre weve theyve id help advice 
  anybody everyone everything ok okay u ur pls plz x xx xxx lol tbh think thought going go went come came
  really just also ago heard nothing anything told tell telling asked ask asking make made take taking look looking feel feeling felt try trying`
    .split(/\s+/)
    .filter(Boolean),
);
