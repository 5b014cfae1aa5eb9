// The vocabulary of medical-imaging and machine-learning writing that SCOWL's common English lacks:
// modalities and their acronyms, anatomy and disease, methods and architectures that are not
// catalogued models, metrics, venues and file formats. Base forms only (plurals and possessives are
// derived). These words never pop a model or dataset name while typing, so a catalogued name must
// never be listed here: the test of ordinary words checks that no entry is a catalogue name.
// The list was drawn up from the words of the field that `isOrdinaryWord` missed in real abstracts
// (MIDL 2023, ../shared/corpus/bib/s1-midl2023.bib) and in the catalogue's own facet values.

/** Lower-case terms of the field, in base form. */
export const DOMAIN_TERMS: readonly string[] = [
  // Modalities, sequences and acquisition.
  'ct', 'mri', 'mr', 'pet', 'spect', 'oct', 'octa', 'cxr', 'xray', 'x-ray', 'radiograph', 'radiography', 'radiographic',
  'radiomic', 'radiomics', 'mammographic', 'mammography', 'ultrasonography', 'sonography', 'sonographic', 'echocardiography',
  'echocardiogram', 'echocardiographic', 'endoscopy', 'endoscopic', 'colonoscopy', 'colonoscopic', 'laparoscopy',
  'laparoscopic', 'histopathology', 'histopathologic', 'histopathological', 'histology', 'histological', 'cytopathology',
  'cytology', 'dermoscopy', 'dermoscopic', 'dermatoscopy', 'dermatoscopic', 'fundus', 'fundoscopy', 'retinopathy', 'macular',
  'neuro', 'neuroimaging', 'angiography', 'angiogram', 'fluoroscopy', 'tomography', 'tomographic', 'tomosynthesis', 'dbt',
  'cbct', 'hrct', 'ldct', 'petct', 'pet-ct', 'pet/ct', 'spect-ct', 't1', 't2', 't1w', 't2w', 't1-weighted', 't2-weighted',
  'dwi', 'adc', 'swi', 'fmri', 'dti', 'cine', 'lge', 'perfusion', 'ffpe', 'h&e', 'ihc', 'immunohistochemistry',
  'immunohistochemical', 'wsi', 'whole-slide', 'gigapixel', 'voxel', 'volumetric', 'modality', 'multimodal', 'multi-modal',
  'unimodal', 'uni-modal', 'cross-modal', 'multimodality', 'dicom', 'nifti', 'pacs', 'ehr', 'emr', 'mri-based', 'ct-based',
  '2d', '3d', '4d', '2.5d', 'cfp', 'ffa', 'oct-a', 'ivus', 'us', 'ecg', 'eeg',
  // Anatomy, findings and disease.
  'thoracic', 'abdominal', 'pelvic', 'hepatic', 'renal', 'pancreatic', 'prostatic', 'cerebral', 'intracranial', 'cardiac',
  'myocardial', 'pulmonary', 'colorectal', 'gastrointestinal', 'oesophageal', 'esophageal', 'ocular', 'ophthalmic',
  'adenocarcinoma', 'carcinoma', 'glioma', 'glioblastoma', 'meningioma', 'melanoma', 'lymphoma', 'nodule', 'polyp',
  'lesion', 'tumour', 'tumor', 'metastasis', 'metastases', 'covid', 'covid-19', 'sars-cov-2', 'pneumothorax',
  'cardiomegaly', 'atelectasis', 'effusion', 'consolidation', 'alzheimer', 'parkinson', 'oncologic', 'oncological',
  'intraoperative', 'preoperative', 'postoperative', 'perioperative', 'nuclei', 'mitosis', 'mitotic', 'glaucoma',
  'cataract', 'diabetic', 'retina', 'retinal', 'endometrial', 'cervical', 'thyroid', 'breast', 'lung', 'liver', 'kidney',
  // Methods, training and architectures (not catalogued models).
  'segmentation', 'denoising', 'super-resolution', 'captioning', 'grounding', 'vqa', 'zero-shot', 'few-shot', 'one-shot',
  'fine-tuning', 'fine-tune', 'fine-tuned', 'finetune', 'finetuning', 'finetuned', 'pretraining', 'pre-training', 'pretrain',
  'pretrained', 'pre-trained', 'self-supervised', 'semi-supervised', 'weakly-supervised', 'ssl', 'contrastive', 'autoencoder',
  'autoencoding', 'autoregressive', 'mae', 'mim', 'vit', 'cnn', 'convolutional', 'decoder', 'encoder', 'llm', 'vlm', 'lvlm',
  'lmm', 'mllm', 'fm', 'embedding', 'tokenizer', 'tokenization', 'promptable', 'prompting', 'annotator', 'dataset',
  'benchmark', 'baseline', 'lora', 'peft', 'adapter', 'distillation', 'dino', 'dinov2', 'dinov3', 'siglip', 'clip', 'blip',
  'blip-2', 'llava', 'gpt', 'gpt-4', 'gpt-4v', 'gpt-4o', 'vicuna', 'llama', 'qwen', 'gemini', 'bert', 'pubmedbert', 'biobert',
  'roberta', 'resnet', 'resnet-50', 'unet', 'u-net', 'nnu-net', 'nnunet', 'swin', 'simclr', 'moco', 'byol', 'ibot', 'beit',
  'densenet', 'efficientnet', 'convnext', 'yolo', 'transformer', 'mamba', 'diffusion', 'gan', 'vae', 'mlp', 'mil',
  'pca', 'svm', 'knn', 'rnn', 'lstm', 'gru', 'gp', 'gps', 'mcmc', 'sgd', 'adam', 'relu', 'batchnorm', 'dropout',
  'attention-based', 'multi-task', 'multitask', 'multi-label', 'multilabel', 'multi-class', 'multiclass', 'end-to-end',
  'in-context', 'instruction-tuned', 'instruction-tuning', 'generalist', 'generalisable', 'generalizable', 'explainability',
  'interpretability', 'explainable', 'interpretable', 'hallucination', 'linear-probe', 'data-efficient', 'label-efficient',
  'downstream', 'upstream', 'subtyping', 'survival', 'prognostic', 'biomarker', 'genomic', 'genomics', 'transcriptomic',
  'transcriptomics', 'proteomic', 'radiologist', 'pathologist', 'clinician', 'dermatologist', 'ophthalmologist',
  'cardiologist', 'imagenet', 'laion', 'coco', 'pubmed', 'pmc', 'umls', 'snomed', 'icd', 'monai', 'pytorch', 'huggingface',
  'github', 'api', 'gpu', 'tpu', 'cpu', 'flops', 'deblurring', 'inpainting', 'upsampling', 'downsampling',
  // Units, places and institutions.
  'crc', 'hcc', 'nsclc', 'luad', 'lusc', 'brca', 'amd', 'ich', 'copd', 'mci', 'ards',
  'mm', 'cm', 'ml', 'µm', 'um', 'kg', 'ms', 'hz', 'mhz', 'uk', 'usa', 'eu', 'nih', 'nhs',
  // Metrics.
  'auc', 'auroc', 'auprc', 'roc', 'dice', 'dsc', 'iou', 'miou', 'map', 'hd95', 'hd', 'asd', 'nsd', 'f1', 'bleu', 'rouge',
  'rouge-l', 'meteor', 'cider', 'bertscore', 'radgraph', 'chexbert', 'specificity', 'sensitivity', 'accuracy', 'rmse',
  'mse', 'psnr', 'ssim', 'fid', 'kappa', 'c-index', 'top-1', 'top-5',
  // Venues, archives and publishers.
  'arxiv', 'medrxiv', 'biorxiv', 'miccai', 'midl', 'isbi', 'tmi', 'media', 'neurips', 'nips', 'iclr', 'icml', 'cvpr', 'iccv',
  'eccv', 'wacv', 'bmvc', 'aaai', 'ijcai', 'acl', 'emnlp', 'naacl', 'nejm', 'jama', 'rsna', 'fda', 'ieee', 'springer',
  'elsevier',
  // Words of review prose.
  'et', 'al', 'i.e', 'e.g', 'etc', 'vs', 'cf', 'fig', 'eq', 'tab', 'sec', 'ref', 'refs', 'approx', 'preprint', 'preprints',
  'open-source', 'open-sourced', 'state-of-the-art', 'sota', 'large-scale', 'small-scale', 'real-world', 'vision-language',
  'vision-only', 'image-text', 'text-image', 'image-level', 'pixel-level', 'patch-level', 'slide-level', 'report-level',
];
