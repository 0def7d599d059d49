/** Settings of the detector demo (shell, element and URL hash share this declaration). */
import { boxProblem, type Box } from '../../engines/detection/boxes.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'detector';
/** Held-out scenes the detector is judged on. */
export const HELD_OUT = 100;

const BOX_PATTERN = /^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?){3}\s*$/;

export function parseBox(text: string): Box {
  const [x0, y0, x1, y1] = text.split(',').map(Number) as [number, number, number, number];
  return { x0, y0, x1, y1 };
}

export const formatBox = (b: Box): string => [b.x0, b.y0, b.x1, b.y1].map((v) => Math.round(v)).join(',');

const boxCheck = (text: string) => boxProblem(parseBox(text), 'this box')?.replace(/^this/, 'This').replace(/\.$/, '');

export const DETECTOR_SPEC = defineSettings({
  boxA: { kind: 'text', label: 'Box A (x0,y0,x1,y1)', pattern: BOX_PATTERN, maxLength: 40, default: '12,14,52,54', check: boxCheck, help: 'Drag the boxes, or type corners in pixels of the 100×100 square.' },
  boxB: { kind: 'text', label: 'Box B (x0,y0,x1,y1)', pattern: BOX_PATTERN, maxLength: 40, default: '32,30,80,72', check: boxCheck },
  scene: { kind: 'int', label: 'Held-out scene', min: 0, max: HELD_OUT - 1, default: 0, help: 'Digits the detector never trained on.' },
  scoreThreshold: { kind: 'number', label: 'Score threshold', min: 0, max: 1, step: 0.01, default: 0.2, help: 'Candidates: cells with σ(o)·p(class) at least this.' },
  nmsThreshold: { kind: 'number', label: 'NMS IoU threshold', min: 0, max: 1, step: 0.05, default: 0.45, help: 'A box is removed if its IoU with a kept box of its class is above this.' },
  nmsSteps: { kind: 'int', label: 'NMS steps shown', min: 0, max: 144, default: 144, help: 'Step through NMS: each step keeps the best box left.' },
  maxDigits: { kind: 'int', label: 'Digits per scene (most)', min: 0, max: 5, default: 5, restarts: true, help: 'Each scene has 1 to this many digits.' },
  steps: { kind: 'int', label: 'Training steps', min: 1, max: 3000, default: 400, restarts: true },
  batch: { kind: 'int', label: 'Scenes per batch', min: 1, max: 32, default: 16, restarts: true, help: 'Each step trains on new scenes.' },
  lr: { kind: 'number', label: 'Learning rate (Adam)', min: 1e-4, max: 0.05, step: 1e-4, default: 0.002 },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'Scenes and initial weights.' },
});
