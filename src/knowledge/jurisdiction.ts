/**
 * The bot's information is about England and Wales. Child protection law in Scotland and Northern
 * Ireland is different (children's hearings, different orders and agencies), so a message placed
 * there must not get an English answer, however English-sounding the question is. A message that
 * also names England or Wales (moving between them, say) is left to the matcher.
 */
const ELSEWHERE = /\b(scotland|scottish|glasgow|edinburgh|aberdeen|dundee|inverness|northern ireland|belfast|derry|londonderry)\b/;
const HERE = /\b(england|english|wales|welsh)\b/;

export function isOutsideEnglandAndWales(normalisedText: string): boolean {
  return ELSEWHERE.test(normalisedText) && !HERE.test(normalisedText);
}
