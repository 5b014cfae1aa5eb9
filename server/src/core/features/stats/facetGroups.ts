// The catalogue describes modalities, tasks and training paradigms in the words of each paper
// ("X-ray (chest, frontal)", "contrastive (CLIP fine-tuning)"). A trend chart needs a dozen groups,
// not two hundred labels, so each free-text value is sorted into a group by ordered keyword rules.
// The first rule that matches wins, which is why the specific rules (mammography, OCT) come before
// the broad ones (X-ray, ophthalmology).

type Rule = readonly [group: string, pattern: RegExp];

const MODALITY_RULES: readonly Rule[] = [
  [
    'Multi-modality',
    /multi-?modal|multiple|biomedical (figures|images)|medical images|2d and 3d|3d medical|nine imaging|radiology, pathology/i,
  ],
  ['Mammography', /mammograph/i],
  ['OCT', /\boct\b|optical coherence/i],
  ['Fundus / ophthalmology', /fundus|retin|ophthalm|slit lamp|external eye|angiography|ultra-widefield|biomicroscopy/i],
  ['Echocardiography', /echocardio/i],
  ['Ultrasound', /ultrasound|b-scan|sonograph/i],
  ['X-ray', /x-?ray|radiograph|cxr/i],
  ['PET', /\bpet\b/i],
  ['CT', /\bct\b|computed tomography/i],
  ['MRI', /\bmri\b|magnetic resonance/i],
  ['Pathology', /patholog|histolog|histopatholog|\bwsi\b|whole-slide|cytolog|h&e/i],
  ['Dermatology', /dermat|dermoscop|skin|total body photo|clinical photo/i],
  ['Endoscopy / surgery', /endoscop|colonoscop|surgical|laparoscop/i],
  ['Microscopy', /microscop/i],
  ['Radiology (other)', /radiolog/i],
  ['Text / omics (non-imaging)', /text|genom|gene expression|rna/i],
];

const TASK_RULES: readonly Rule[] = [
  ['Report generation', /report|caption/i],
  ['VQA / QA', /\bvqa\b|\bqa\b|question answering|dialog|conversation|chat|reasoning/i],
  ['Grounding', /ground|referring/i],
  ['Retrieval', /retriev|image-text matching/i],
  ['Segmentation', /segment/i],
  ['Detection / tracking', /detect|locali[sz]|track/i],
  ['Registration', /registration/i],
  ['Generation / synthesis', /generat|synthes|reconstruct/i],
  [
    'Prediction / biomarkers',
    /prognos|survival|risk|mortality|predict|biomarker|regression|estimation|response|relapse/i,
  ],
  ['Classification', /classif|diagnos|grading|recognition|identif|linear prob|subtyp|screening/i],
];

const PARADIGM_RULES: readonly Rule[] = [
  ['Generative / instruction tuning', /generative|instruction|llm|captioning|report generation|dialogue/i],
  ['Promptable segmentation', /prompt(able|ed)|interactive|in-context|one-shot|zero-shot seg|universal seg/i],
  ['Contrastive', /contrast|clip|image-text|alignment|itc|itm/i],
  ['Masked modelling', /mask|\bmae\b|beit|reconstruction|inpainting|restoration/i],
  ['Self-distillation', /distill|dino|ibot/i],
  ['Self-supervised (other)', /self-supervised|ssl|clustering|swav|pretext/i],
  ['Knowledge-enhanced', /knowledge/i],
  ['Supervised / fine-tuning', /supervis|fine-tun|adapter|lora|tuning/i],
];

/** The group of a free-text value under ordered rules, or "Other". */
function classify(value: string, rules: readonly Rule[]): string {
  return rules.find(([, pattern]) => pattern.test(value))?.[0] ?? 'Other';
}

/** The chart group of a modality label such as "X-ray (chest, frontal)" → "X-ray". */
export function groupModality(modality: string): string {
  return classify(modality, MODALITY_RULES);
}

/** The chart group of a task label such as "zero-shot classification" → "Classification". */
export function groupTask(task: string): string {
  return classify(task, TASK_RULES);
}

/** The chart group of a training-paradigm label such as "contrastive (CLIP fine-tuning)" → "Contrastive". */
export function groupParadigm(paradigm: string): string {
  return classify(paradigm, PARADIGM_RULES);
}
