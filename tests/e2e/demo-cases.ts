/**
 * Every demo (Lecture 12's three CNN tools are one demo each) as the
 * contract spec drives them: where each lives, settings that keep a run small on SwiftShader,
 * one setting to carry through the URL, and how the demo works (stepped, or computed once).
 */
export interface DemoCase {
  /** data-demo id. */
  id: string;
  /** Page, relative to the base. */
  page: string;
  /** URL-hash settings for a small run (without the leading #), or ''. */
  hash: string;
  /** A setting the link gives ([key, value]) and the value the test then changes it to. */
  fromLink: [string, string];
  changeTo: string;
  /** `steps`: Step advances it (pausable); `once`: Play computes it to the end (done). */
  work: 'steps' | 'once';
  /** Where the demo shows its own check against a plain-TypeScript reference passing, if it has one. */
  agrees?: string;
  /** Backends on which the contract is a known gap (test.fixme), with the reason. */
  knownGaps?: Partial<Record<'webgpu' | 'webgl' | 'wasm' | 'cpu', string>>;
}

const L1 = 'notes/lecture-01-introduction/';
const L2 = 'notes/lecture-02-image-classification/';
const L3 = 'notes/lecture-03-loss-functions-and-optimization/';
const L4 = 'notes/lecture-04-introduction-to-neural-networks/';
const L5 = 'notes/lecture-05-convolutional-neural-networks/';
const A2 = 'notes/assignment-2/';
const L6 = 'notes/lecture-06-training-neural-networks-1/';
const L7 = 'notes/lecture-07-training-neural-networks-2/';
const L8 = 'notes/lecture-08-deep-learning-software/';
const L9 = 'notes/lecture-09-cnn-architectures/';
const L10 = 'notes/lecture-10-recurrent-neural-networks/';
const L12 = 'notes/lecture-12-visualizing-and-understanding/';
const L11 = 'notes/lecture-11-detection-and-segmentation/';
const L13 = 'notes/lecture-13-generative-models/';

export const DEMOS: DemoCase[] = [
  { id: 'optimizer-race', page: L7, hash: '', fromLink: ['speed', '2'], changeTo: '5', work: 'steps' },
  { id: 'linear-classifier', page: L2, hash: 'linear-classifier.steps=40', fromLink: ['digit', '7'], changeTo: '8', work: 'steps' },
  { id: 'loss-landscape', page: L3, hash: 'loss-landscape.steps=10&loss-landscape.digits=100', fromLink: ['resolution', '5'], changeTo: '7', work: 'once' },
  { id: 'tsne', page: L12, hash: 'tsne.n=500&tsne.exaggerationIterations=50', fromLink: ['iterations', '300'], changeTo: '250', work: 'steps' },
  { id: 'conv-mechanics', page: L5, hash: 'conv-mechanics.width=9&conv-mechanics.height=9', fromLink: ['seed', '5'], changeTo: '6', work: 'steps', agrees: '.conv-mech-check[data-agrees="true"]' },
  { id: 'conv-filters', page: L5, hash: '', fromLink: ['digit', '17'], changeTo: '42', work: 'once' },
  { id: 'cnn-viewer', page: L5, hash: '', fromLink: ['digit', '2'], changeTo: '3', work: 'once' },
  { id: 'cnn-occlusion', page: L12, hash: '', fromLink: ['patch', '10'], changeTo: '12', work: 'once' },
  { id: 'cnn-saliency', page: L12, hash: '', fromLink: ['digit', '2'], changeTo: '3', work: 'once' },
  { id: 'cnn-fooling', page: L12, hash: 'cnn-fooling.stepSize=0.002', fromLink: ['target', '8'], changeTo: '7', work: 'steps' },
  { id: 'gan-2d', page: L13, hash: '', fromLink: ['speed', '2'], changeTo: '3', work: 'steps' },
  { id: 'gan-sampler', page: L13, hash: 'gan-sampler.nearest=false&gan-sampler.steps=3', fromLink: ['a', '3'], changeTo: '5', work: 'once' },
  { id: 'spiral-classifier', page: L4, hash: 'spiral-classifier.perClass=30&spiral-classifier.hidden=20&spiral-classifier.steps=300', fromLink: ['seed', '5'], changeTo: '6', work: 'steps' },
  { id: 'backprop-graph', page: L4, hash: '', fromLink: ['circuit', 'max-circuit'], changeTo: 'sigmoid-gate', work: 'steps' },
  { id: 'gradient-check', page: A2, hash: 'gradient-check.samples=2', fromLink: ['digits', '6'], changeTo: '4', work: 'once' },
  { id: 'activation-lab', page: L6, hash: 'activation-lab.layers=3&activation-lab.width=20&activation-lab.batch=20', fromLink: ['seed', '5'], changeTo: '6', work: 'once' },
  // One case per Step: matmul 64, 128, then the conv layers (the larger ones skipped where too slow).
  { id: 'backend-bench', page: L8, hash: 'backend-bench.backends=page&backend-bench.largest=128&backend-bench.repeats=3', fromLink: ['budget', '20'], changeTo: '15', work: 'steps' },
  { id: 'semantic-gap', page: L1, hash: '', fromLink: ['digit', '17'], changeTo: '42', work: 'once' },
  { id: 'knn', page: L2, hash: 'knn.trainSize=200&knn.heldOut=20&knn.loopQueries=2', fromLink: ['folds', '4'], changeTo: '3', work: 'once' },
  { id: 'char-rnn', page: L10, hash: 'char-rnn.hidden=16&char-rnn.batch=4&char-rnn.seqLength=10&char-rnn.sampleLength=20&char-rnn.passage=40&char-rnn.heldOut=500', fromLink: ['seed', '5'], changeTo: '6', work: 'steps' },
  { id: 'rnn-gradient-flow', page: L10, hash: 'rnn-gradient-flow.hidden=8&rnn-gradient-flow.length=10', fromLink: ['seed', '5'], changeTo: '6', work: 'once' },
  { id: 'vae-manifold', page: L13, hash: 'vae-manifold.points=100', fromLink: ['gridSize', '5'], changeTo: '6', work: 'once' },
  { id: 'architecture-explorer', page: L9, hash: '', fromLink: ['network', 'resnet18'], changeTo: 'googlenet', work: 'once' },
  { id: 'residual-race', page: L9, hash: 'residual-race.depth=8&residual-race.batch=8', fromLink: ['seed', '5'], changeTo: '6', work: 'steps' },
  { id: 'segmentation', page: L11, hash: 'segmentation.steps=20&segmentation.batch=1', fromLink: ['scene', '3'], changeTo: '4', work: 'steps', knownGaps: { webgpu: 'one training step of the encoder-decoder takes over 90 s on SwiftShader WebGPU (issue 15)' } },
  { id: 'sliding-window', page: L11, hash: 'sliding-window.steps=20&sliding-window.stride=12&sliding-window.trainScenes=8', fromLink: ['scene', '3'], changeTo: '4', work: 'steps' },
  { id: 'detector', page: L11, hash: 'detector.steps=20&detector.batch=1', fromLink: ['scene', '3'], changeTo: '4', work: 'steps' },
];
