/**
 * Reading a saved benchmark run back (the demo's JSON export: { demo, backend, settings, data }).
 * Every way a file can be wrong comes back as a sentence for the reader, never as an exception:
 * not JSON, another demo's export, a newer format, or entries that are not measurements.
 */
import { isBackendName } from '../../tf/types.ts';
import { OPS } from './cases.ts';
import { RESULTS_FORMAT, RESULTS_VERSION, type BenchResults, type OpResult, type TrainResult } from './results.ts';

export const DEMO_ID = 'backend-bench';
/** Saved runs are a few kilobytes; anything far larger is not one. */
export const MAX_SAVED_BYTES = 2_000_000;

export type SavedRun = { ok: true; results: BenchResults } | { ok: false; message: string };

/** A file over MAX_SAVED_BYTES is refused before it is read. */
export function refuseLargeFile(name: string, bytes: number): SavedRun {
  return { ok: false, message: `“${name}” is not a saved benchmark run: it is ${(bytes / 1e6).toFixed(1)} MB, far larger than a saved run.` };
}

export function parseSavedRun(name: string, text: string): SavedRun {
  const refuse = (why: string): SavedRun => ({ ok: false, message: `“${name}” is not a saved benchmark run: ${why}.` });
  if (text.length > MAX_SAVED_BYTES) return refuseLargeFile(name, text.length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('it is not JSON');
  }
  if (!isRecord(parsed)) return refuse('it is JSON but not an object');
  if (parsed['demo'] !== DEMO_ID) {
    return refuse(typeof parsed['demo'] === 'string' ? `it was saved by the “${parsed['demo']}” demo` : 'it was not saved by this demo (its JSON button)');
  }
  const data = parsed['data'];
  if (!isRecord(data) || data['format'] !== RESULTS_FORMAT) return refuse('its data are not benchmark results');
  if (data['version'] !== RESULTS_VERSION) return refuse(`it is format version ${String(data['version'])}; this page reads version ${RESULTS_VERSION}`);
  const ops = data['ops'];
  const train = data['train'];
  if (!Array.isArray(ops) || !Array.isArray(train)) return refuse('it has no list of measurements');
  const badOp = ops.findIndex((entry) => !isOpResult(entry));
  if (badOp >= 0) return refuse(`measurement ${badOp + 1} is not a valid measurement`);
  const badStep = train.findIndex((entry) => !isTrainResult(entry));
  if (badStep >= 0) return refuse(`training-step entry ${badStep + 1} is not valid`);
  if (ops.length === 0 && train.length === 0) return refuse('it holds no measurements');
  return {
    ok: true,
    results: {
      format: RESULTS_FORMAT,
      version: RESULTS_VERSION,
      userAgent: typeof data['userAgent'] === 'string' ? data['userAgent'] : '',
      ops: ops as OpResult[],
      train: train as TrainResult[],
      skipped: Array.isArray(data['skipped']) ? data['skipped'].filter(isNote) : [],
      failed: [],
      devices: Array.isArray(data['devices']) ? data['devices'].filter(isDevice) : [],
      backends: [],
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const positive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

function isOpResult(value: unknown): value is OpResult {
  if (!isRecord(value)) return false;
  return isBackendName(value['backend']) && (OPS as readonly unknown[]).includes(value['op']) && Number.isInteger(value['size']) && positive(value['size'])
    && positive(value['flops']) && positive(value['wallMs']) && positive(value['gflops'])
    && (value['kernelMs'] === null || positive(value['kernelMs']));
}

function isTrainResult(value: unknown): value is TrainResult {
  if (!isRecord(value)) return false;
  return isBackendName(value['backend']) && positive(value['eagerMs']) && positive(value['fusedMs']) && positive(value['eagerKernels']) && positive(value['fusedKernels']);
}

function isNote(value: unknown): value is BenchResults['skipped'][number] {
  return isRecord(value) && isBackendName(value['backend']) && typeof value['what'] === 'string' && typeof value['reason'] === 'string';
}

function isDevice(value: unknown): value is BenchResults['devices'][number] {
  return isRecord(value) && isBackendName(value['backend']) && typeof value['device'] === 'string' && typeof value['emulated'] === 'boolean';
}
