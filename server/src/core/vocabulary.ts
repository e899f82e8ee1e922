import { Bilingual } from './messages';

/**
 * The enumerated values of the schemas with their official Japanese wording (the seed paper's
 * terms), for completion, hover and messages. Keyed by the schema key that holds the value.
 */
export const vocabulary: Record<string, Record<string, Bilingual>> = {
  kijun: {
    guideline: { ja: '指針', en: 'guideline' },
    standard: { ja: '安全基準等', en: 'safety standard' },
    'action-plan': { ja: '行動計画', en: 'action plan' },
  },
  class: {
    '1': { ja: '強制基準（業法に基づき国が定める）', en: 'mandatory standard set by the state under sector law' },
    '2': { ja: '推奨基準・ガイドライン（業法に準じて国が定める）', en: 'recommended standard or guideline set by the state' },
    '3': { ja: '業界標準・ガイドライン（事業者団体等が定める）', en: 'industry standard or guideline set by an association' },
    '4': { ja: '内規（事業者自らが定める）', en: 'internal rules set by the operator itself' },
  },
  obligation: {
    'must-consider': { ja: '要検討事項', en: 'must be considered for inclusion' },
    reference: { ja: '参考事項', en: 'desirable to include (reference)' },
  },
  level: {
    abstract: { ja: '抽象的内容', en: 'abstract content' },
    concrete: { ja: '具体的内容', en: 'concrete measures' },
  },
  // How the sector standard a concrete measure comes from goes beyond the guideline (seed p28, 指針との対応).
  relation: {
    checklist: { ja: '具体的な対策と対策チェックシートの提示', en: 'concrete measures with a checklist' },
    commentary: { ja: '目的・考え方・実施方法等の事例を踏まえた解説', en: 'commentary with worked examples' },
    concretised: { ja: '対策項目の具体化', en: 'measures made concrete' },
    'worst-case': { ja: '想定し得る最悪のケースの具体化', en: 'worst cases made concrete' },
    'model-text': { ja: '例文と解説による具体化', en: 'model texts with commentary' },
    implementation: { ja: '実施内容の具体化', en: 'implementation made concrete' },
  },
  direction: {
    received: { ja: '自ら受ける脅威', en: 'threat the operator suffers' },
    caused: { ja: '他に与える脅威', en: 'threat the operator causes to others' },
  },
  responder: {
    society: { ja: '社会全体で対応が望まれる脅威', en: 'to be handled by society as a whole' },
    operator: { ja: '個別の重要インフラ事業者等が中心となって対応する脅威', en: 'handled mainly by the individual operator' },
  },
  info: {
    'A.a': { ja: 'A.a 各種規程の紹介（未然防止・再発防止）', en: 'A.a rules and guidelines (prevention)' },
    'A.b': { ja: 'A.b 個別の事例等に関する情報（未然防止・再発防止）', en: 'A.b case reports and best practices (prevention)' },
    'A.c': { ja: 'A.c 予兆・警報に関する情報（未然防止・再発防止）', en: 'A.c early signs and warnings (prevention)' },
    B: { ja: 'B 障害の拡大防止・復旧のため必要となる情報', en: 'B information needed to contain and recover from an outage' },
  },
  timing: {
    normal: { ja: '平時（要警戒時・障害発生時以外）', en: 'normal times' },
    alert: { ja: '要警戒時・障害発生時', en: 'on alert or during an outage' },
  },
  // The routes of the information-sharing system: a. and b. of the sharing table (seed p31), ①–③ of the route table (p34).
  route: {
    'operator-to-nisc': { ja: 'a. 事業者等→所管省庁→NISC（実施細目に基づく情報連絡）', en: 'a. operator → ministry → NISC (reporting under the implementation rules)' },
    'nisc-to-operator': { ja: 'b. NISC→所管省庁→CEPTOAR→事業者等（実施細目に基づく情報提供）', en: 'b. NISC → ministry → CEPTOAR → operators (provision under the implementation rules)' },
    'nisc-ministry': { ja: '① NISC–重要インフラ所管省庁（実施細目）', en: '① NISC – ministry in charge (implementation rules)' },
    'ministry-ceptoar': { ja: '② 重要インフラ所管省庁–CEPTOAR（予め定められた通信手段）', en: '② ministry in charge – CEPTOAR (means agreed in advance)' },
    'within-ceptoar': { ja: '③ CEPTOAR内（各CEPTOARの情報取り扱いルール）', en: '③ within a CEPTOAR (its own rules)' },
  },
  channel: {
    'implementation-rules': { ja: '実施細目に基づく連絡', en: 'under the implementation rules (実施細目)' },
    'ministry-ceptoar-means': { ja: '所管省庁とCEPTOARの間で予め定められた通信手段', en: 'the means agreed in advance between the ministry and the CEPTOAR' },
    newsletter: { ja: 'ニュースレター', en: 'newsletter' },
    'ci-web': { ja: '重要インフラ向けWeb', en: 'critical-infrastructure web portal' },
    ceptoar: { ja: '各セプター', en: 'each CEPTOAR' },
    'ceptoar-council': { ja: 'セプターカウンシル', en: 'CEPTOAR Council' },
  },
  measure: {
    'safety-standards': { ja: '安全基準等の整備', en: 'maintaining safety standards' },
    'information-sharing': { ja: '情報共有体制の強化', en: 'strengthening information sharing' },
    'interdependency-analysis': { ja: '相互依存性解析', en: 'interdependency analysis' },
    'cross-sector-exercise': { ja: '分野横断的演習', en: 'cross-sector exercises' },
  },
  scope: {
    'must-consider-abstract': { ja: '要検討事項のうち抽象的内容（大枠）', en: 'abstract must-consider items (the frame)' },
    'must-consider-concrete': { ja: '要検討事項のうち具体的内容', en: 'concrete must-consider items' },
    reference: { ja: '参考事項', en: 'reference items' },
  },
  cycle: {
    'plan-cycle': { ja: '行動計画の見直しと同じ周期', en: 'with the action-plan review cycle' },
    annual: { ja: '1年ごと', en: 'every year' },
    'as-needed': { ja: '必要に応じて適時に', en: 'as needed' },
  },
  kind: {
    process: { ja: 'プロセス評価', en: 'process indicator' },
    outcome: { ja: '成果（アウトカム）評価', en: 'outcome indicator' },
  },
};
