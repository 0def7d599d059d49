/** How the sample quality of the shipped generative models (src/data/shipped-models.ts) is measured. */
/** Quality is measured on this many samples from codes z ~ N(0, I) drawn with this seed. */
export const QUALITY_SAMPLES = 1000;
export const QUALITY_SEED = 2017;
