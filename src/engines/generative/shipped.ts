/** Where the shipped generative models live (public/models/<dir>/) and how their quality is sampled. */
export const GAN_MODEL = 'dcgan-generator';
export const GAN_MODEL_DIR = 'dcgan-mnist';
export const VAE_MODEL = 'vae';
export const VAE_MODEL_DIR = 'vae-mnist';
/** Quality is measured on this many samples from codes z ~ N(0, I) drawn with this seed. */
export const QUALITY_SAMPLES = 1000;
export const QUALITY_SEED = 2017;
